import { InboxIcon } from './InboxIcon';
import { lazyPage } from '../common/lazyPage';

const ApprovalInbox = lazyPage(() => import('./ApprovalInbox'), 'ApprovalInbox');

export default {
  list: ApprovalInbox,
  icon: InboxIcon,
};
