import ListAltIcon from '@mui/icons-material/ListAlt';
import { TemplateCreate, TemplateEdit } from './TemplateEditorPages';
import { TemplateList } from './TemplateList';

export default {
  list: TemplateList,
  create: TemplateCreate,
  edit: TemplateEdit,
  icon: ListAltIcon,
};
