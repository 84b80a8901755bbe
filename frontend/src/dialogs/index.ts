import DynamicFormIcon from '@mui/icons-material/DynamicForm';
import { DialogImportPage } from './DialogImportPage';
import { DialogList } from './DialogList';
import { DialogShow } from './DialogShow';

export default {
  list: DialogList,
  show: DialogShow,
  import: DialogImportPage,
  icon: DynamicFormIcon,
};
