// One inventory: its sites (provider, hosts, variables) and the inventory a run gets, rendered by the server.
import EditIcon from '@mui/icons-material/Edit';
import { Box, Button, Card, CardContent, CardHeader, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { Loading, Show, TopToolbar, useGetList, useShowContext } from 'react-admin';
import { JsonView } from '../common/JsonView';
import { RelativeTime } from '../common/RelativeTime';
import type { Provider } from '../providers/api';
import { SharedWith } from '../tenants/SharedWith';
import { ShareRecordButton } from '../tenants/ShareRecordButton';
import { DeleteInventoryButton } from './DeleteInventoryButton';
import { variablesToText } from './inventoryInput';
import type { Inventory } from './api';

const InventoryDetails = () => {
  const { record, isPending } = useShowContext<Inventory>();
  const { data: providers = [] } = useGetList<Provider>('providers', { pagination: { page: 1, perPage: 1000 } });
  if (isPending || !record) return <Loading />;
  return (
    <Stack spacing={2} sx={{ p: 2 }} data-testid="inventory-show">
      {record.description && (
        <Typography variant="body2" color="text.secondary">
          {record.description}
        </Typography>
      )}
      <SharedWith ownerTenantId={record.tenantId} sharedWith={record.sharedWith} />
      <Typography variant="caption" color="text.secondary">
        Created <RelativeTime value={record.createdAt} /> · updated <RelativeTime value={record.updatedAt} />
      </Typography>
      <Card variant="outlined" component="section" aria-label="Sites">
        <CardHeader title="Sites" slotProps={{ title: { variant: 'subtitle1', component: 'h2' } }} sx={{ pb: 0 }} />
        <CardContent>
          <Table size="small" data-testid="inventory-sites-table">
            <TableHead>
              <TableRow>
                <TableCell>Site (group)</TableCell>
                <TableCell>Provider</TableCell>
                <TableCell>Hosts</TableCell>
                <TableCell>Variables</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {record.sites.map((site) => {
                const provider = providers.find((p) => p.id === site.providerId);
                return (
                  <TableRow key={site.name} data-testid="site-row" data-site={site.name}>
                    <TableCell>
                      <code>{site.name}</code>
                    </TableCell>
                    <TableCell>
                      <Link to={`/providers/${encodeURIComponent(site.providerId)}/show`}>{provider?.name ?? site.providerId.slice(0, 8)}</Link>
                    </TableCell>
                    <TableCell>{site.hosts?.length ? site.hosts.join(', ') : 'all'}</TableCell>
                    <TableCell>
                      <Box component="pre" sx={{ m: 0, fontSize: 13, whiteSpace: 'pre-wrap' }}>
                        {variablesToText(site.variables) || '—'}
                      </Box>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      <Card variant="outlined" component="section" aria-label="Rendered inventory">
        <CardHeader title="Rendered inventory" slotProps={{ title: { variant: 'subtitle1', component: 'h2' } }} sx={{ pb: 0 }} />
        <CardContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            What a run gets: one group per site with its hosts and connection variables. Credentials reach a run as files and variables of its own, never here.
          </Typography>
          <JsonView value={record.rendered} testId="inventory-rendered" />
        </CardContent>
      </Card>
    </Stack>
  );
};

const InventoryTitle = () => {
  const { record } = useShowContext<Inventory>();
  return <>{record ? `Inventory ${record.name}` : 'Inventory'}</>;
};

const InventoryActions = () => {
  const { record } = useShowContext<Inventory>();
  return (
    <TopToolbar>
      {record && (
        <Button component={Link} to={`/inventories/${encodeURIComponent(record.id)}`} size="small" startIcon={<EditIcon />}>
          Edit
        </Button>
      )}
      <ShareRecordButton<Inventory>
        permission="providers:write"
        kind="inventory"
        share={(dp, inventory, tenantIds) => dp.shareInventory(inventory.id, tenantIds)}
      />
      <DeleteInventoryButton />
    </TopToolbar>
  );
};

export const InventoryShow = () => (
  <Show title={<InventoryTitle />} actions={<InventoryActions />}>
    <InventoryDetails />
  </Show>
);
