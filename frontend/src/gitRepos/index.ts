import SourceIcon from '@mui/icons-material/Source';
import { GitRepoList } from './GitRepoList';

export default {
  list: GitRepoList,
  icon: SourceIcon,
};
