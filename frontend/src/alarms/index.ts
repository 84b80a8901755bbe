import AlarmIcon from '@mui/icons-material/NotificationImportant';
import { AlarmList } from './AlarmList';

export default {
  list: AlarmList,
  icon: AlarmIcon,
};
