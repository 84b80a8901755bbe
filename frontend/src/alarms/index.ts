import AlarmIcon from '@mui/icons-material/ReportProblem';
import { lazyPage } from '../common/lazyPage';

const AlarmList = lazyPage(() => import('./AlarmList'), 'AlarmList');

export default {
  list: AlarmList,
  icon: AlarmIcon,
};
