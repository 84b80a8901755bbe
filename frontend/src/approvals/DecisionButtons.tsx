// "Approve" and "Deny" for a request that waits for the caller's decision: each opens a dialog for
// the reason (required to deny: the requester reads it), then calls approveServiceRequest or
// denyServiceRequest. The server's refusal (decided meanwhile, no longer pending) is shown as is.
import { type ReactNode, useCallback, useState } from 'react';
import ApproveIcon from '@mui/icons-material/CheckCircleOutlined';
import DenyIcon from '@mui/icons-material/DoNotDisturbOn';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useDataProvider, useNotify } from 'react-admin';
import type { SuperfluidDataProvider } from '../dataProvider';

type Decision = 'approve' | 'deny';

/** What is being decided, and how. */
export interface DecisionTarget {
  requestId: string;
  /** The request, as the dialog names it: `request 1a2b3c4d`. */
  what: string;
  decision: Decision;
}

/**
 * The dialog that asks for the reason and sends the decision, and the function that opens it.
 * Kept by a component that stays on the page while the buttons may not (the inbox switches from a
 * table to a list when a phone turns): what was typed survives.
 */
export const useDecisionDialog = (onDecided: () => unknown): { open: (target: DecisionTarget) => void; dialog: ReactNode } => {
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const notify = useNotify();
  const [target, setTarget] = useState<DecisionTarget | null>(null);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const { mutate, isPending } = useMutation({
    mutationFn: ({ requestId, decision, text }: { requestId: string; decision: Decision; text: string }) =>
      decision === 'approve' ? dataProvider.approveServiceRequest(requestId, text.trim() || null) : dataProvider.denyServiceRequest(requestId, text),
    onSuccess: (_, { decision }) => {
      notify(decision === 'approve' ? `Approved ${target?.what ?? 'the request'}` : `Denied ${target?.what ?? 'the request'}`, { type: 'success' });
      setTarget(null);
      void onDecided();
    },
    onError: (error: Error) => {
      notify(error.message, { type: 'error' });
      setTarget(null);
      void onDecided();
    },
  });
  const open = useCallback((next: DecisionTarget) => {
    setReason('');
    setTouched(false);
    setTarget(next);
  }, []);
  const deny = target?.decision === 'deny';
  const missing = deny && reason.trim() === '';
  const submit = () => {
    setTouched(true);
    if (target && !missing) mutate({ requestId: target.requestId, decision: target.decision, text: reason });
  };
  const dialog = (
    <Dialog
      open={target !== null}
      onClose={() => setTarget(null)}
      onClick={(event) => event.stopPropagation()}
      fullWidth
      maxWidth="sm"
      aria-labelledby="decision-title"
    >
      <DialogTitle id="decision-title" sx={{ overflowWrap: 'anywhere' }}>
        {deny ? 'Deny' : 'Approve'} {target?.what}
      </DialogTitle>
      <DialogContent>
        <DialogContentText variant="body2" sx={{ mb: 2 }}>
          {deny
            ? 'The request ends denied and nothing of it runs. Say why: the requester reads it.'
            : 'Once approved by as many approvers as its item asks, the request runs.'}
        </DialogContentText>
        <TextField
          label={deny ? 'Reason' : 'Reason (optional)'}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          onBlur={() => setTouched(true)}
          required={deny}
          error={touched && missing}
          helperText={touched && missing ? 'Required to deny' : ' '}
          multiline
          minRows={2}
          fullWidth
          autoFocus
          slotProps={{ htmlInput: { maxLength: 2000 } }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={() => setTarget(null)}>Cancel</Button>
        <Button variant="contained" color={deny ? 'error' : 'success'} onClick={submit} disabled={isPending}>
          {deny ? 'Deny request' : 'Approve request'}
        </Button>
      </DialogActions>
    </Dialog>
  );
  return { open, dialog };
};

/** The two buttons; `onDecide` opens the dialog of a useDecisionDialog. */
export const DecisionButtons = ({ requestId, what, onDecide }: { requestId: string; what: string; onDecide: (target: DecisionTarget) => void }) => (
  <Stack direction="row" spacing={1} onClick={(event) => event.stopPropagation()}>
    <Button
      size="small"
      variant="contained"
      color="success"
      startIcon={<ApproveIcon />}
      onClick={() => onDecide({ requestId, what, decision: 'approve' })}
      aria-label={`Approve ${what}`}
    >
      Approve
    </Button>
    <Button
      size="small"
      variant="outlined"
      color="error"
      startIcon={<DenyIcon />}
      onClick={() => onDecide({ requestId, what, decision: 'deny' })}
      aria-label={`Deny ${what}`}
    >
      Deny
    </Button>
  </Stack>
);
