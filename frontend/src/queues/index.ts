import QueueIcon from '@mui/icons-material/Queue';
import { lazyPage } from '../common/lazyPage';

const QueuesPage = lazyPage(() => import('./QueuesPage'), 'QueuesPage');

export default {
  list: QueuesPage,
  icon: QueueIcon,
};
