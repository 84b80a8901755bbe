import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { InventoryCreate } from './InventoryCreate';
import { InventoryEdit } from './InventoryEdit';
import { InventoryList } from './InventoryList';
import { InventoryShow } from './InventoryShow';

export default {
  list: InventoryList,
  show: InventoryShow,
  create: InventoryCreate,
  edit: InventoryEdit,
  icon: AccountTreeIcon,
};
