import DynamicFormIcon from '@mui/icons-material/DynamicForm';
import { lazyPage } from '../common/lazyPage';

const DialogCreate = lazyPage(() => import('./DialogEditorPages'), 'DialogCreate');
const DialogEdit = lazyPage(() => import('./DialogEditorPages'), 'DialogEdit');
const DialogImportPage = lazyPage(() => import('./DialogImportPage'), 'DialogImportPage');
const DialogList = lazyPage(() => import('./DialogList'), 'DialogList');
const DialogShow = lazyPage(() => import('./DialogShow'), 'DialogShow');

export default {
  list: DialogList,
  show: DialogShow,
  create: DialogCreate,
  edit: DialogEdit,
  import: DialogImportPage,
  icon: DynamicFormIcon,
};
