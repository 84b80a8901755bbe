// The Webhooks page: the signed outbound webhook endpoints of the caller's tenants, each opening its
// page (delivery log), with Enable / Disable and Delete on the row; "Add endpoint" shows the new
// endpoint's secret once.
import { Box, Typography, useMediaQuery, type Theme } from '@mui/material';
import { DataTable, List, SimpleList, TopToolbar } from 'react-admin';
import { WIDE_ONLY } from '../common/listFilters';
import { RelativeTime } from '../common/RelativeTime';
import { nameOf, useTenants } from '../tenants/useTenants';
import type { WebhookEndpoint } from './api';
import { CreateWebhookButton } from './CreateWebhookButton';
import { DeleteEndpointButton, EnabledSwitch } from './EndpointActions';

const Col = DataTable.Col<WebhookEndpoint>;

const Actions = () => (
  <TopToolbar>
    <CreateWebhookButton />
  </TopToolbar>
);

// Inside the table, not the list's `empty` page: the Add button must stay mounted while the list
// is read again after a creation, or its dialog (and the secret shown once) would go with it.
const NoEndpoints = () => (
  <Box sx={{ p: 3, textAlign: 'center' }} data-testid="webhooks-empty">
    <Typography variant="subtitle1" gutterBottom>
      No webhook endpoints yet
    </Typography>
    <Typography variant="body2" color="text.secondary">
      An endpoint receives the events a tenant subscribes to as signed JSON POSTs (Standard Webhooks).
    </Typography>
  </Box>
);

export const WebhookList = () => {
  const { tenants } = useTenants();
  const small = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'));
  return (
    <List title="Webhooks" perPage={100} pagination={false} exporter={false} sort={{ field: 'name', order: 'ASC' }} actions={<Actions />} empty={false}>
      {small ? (
        <SimpleList<WebhookEndpoint>
          primaryText={(e) => e.name}
          secondaryText={(e) => e.url}
          tertiaryText={(e) => (e.enabled ? '' : 'disabled')}
          linkType="show"
          empty={<NoEndpoints />}
          sx={{ '& .MuiListItemText-root': { overflowWrap: 'anywhere' } }}
          data-testid="webhook-list"
        />
      ) : (
        <DataTable bulkActionButtons={false} rowClick="show" empty={<NoEndpoints />} data-testid="webhook-list">
          <Col source="name" label="Name" />
          <Col source="url" label="URL" render={(e) => <Box sx={{ overflowWrap: 'anywhere', maxWidth: 360 }}>{e.url}</Box>} />
          <Col source="tenantId" label="Tenant" disableSort render={(e) => nameOf(tenants, e.tenantId)} />
          <Col source="enabled" label="Status" render={() => <EnabledSwitch />} />
          <Col source="createdAt" label="Created" sx={WIDE_ONLY} render={(e) => <RelativeTime value={e.createdAt} />} />
          <Col source="secretRotatedAt" label="Secret made" sx={WIDE_ONLY} render={(e) => <RelativeTime value={e.secretRotatedAt} />} />
          <Col label="Actions" disableSort>
            <DeleteEndpointButton />
          </Col>
        </DataTable>
      )}
    </List>
  );
};
