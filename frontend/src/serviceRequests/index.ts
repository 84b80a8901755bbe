import AssignmentIcon from '@mui/icons-material/Assignment';
import { RequestList } from './RequestList';
import { RequestShow } from './RequestShow';

export default {
  list: RequestList,
  show: RequestShow,
  icon: AssignmentIcon,
};
