// One provider: its health (with "Check now"), the history of its checks as a chart, its tenant and
// whom it is shared with ("Share"); then, in tabs, what it holds (Kubernetes and OpenStack, with
// "Read now"), its settings with the inventory its runs get, and its recent alarms.
import EditIcon from '@mui/icons-material/Edit';
import { Box, Button, Card, CardContent, CardHeader, Chip, Stack, Tab, Tabs, Typography, type CardProps } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Loading, Show, TopToolbar, useGetMany, useShowContext } from 'react-admin';
import { JsonView } from '../common/JsonView';
import { RelativeTime } from '../common/RelativeTime';
import type { Credential } from '../credentials/api';
import { SharedWith } from '../tenants/SharedWith';
import type { JsonValue } from '../types';
import type { Provider } from './api';
import { PerformancePanel } from '../performance/PerformancePanel';
import { AlarmsPanel } from './AlarmsPanel';
import { CheckNowButton } from './CheckNowButton';
import { DeleteProviderButton } from './DeleteProviderButton';
import { HealthBadge } from './HealthBadge';
import { HealthChart } from './HealthChart';
import { ProviderResources } from './ProviderResources';
import { ShareProviderButton } from './ShareProviderButton';

const Fact = ({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) => (
  <Box sx={{ minWidth: 140 }}>
    <Typography variant="caption" color="text.secondary" component="div">
      {label}
    </Typography>
    <Typography variant="body2" component="div" data-testid={testId}>
      {children}
    </Typography>
  </Box>
);

const Section = ({ title, children, ...props }: { title: string; children: ReactNode } & CardProps) => (
  <Card variant="outlined" component="section" aria-label={title} {...props}>
    <CardHeader title={title} slotProps={{ title: { variant: 'subtitle1', component: 'h2' } }} sx={{ pb: 0 }} />
    <CardContent>{children}</CardContent>
  </Card>
);

const ProviderDetails = () => {
  const { record, isPending } = useShowContext<Provider>();
  const credentialIds = [record?.credentialId, record?.becomeCredentialId].filter((id): id is string => !!id);
  const { data: credentials = [] } = useGetMany<Credential>('credentials', { ids: credentialIds }, { enabled: credentialIds.length > 0 });
  if (isPending || !record) return <Loading />;
  const credentialName = (id: string | null) => (id ? (credentials.find((c) => c.id === id)?.name ?? id.slice(0, 8)) : '—');
  return (
    <Stack spacing={2} sx={{ p: 2 }} data-testid="provider-show">
      <Stack direction="row" spacing={3} sx={{ flexWrap: 'wrap' }} useFlexGap>
        <Fact label="Health">
          <HealthBadge status={record.healthStatus} message={record.healthMessage} checkedAt={record.healthCheckedAt} />
        </Fact>
        <Fact label="Last checked" testId="provider-checked-at">
          <RelativeTime value={record.healthCheckedAt} />
        </Fact>
        <Fact label="Type">
          <Chip size="small" label={record.type} />
        </Fact>
        <Fact label="Credential">
          {record.credentialId ? <Link to={`/credentials/${encodeURIComponent(record.credentialId)}`}>{credentialName(record.credentialId)}</Link> : '—'}
        </Fact>
        <Fact label="Become credential">
          {record.becomeCredentialId ? (
            <Link to={`/credentials/${encodeURIComponent(record.becomeCredentialId)}`}>{credentialName(record.becomeCredentialId)}</Link>
          ) : (
            '—'
          )}
        </Fact>
        <Fact label="Created">
          <RelativeTime value={record.createdAt} />
        </Fact>
      </Stack>
      <SharedWith ownerTenantId={record.tenantId} sharedWith={record.sharedWith} />
      {record.healthMessage && (
        <Typography
          variant="body2"
          color={record.healthStatus === 'down' ? 'error' : 'text.secondary'}
          data-testid="provider-health-message"
          sx={{ whiteSpace: 'pre-wrap' }}
        >
          {record.healthMessage}
        </Typography>
      )}
      <Section title="Health history">
        <HealthChart history={record.healthHistory ?? []} />
      </Section>
      <ProviderTabs provider={record} />
    </Stack>
  );
};

type ProviderTab = 'resources' | 'performance' | 'settings' | 'alarms';

/** What it holds and its performance jobs (for the types whose API answers), its settings and its alarms. */
const ProviderTabs = ({ provider }: { provider: Provider }) => {
  const holds = provider.type === 'kubernetes' || provider.type === 'openstack';
  // The tab chosen on this provider's page; another provider's page opens on its first tab.
  const [chosen, setChosen] = useState<{ id: string; tab: ProviderTab } | null>(null);
  const tab: ProviderTab = chosen?.id === provider.id ? chosen.tab : holds ? 'resources' : 'settings';
  return (
    <Box>
      <Tabs
        value={tab}
        onChange={(_, next: ProviderTab) => setChosen({ id: provider.id, tab: next })}
        aria-label="Provider"
        sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}
      >
        {holds && <Tab value="resources" label="Resources" data-testid="provider-tab-resources" />}
        {holds && <Tab value="performance" label="Performance" data-testid="provider-tab-performance" />}
        <Tab value="settings" label="Settings" data-testid="provider-tab-settings" />
        <Tab value="alarms" label="Alarms" data-testid="provider-tab-alarms" />
      </Tabs>
      {tab === 'resources' && <ProviderResources provider={provider} />}
      {tab === 'performance' && <PerformancePanel target={{ providerId: provider.id, providerName: provider.name, providerType: provider.type }} active />}
      {tab === 'settings' && (
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'repeat(2, minmax(0, 1fr))' } }}>
          <Section title="Settings">
            <JsonView value={provider.config as JsonValue} testId="provider-config" />
          </Section>
          <Section title="Inventory">
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              What its runs get. Credentials reach a run as files and variables of its own, never here.
            </Typography>
            <JsonView value={provider.inventory} testId="provider-inventory" />
          </Section>
        </Box>
      )}
      {tab === 'alarms' && <AlarmsPanel providerId={provider.id} take={10} />}
    </Box>
  );
};

const ProviderTitle = () => {
  const { record } = useShowContext<Provider>();
  return <>{record ? `Provider ${record.name}` : 'Provider'}</>;
};

const ProviderActions = () => {
  const { record } = useShowContext<Provider>();
  return (
    <TopToolbar>
      <CheckNowButton />
      <ShareProviderButton />
      {record && (
        <Button component={Link} to={`/providers/${encodeURIComponent(record.id)}`} size="small" startIcon={<EditIcon />}>
          Edit
        </Button>
      )}
      <DeleteProviderButton />
    </TopToolbar>
  );
};

export const ProviderShow = () => (
  <Show title={<ProviderTitle />} actions={<ProviderActions />}>
    <ProviderDetails />
  </Show>
);
