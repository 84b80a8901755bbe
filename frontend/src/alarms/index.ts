import AlarmIcon from '@mui/icons-material/ReportProblem';
import { AlarmList } from './AlarmList';

export default {
  list: AlarmList,
  icon: AlarmIcon,
};
