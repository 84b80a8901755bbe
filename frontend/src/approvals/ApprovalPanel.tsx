// On a request's page, for an order that needs approval: why, how many approvers, until when, who
// may still decide, and who decided what, with "Approve" / "Deny" for an approver who may decide.
import { Alert, Card, CardContent, CardHeader, Chip, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { RelativeTime } from '../common/RelativeTime';
import type { ServiceRequest } from '../serviceRequests/api';
import { DecisionButtons, useDecisionDialog } from './DecisionButtons';

export const ApprovalPanel = ({ request, onChanged }: { request: ServiceRequest; onChanged: () => unknown }) => {
  const { open, dialog } = useDecisionDialog(onChanged);
  const approval = request.approval;
  if (!approval) return null;
  const approved = approval.decisions.filter((d) => d.decision === 'approved').length;
  const pending = request.status === 'pending_approval';
  return (
    <Card variant="outlined" component="section" aria-label="Approval" data-testid="request-approval">
      <CardHeader
        title="Approval"
        subheader={`${approved} of ${approval.approvals} ${approval.approvals === 1 ? 'approval' : 'approvals'}`}
        slotProps={{ title: { variant: 'subtitle1', component: 'h3' } }}
        action={approval.canDecide ? <DecisionButtons requestId={request.id} what={`request ${request.id.slice(0, 8)}`} onDecide={open} /> : null}
        sx={{ flexWrap: 'wrap', gap: 1, '& .MuiCardHeader-action': { m: 0 } }}
      />
      <CardContent sx={{ pt: 0 }}>
        <Stack spacing={1.5}>
          <Typography variant="body2">{approval.reason}</Typography>
          {pending && approval.deadline ? (
            <Alert severity="warning" variant="outlined">
              Denied <RelativeTime value={approval.deadline} /> if not decided by then.
            </Alert>
          ) : null}
          {pending ? (
            <div>
              <Typography variant="caption" color="text.secondary" component="div" gutterBottom>
                May decide
              </Typography>
              <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="approval-approvers">
                {approval.approvers.length > 0 ? (
                  approval.approvers.map((u) => <Chip key={u.id} size="small" label={u.username} />)
                ) : (
                  <Typography variant="body2" color="error">
                    Nobody: no approver of this tenant is left to decide. An administrator can add one.
                  </Typography>
                )}
              </Stack>
            </div>
          ) : null}
          {approval.decisions.length > 0 ? (
            <List dense disablePadding data-testid="approval-decisions">
              {approval.decisions.map((d) => (
                <ListItem key={`${d.approverName}-${d.at}`} disableGutters>
                  <ListItemText
                    primary={
                      <>
                        <Chip size="small" color={d.decision === 'approved' ? 'success' : 'error'} label={d.decision} sx={{ mr: 1 }} />
                        {d.approverName}
                        {d.reason ? `: ${d.reason}` : ''}
                      </>
                    }
                    secondary={<RelativeTime value={d.at} />}
                  />
                </ListItem>
              ))}
            </List>
          ) : null}
        </Stack>
      </CardContent>
      {dialog}
    </Card>
  );
};
