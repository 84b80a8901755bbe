// The menu's icon for the inbox, with the live count of what waits for the approver.
import ApprovalIcon from '@mui/icons-material/FactCheck';
import { Badge } from '@mui/material';
import { useInboxCount } from './useInboxCount';

export const InboxIcon = () => {
  const count = useInboxCount();
  return (
    <Badge badgeContent={count ?? 0} color="error" max={99} data-testid="approvals-badge" data-count={count ?? ''}>
      <ApprovalIcon />
    </Badge>
  );
};
