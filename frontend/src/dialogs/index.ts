import DynamicFormIcon from '@mui/icons-material/DynamicForm';
import { DialogCreate, DialogEdit } from './DialogEditorPages';
import { DialogImportPage } from './DialogImportPage';
import { DialogList } from './DialogList';
import { DialogShow } from './DialogShow';

export default {
  list: DialogList,
  show: DialogShow,
  create: DialogCreate,
  edit: DialogEdit,
  import: DialogImportPage,
  icon: DynamicFormIcon,
};
