import WebhookIcon from '@mui/icons-material/Webhook';
import { lazyPage } from '../common/lazyPage';

const WebhookList = lazyPage(() => import('./WebhookList'), 'WebhookList');
const WebhookShow = lazyPage(() => import('./WebhookShow'), 'WebhookShow');

export default {
  list: WebhookList,
  show: WebhookShow,
  icon: WebhookIcon,
};
