// The tenants as a tree: each name indented under its parent (the parent named too), with its
// description. Administrators open a row to edit it, and delete the empty ones.
import { Box, Typography, useMediaQuery, type Theme } from '@mui/material';
import SubdirectoryArrowRightIcon from '@mui/icons-material/SubdirectoryArrowRight';
import { CreateButton, DataTable, EditButton, List, SearchInput, SimpleList, TopToolbar, usePermissions } from 'react-admin';
import { can } from '../authProvider';
import { RelativeTime } from '../common/RelativeTime';
import type { Tenant } from './api';
import { DeleteTenantButton } from './DeleteTenantButton';

const Col = DataTable.Col<Tenant>;

const Actions = () => {
  const { permissions } = usePermissions();
  return <TopToolbar>{can(permissions, 'users:write') ? <CreateButton label="New tenant" /> : null}</TopToolbar>;
};

const filters = [<SearchInput key="q" source="q" alwaysOn placeholder="Search tenants" />];

/** The name, indented by depth; below the top an arrow marks it as part of the tenant above. */
const TreeName = ({ tenant }: { tenant: Tenant }) => (
  <Box
    sx={{ display: 'flex', alignItems: 'center', gap: 0.5, pl: Math.min(tenant.depth, 8) * 2.5, minWidth: 0 }}
    data-testid="tenant-name"
    data-depth={tenant.depth}
  >
    {tenant.depth > 0 ? <SubdirectoryArrowRightIcon fontSize="small" color="action" aria-hidden /> : null}
    <Typography variant="body2" sx={{ fontWeight: tenant.depth === 0 ? 500 : undefined, overflowWrap: 'anywhere' }}>
      {tenant.name}
    </Typography>
  </Box>
);

export const TenantList = () => {
  const { permissions } = usePermissions();
  const writable = can(permissions, 'users:write');
  // On a phone the table would be wider than the screen: one indented line per tenant instead.
  const small = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'));
  return (
    <List title="Tenants" perPage={100} exporter={false} filters={filters} actions={<Actions />}>
      {small ? (
        <SimpleList<Tenant>
          primaryText={(t) => <TreeName tenant={t} />}
          secondaryText={(t) => (t.parentName ? `in ${t.parentName}` : 'the root tenant')}
          tertiaryText={(t) => t.description}
          linkType={writable ? 'edit' : false}
        />
      ) : (
        <DataTable bulkActionButtons={false} rowClick={writable ? 'edit' : false}>
          <Col source="name" label="Name" disableSort render={(t) => <TreeName tenant={t} />} />
          <Col source="parentName" label="Parent" disableSort render={(t) => t.parentName ?? '—'} />
          <Col source="description" label="Description" disableSort />
          <Col source="createdAt" label="Created" disableSort render={(t) => <RelativeTime value={t.createdAt} />} />
          {writable ? (
            <Col label="Actions" disableSort>
              <Box sx={{ display: 'flex' }} onClick={(event) => event.stopPropagation()}>
                <EditButton />
                <DeleteTenantButton />
              </Box>
            </Col>
          ) : null}
        </DataTable>
      )}
    </List>
  );
};
