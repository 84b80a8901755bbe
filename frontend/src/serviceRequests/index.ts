import AssignmentIcon from '@mui/icons-material/Assignment';
import { lazyPage } from '../common/lazyPage';

const RequestList = lazyPage(() => import('./RequestList'), 'RequestList');
const RequestShow = lazyPage(() => import('./RequestShow'), 'RequestShow');

export default {
  list: RequestList,
  show: RequestShow,
  icon: AssignmentIcon,
};
