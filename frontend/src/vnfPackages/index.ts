import WidgetsIcon from '@mui/icons-material/Widgets';
import { lazyPage } from '../common/lazyPage';

const VnfPackageList = lazyPage(() => import('./VnfPackageList'), 'VnfPackageList');
const VnfPackageShow = lazyPage(() => import('./VnfPackageShow'), 'VnfPackageShow');

export default {
  list: VnfPackageList,
  show: VnfPackageShow,
  icon: WidgetsIcon,
};
