// On an order form: what the item's approval policy means for this order, before it is placed.
import { Alert } from '@mui/material';

export interface ApprovalPolicy {
  mode: string;
  approvals: number;
  timeoutHours: number;
}

const hours = (h: number) => (h % 24 === 0 ? `${h / 24} ${h === 24 ? 'day' : 'days'}` : `${h} ${h === 1 ? 'hour' : 'hours'}`);

export const ApprovalNote = ({ policy }: { policy: ApprovalPolicy | null | undefined }) => {
  if (!policy || policy.mode === 'automatic') return null;
  const who = policy.approvals === 1 ? 'an approver' : `${policy.approvals} approvers`;
  return (
    <Alert severity="info" variant="outlined" data-testid="approval-note" sx={{ mb: 2 }}>
      {policy.mode === 'rules' ? `Depending on what you order, it may wait for ${who}` : `Your order waits for ${who}`} of your tenant before it runs; undecided
      after {hours(policy.timeoutHours)}, it is denied.
    </Alert>
  );
};
