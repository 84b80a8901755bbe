import KeyIcon from '@mui/icons-material/VpnKey';
import { lazyPage } from '../common/lazyPage';

const OidcGroupMappingCreate = lazyPage(() => import('./OidcGroupMappingCreate'), 'OidcGroupMappingCreate');
const OidcGroupMappingList = lazyPage(() => import('./OidcGroupMappingList'), 'OidcGroupMappingList');

export default {
  list: OidcGroupMappingList,
  create: OidcGroupMappingCreate,
  icon: KeyIcon,
};
