// The signing secret of a webhook endpoint, shown this once (after creating the endpoint or rotating
// its secret) with a copy button: only the portal keeps it, encrypted, and never shows it again.
import KeyIcon from '@mui/icons-material/Key';
import { Alert, AlertTitle, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { CopyableValue } from '../common/CopyButton';
import type { EndpointWithSecret } from './api';

export const SecretShown = ({ shown, rotated }: { shown: EndpointWithSecret; rotated: boolean }) => (
  <DialogContent data-testid="webhook-secret-dialog">
    <Alert severity="warning" sx={{ mb: 2 }}>
      <AlertTitle>Copy the secret now: it won&apos;t be shown again</AlertTitle>
      {rotated ? 'The old secret no longer signs anything: give this one to the receiver at once. ' : ''}
      If you lose it, rotate the secret to get a new one.
    </Alert>
    <Typography variant="body2" component="div" sx={{ mb: 2 }}>
      <CopyableValue text={shown.secret} what="signing secret" testId="webhook-secret" />
    </Typography>
    <Typography variant="body2" color="text.secondary">
      Each POST to <code style={{ overflowWrap: 'anywhere' }}>{shown.endpoint.url}</code> carries the headers <code>webhook-id</code>,{' '}
      <code>webhook-timestamp</code> and <code>webhook-signature</code> (Standard Webhooks): the receiver checks the signature with this secret, e.g.{' '}
      <code>new Webhook(secret).verify(body, headers)</code> of the <code>standardwebhooks</code> package.
    </Typography>
  </DialogContent>
);

/** The dialog alone (for Rotate secret); clicking beside it does not close it, so the secret is not lost by accident. */
export const SecretDialog = ({ shown, rotated, onDone }: { shown: EndpointWithSecret | null; rotated: boolean; onDone: () => void }) => (
  <Dialog
    open={shown !== null}
    onClose={(_event, reason) => {
      if (reason !== 'backdropClick') onDone();
    }}
    fullWidth
    maxWidth="sm"
    aria-labelledby="webhook-secret-title"
  >
    <DialogTitle id="webhook-secret-title" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
      <KeyIcon fontSize="small" /> {rotated ? 'New signing secret' : 'Signing secret'} of “{shown?.endpoint.name}”
    </DialogTitle>
    {shown ? <SecretShown shown={shown} rotated={rotated} /> : null}
    <DialogActions>
      <Button variant="contained" onClick={onDone}>
        Done
      </Button>
    </DialogActions>
  </Dialog>
);
