import QueueIcon from '@mui/icons-material/Queue';
import { QueuesPage } from './QueuesPage';

export default {
  list: QueuesPage,
  icon: QueueIcon,
};
