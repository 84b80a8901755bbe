// Webhooks of one repository: turn them on, and the payload URL and secret to give the git host
// are shown — the secret this once. While on: rotate the secret, or turn them off.
import { useState } from 'react';
import WebhookIcon from '@mui/icons-material/Webhook';
import { Alert, AlertTitle, Box, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { Confirm, useDataProvider, useNotify, useRefresh } from 'react-admin';
import { CopyableValue } from '../common/CopyButton';
import type { SuperfluidDataProvider } from '../dataProvider';
import type { GitRepo, GitWebhook } from './api';

// As backend/src/git-repos/webhook-signature.ts checks them.
const HOSTS = [
  { host: 'GitHub', where: 'Settings → Webhooks: payload URL, content type application/json, secret', header: 'X-Hub-Signature-256' },
  { host: 'Gitea, Forgejo', where: 'Settings → Webhooks → Gitea: target URL, secret', header: 'X-Gitea-Signature (or X-Hub-Signature-256)' },
  { host: 'GitLab', where: 'Settings → Webhooks: URL, secret token, push events', header: 'X-Gitlab-Token' },
  { host: 'Anything else', where: 'an HMAC-SHA256 of the body with the secret, in hex', header: 'X-Superfluid-Signature: sha256=<hex>' },
];

const HostHeaders = () => (
  <Table size="small" aria-label="Webhook headers by git host" sx={{ mt: 1 }}>
    <TableHead>
      <TableRow>
        <TableCell>Git host</TableCell>
        <TableCell>Where to set it</TableCell>
        <TableCell>Signature header it sends</TableCell>
      </TableRow>
    </TableHead>
    <TableBody>
      {HOSTS.map((h) => (
        <TableRow key={h.host}>
          <TableCell>{h.host}</TableCell>
          <TableCell>{h.where}</TableCell>
          <TableCell>
            <code>{h.header}</code>
          </TableCell>
        </TableRow>
      ))}
    </TableBody>
  </Table>
);

type Confirming = 'rotate' | 'disable' | null;

export const WebhookPanel = ({ repo }: { repo: GitRepo }) => {
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  // The secret of the last enable or rotate, until the user is done with it; never stored elsewhere.
  const [revealed, setRevealed] = useState<GitWebhook | null>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const onError = (error: Error) => notify(error.message, { type: 'error' });
  const enable = useMutation({
    mutationFn: () => dataProvider.enableGitWebhook(repo.id),
    onSuccess: ({ data }) => {
      setRevealed(data);
      refresh();
    },
    onError,
  });
  const disable = useMutation({
    mutationFn: () => dataProvider.disableGitWebhook(repo.id),
    onSuccess: () => {
      setRevealed(null);
      notify('Webhook turned off: calls to its URL are refused from now on', { type: 'info' });
      refresh();
    },
    onError,
  });
  const busy = enable.isPending || disable.isPending;
  const on = Boolean(repo.webhookUrl) || revealed !== null;

  return (
    <Box data-testid="webhook-panel" data-state={on ? 'on' : 'off'}>
      {revealed ? (
        <Alert severity="warning" data-testid="webhook-revealed" sx={{ mb: 2 }}>
          <AlertTitle>Give these to your git host now: the secret won&apos;t be shown again</AlertTitle>
          <Stack spacing={0.5}>
            <Typography variant="body2" component="div">
              Payload URL: <CopyableValue text={revealed.url} what="payload URL" testId="webhook-url" />
            </Typography>
            <Typography variant="body2" component="div">
              Secret: <CopyableValue text={revealed.secret} what="webhook secret" testId="webhook-secret" />
            </Typography>
          </Stack>
          <Typography variant="body2" sx={{ mt: 1 }}>
            Lost it? Rotate the secret to get a new one; the old one then stops working.
          </Typography>
          <Button size="small" sx={{ mt: 1 }} onClick={() => setRevealed(null)}>
            I have stored it
          </Button>
        </Alert>
      ) : on && repo.webhookUrl ? (
        <Typography variant="body2" component="div" sx={{ mb: 1 }}>
          On. Payload URL: <CopyableValue text={repo.webhookUrl} what="payload URL" testId="webhook-url" />
        </Typography>
      ) : (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          Off. Turn it on to let GitHub, GitLab or Gitea refresh this repository as soon as it is pushed to.
          {repo.hosted ? ' (A hosted repository is already refreshed by every push to the portal.)' : ''}
        </Typography>
      )}

      {on ? (
        <>
          <Typography variant="body2" color="text.secondary">
            Each call must be signed with the secret; a call with a bad or missing signature is refused and refreshes nothing.
          </Typography>
          <HostHeaders />
          <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
            <Button size="small" variant="outlined" disabled={busy} onClick={() => setConfirming('rotate')}>
              Rotate secret
            </Button>
            <Button size="small" variant="outlined" color="error" disabled={busy} onClick={() => setConfirming('disable')}>
              Disable
            </Button>
          </Stack>
        </>
      ) : (
        <Button size="small" variant="contained" startIcon={<WebhookIcon />} disabled={busy} onClick={() => enable.mutate()}>
          {enable.isPending ? 'Enabling…' : 'Enable webhook'}
        </Button>
      )}

      <Confirm
        isOpen={confirming === 'rotate'}
        title="Rotate the webhook secret?"
        content="The current secret stops working at once: calls signed with it are refused until you give the new one to the git host."
        confirm="Rotate"
        onConfirm={() => {
          setConfirming(null);
          enable.mutate();
        }}
        onClose={() => setConfirming(null)}
      />
      <Confirm
        isOpen={confirming === 'disable'}
        title="Turn the webhook off?"
        content="Calls to the payload URL are refused from now on. Turning it on again gives a new secret."
        confirm="Disable"
        confirmColor="warning"
        onConfirm={() => {
          setConfirming(null);
          disable.mutate();
        }}
        onClose={() => setConfirming(null)}
      />
    </Box>
  );
};
