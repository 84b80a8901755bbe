import CloudQueueIcon from '@mui/icons-material/CloudQueue';
import { ServiceList } from './ServiceList';
import { ServiceShow } from './ServiceShow';

export default {
  list: ServiceList,
  show: ServiceShow,
  icon: CloudQueueIcon,
};
