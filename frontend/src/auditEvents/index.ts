import PolicyIcon from '@mui/icons-material/Policy';
import { lazyPage } from '../common/lazyPage';

const AuditList = lazyPage(() => import('./AuditList'), 'AuditList');

export default {
  list: AuditList,
  icon: PolicyIcon,
};
