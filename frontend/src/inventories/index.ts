import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { lazyPage } from '../common/lazyPage';

const InventoryCreate = lazyPage(() => import('./InventoryCreate'), 'InventoryCreate');
const InventoryEdit = lazyPage(() => import('./InventoryEdit'), 'InventoryEdit');
const InventoryList = lazyPage(() => import('./InventoryList'), 'InventoryList');
const InventoryShow = lazyPage(() => import('./InventoryShow'), 'InventoryShow');

export default {
  list: InventoryList,
  show: InventoryShow,
  create: InventoryCreate,
  edit: InventoryEdit,
  icon: AccountTreeIcon,
};
