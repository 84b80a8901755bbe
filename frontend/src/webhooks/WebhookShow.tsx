// One webhook endpoint: its URL, tenant, whether it is enabled, when its secret was made, with
// Enable / Disable, Rotate secret and Delete — and its delivery log with Re-send.
import type { ReactNode } from 'react';
import { Box, Stack, Typography } from '@mui/material';
import { Loading, Show, TopToolbar, useShowContext } from 'react-admin';
import { RelativeTime } from '../common/RelativeTime';
import { nameOf, useTenants } from '../tenants/useTenants';
import type { WebhookEndpoint } from './api';
import { DeliveryLog } from './DeliveryLog';
import { DeleteEndpointButton, EnabledSwitch, RotateSecretButton } from './EndpointActions';

const Fact = ({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) => (
  <Box sx={{ minWidth: 140, maxWidth: '100%' }}>
    <Typography variant="caption" color="text.secondary" component="div">
      {label}
    </Typography>
    <Typography variant="body2" component="div" data-testid={testId} sx={{ overflowWrap: 'anywhere' }}>
      {children}
    </Typography>
  </Box>
);

const Actions = () => (
  <TopToolbar sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
    <EnabledSwitch />
    <RotateSecretButton />
    <DeleteEndpointButton redirect="list" />
  </TopToolbar>
);

const EndpointDetails = () => {
  const { record, isPending } = useShowContext<WebhookEndpoint>();
  const { tenants } = useTenants();
  if (isPending || !record) return <Loading />;
  return (
    <Stack spacing={2} sx={{ p: 2 }} data-testid="webhook-show">
      <Stack direction="row" spacing={3} sx={{ flexWrap: 'wrap' }} useFlexGap>
        <Fact label="URL" testId="webhook-url">
          <code>{record.url}</code>
        </Fact>
        <Fact label="Tenant">{nameOf(tenants, record.tenantId)}</Fact>
        <Fact label="Status">{record.enabled ? 'Enabled' : 'Disabled: deliveries fail until it is enabled'}</Fact>
        <Fact label="Created">
          <RelativeTime value={record.createdAt} />
        </Fact>
        <Fact label="Secret made">
          <RelativeTime value={record.secretRotatedAt} />
        </Fact>
      </Stack>
      <DeliveryLog endpointId={record.id} />
    </Stack>
  );
};

export const WebhookShow = () => (
  <Show actions={<Actions />} title={<ShowTitle />}>
    <EndpointDetails />
  </Show>
);

const ShowTitle = () => {
  const { record } = useShowContext<WebhookEndpoint>();
  return <>{record ? `Webhook “${record.name}”` : 'Webhook'}</>;
};
