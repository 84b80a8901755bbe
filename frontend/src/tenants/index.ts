import DomainIcon from '@mui/icons-material/Domain';
import { lazyPage } from '../common/lazyPage';

const TenantCreate = lazyPage(() => import('./TenantCreate'), 'TenantCreate');
const TenantEdit = lazyPage(() => import('./TenantEdit'), 'TenantEdit');
const TenantList = lazyPage(() => import('./TenantList'), 'TenantList');

export default {
  list: TenantList,
  create: TenantCreate,
  edit: TenantEdit,
  icon: DomainIcon,
};
