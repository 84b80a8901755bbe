import GroupsIcon from '@mui/icons-material/Groups';
import { lazyPage } from '../common/lazyPage';

const GroupCreate = lazyPage(() => import('./GroupCreate'), 'GroupCreate');
const GroupEdit = lazyPage(() => import('./GroupEdit'), 'GroupEdit');
const GroupList = lazyPage(() => import('./GroupList'), 'GroupList');

export default {
  list: GroupList,
  create: GroupCreate,
  edit: GroupEdit,
  icon: GroupsIcon,
};
