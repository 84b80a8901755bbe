import ScheduleIcon from '@mui/icons-material/Schedule';
import { lazyPage } from '../common/lazyPage';

const ScheduleList = lazyPage(() => import('./ScheduleList'), 'ScheduleList');

export default {
  list: ScheduleList,
  icon: ScheduleIcon,
};
