import HubIcon from '@mui/icons-material/Hub';
import { lazyPage } from '../common/lazyPage';

const ProviderCreate = lazyPage(() => import('./ProviderCreate'), 'ProviderCreate');
const ProviderEdit = lazyPage(() => import('./ProviderEdit'), 'ProviderEdit');
const ProviderList = lazyPage(() => import('./ProviderList'), 'ProviderList');
const ProviderShow = lazyPage(() => import('./ProviderShow'), 'ProviderShow');

export default {
  list: ProviderList,
  show: ProviderShow,
  create: ProviderCreate,
  edit: ProviderEdit,
  icon: HubIcon,
};
