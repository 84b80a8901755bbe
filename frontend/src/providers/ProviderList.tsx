// Providers with their health (up, down or unknown; the last message and check time in the tooltip),
// the tenants they are shared with, and, below, the alarms of every provider.
import { Chip } from '@mui/material';
import { CreateButton, DataTable, List, TopToolbar } from 'react-admin';
import { RelativeTime } from '../common/RelativeTime';
import { WIDE_ONLY } from '../common/listFilters';
import { SharedWith } from '../tenants/SharedWith';
import type { Provider } from './api';
import { AlarmsPanel } from './AlarmsPanel';
import { HealthBadge } from './HealthBadge';

const Col = DataTable.Col<Provider>;

const where = (p: Provider): string => {
  switch (p.type) {
    case 'ssh':
      return (p.config.hosts ?? []).map((h) => (h.port && h.port !== 22 ? `${h.address}:${h.port}` : h.address)).join(', ');
    case 'openstack':
      return [p.config.authUrl, p.config.region].filter(Boolean).join(' · ');
    case 'kubernetes':
      return [p.config.apiUrl, p.config.namespace].filter(Boolean).join(' · ');
    default:
      return 'the portal’s host';
  }
};

export const ProviderList = () => (
  <>
    <List
      title="Providers"
      perPage={50}
      pagination={false}
      exporter={false}
      sort={{ field: 'name', order: 'ASC' }}
      actions={
        <TopToolbar>
          <CreateButton label="New provider" />
        </TopToolbar>
      }
    >
      <DataTable bulkActionButtons={false} rowClick="show">
        <Col source="name" label="Name" />
        <Col source="type" label="Type" render={(r) => <Chip size="small" label={r.type} />} />
        <Col
          source="healthStatus"
          label="Health"
          render={(r) => <HealthBadge status={r.healthStatus} message={r.healthMessage} checkedAt={r.healthCheckedAt} />}
        />
        <Col source="healthCheckedAt" label="Last checked" sx={WIDE_ONLY} render={(r) => <RelativeTime value={r.healthCheckedAt} />} />
        <Col source="config" label="Where" sx={WIDE_ONLY} disableSort render={where} />
        <Col label="Shared with" sx={WIDE_ONLY} disableSort render={(r) => <SharedWith ownerTenantId={r.tenantId} sharedWith={r.sharedWith} compact />} />
        <Col source="createdAt" label="Created" sx={WIDE_ONLY} render={(r) => <RelativeTime value={r.createdAt} />} />
      </DataTable>
    </List>
    <AlarmsPanel />
  </>
);
