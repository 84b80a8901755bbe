// What one does to a webhook endpoint: enable or disable it (a disabled one's deliveries fail),
// rotate its secret (the new one shown once), delete it after a confirmation.
import { useState } from 'react';
import RotateIcon from '@mui/icons-material/Autorenew';
import { Button, FormControlLabel, Switch } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { Confirm, DeleteButton, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { SuperfluidDataProvider } from '../dataProvider';
import type { EndpointWithSecret, WebhookEndpoint } from './api';
import { SecretDialog } from './SecretDialog';

export const EnabledSwitch = () => {
  const record = useRecordContext<WebhookEndpoint>();
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const { mutate, isPending } = useMutation({
    mutationFn: (enabled: boolean) => dataProvider.update<WebhookEndpoint>('webhookEndpoints', { id: record!.id, data: { enabled }, previousData: record! }),
    onSuccess: ({ data }) =>
      notify(data.enabled ? `Endpoint “${data.name}” enabled` : `Endpoint “${data.name}” disabled: its deliveries fail until enabled`, { type: 'info' }),
    onError: (e: Error) => notify(e.message, { type: 'error' }),
    onSettled: refresh,
  });
  if (!record) return null;
  return (
    <FormControlLabel
      onClick={(e) => e.stopPropagation()}
      control={
        <Switch
          checked={record.enabled}
          disabled={isPending}
          onChange={(e) => mutate(e.target.checked)}
          slotProps={{ input: { 'aria-label': `${record.name} enabled` } }}
          data-testid="webhook-enabled"
        />
      }
      label={record.enabled ? 'Enabled' : 'Disabled'}
    />
  );
};

export const RotateSecretButton = () => {
  const record = useRecordContext<WebhookEndpoint>();
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [confirming, setConfirming] = useState(false);
  const [shown, setShown] = useState<EndpointWithSecret | null>(null);
  const { mutate, isPending } = useMutation({
    mutationFn: () => dataProvider.rotateWebhookSecret(record!.id),
    onSuccess: ({ data }) => setShown(data),
    onError: (e: Error) => notify(e.message, { type: 'error' }),
    onSettled: () => setConfirming(false),
  });
  if (!record) return null;
  return (
    <>
      <Button size="small" startIcon={<RotateIcon />} onClick={() => setConfirming(true)}>
        Rotate secret
      </Button>
      <Confirm
        isOpen={confirming}
        loading={isPending}
        title={`Rotate the secret of “${record.name}”?`}
        content="A new secret replaces the current one at once: the receiver must use the new one, or it will reject what the portal sends."
        confirm="Rotate secret"
        onConfirm={() => mutate()}
        onClose={() => setConfirming(false)}
      />
      <SecretDialog
        shown={shown}
        rotated
        onDone={() => {
          setShown(null);
          refresh();
        }}
      />
    </>
  );
};

export const DeleteEndpointButton = ({ redirect = false }: { redirect?: 'list' | false }) => {
  const record = useRecordContext<WebhookEndpoint>();
  if (!record) return null;
  return (
    <DeleteButton
      mutationMode="pessimistic"
      redirect={redirect}
      confirmTitle={`Delete webhook endpoint “${record.name}”?`}
      confirmContent="The subscriptions that post to it and its delivery log go with it. Nothing more is sent to it."
      aria-label={`Delete ${record.name}`}
    />
  );
};
