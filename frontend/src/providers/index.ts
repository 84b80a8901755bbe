import HubIcon from '@mui/icons-material/Hub';
import { ProviderCreate } from './ProviderCreate';
import { ProviderEdit } from './ProviderEdit';
import { ProviderList } from './ProviderList';
import { ProviderShow } from './ProviderShow';

export default {
  list: ProviderList,
  show: ProviderShow,
  create: ProviderCreate,
  edit: ProviderEdit,
  icon: HubIcon,
};
