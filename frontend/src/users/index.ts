import PersonIcon from '@mui/icons-material/Person';
import { lazyPage } from '../common/lazyPage';

const UserCreate = lazyPage(() => import('./UserCreate'), 'UserCreate');
const UserEdit = lazyPage(() => import('./UserEdit'), 'UserEdit');
const UserList = lazyPage(() => import('./UserList'), 'UserList');

export default {
  list: UserList,
  create: UserCreate,
  edit: UserEdit,
  icon: PersonIcon,
};
