import SourceIcon from '@mui/icons-material/Source';
import { GitRepoCreate } from './GitRepoCreate';
import { GitRepoEdit } from './GitRepoEdit';
import { GitRepoList } from './GitRepoList';
import { GitRepoShow } from './GitRepoShow';

export default {
  list: GitRepoList,
  show: GitRepoShow,
  create: GitRepoCreate,
  edit: GitRepoEdit,
  icon: SourceIcon,
};
