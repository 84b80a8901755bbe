import KeyIcon from '@mui/icons-material/VpnKey';
import { OidcGroupMappingCreate } from './OidcGroupMappingCreate';
import { OidcGroupMappingList } from './OidcGroupMappingList';

export default {
  list: OidcGroupMappingList,
  create: OidcGroupMappingCreate,
  icon: KeyIcon,
};
