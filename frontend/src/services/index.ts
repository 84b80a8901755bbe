import CloudQueueIcon from '@mui/icons-material/CloudQueue';
import { lazyPage } from '../common/lazyPage';

const ServiceList = lazyPage(() => import('./ServiceList'), 'ServiceList');
const ReconfigurePage = lazyPage(() => import('./ReconfigurePage'), 'ReconfigurePage');
const ServiceShow = lazyPage(() => import('./ServiceShow'), 'ServiceShow');

export default {
  list: ServiceList,
  show: ServiceShow,
  reconfigure: ReconfigurePage,
  icon: CloudQueueIcon,
};
