import DnsIcon from '@mui/icons-material/Dns';
import { lazyPage } from '../common/lazyPage';

const InstanceList = lazyPage(() => import('./InstanceList'), 'InstanceList');

export default {
  list: InstanceList,
  icon: DnsIcon,
};
