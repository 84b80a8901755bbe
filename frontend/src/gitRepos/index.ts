import SourceIcon from '@mui/icons-material/Source';
import { lazyPage } from '../common/lazyPage';

const GitRepoCreate = lazyPage(() => import('./GitRepoCreate'), 'GitRepoCreate');
const GitRepoEdit = lazyPage(() => import('./GitRepoEdit'), 'GitRepoEdit');
const GitRepoList = lazyPage(() => import('./GitRepoList'), 'GitRepoList');
const GitRepoShow = lazyPage(() => import('./GitRepoShow'), 'GitRepoShow');

export default {
  list: GitRepoList,
  show: GitRepoShow,
  create: GitRepoCreate,
  edit: GitRepoEdit,
  icon: SourceIcon,
};
