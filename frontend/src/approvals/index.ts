import { ApprovalInbox } from './ApprovalInbox';
import { InboxIcon } from './InboxIcon';

export default {
  list: ApprovalInbox,
  icon: InboxIcon,
};
