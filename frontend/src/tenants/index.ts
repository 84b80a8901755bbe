import DomainIcon from '@mui/icons-material/Domain';
import { TenantCreate } from './TenantCreate';
import { TenantEdit } from './TenantEdit';
import { TenantList } from './TenantList';

export default {
  list: TenantList,
  create: TenantCreate,
  edit: TenantEdit,
  icon: DomainIcon,
};
