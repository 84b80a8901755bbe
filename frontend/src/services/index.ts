import CloudQueueIcon from '@mui/icons-material/CloudQueue';
import { ServiceList } from './ServiceList';
import { ReconfigurePage } from './ReconfigurePage';
import { ServiceShow } from './ServiceShow';

export default {
  list: ServiceList,
  show: ServiceShow,
  reconfigure: ReconfigurePage,
  icon: CloudQueueIcon,
};
