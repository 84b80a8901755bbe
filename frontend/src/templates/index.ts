import ListAltIcon from '@mui/icons-material/ListAlt';
import { lazyPage } from '../common/lazyPage';

const TemplateCreate = lazyPage(() => import('./TemplateEditorPages'), 'TemplateCreate');
const TemplateEdit = lazyPage(() => import('./TemplateEditorPages'), 'TemplateEdit');
const TemplateList = lazyPage(() => import('./TemplateList'), 'TemplateList');

export default {
  list: TemplateList,
  create: TemplateCreate,
  edit: TemplateEdit,
  icon: ListAltIcon,
};
