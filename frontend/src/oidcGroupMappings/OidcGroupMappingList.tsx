// The SSO group mappings: at each single sign-on a user's memberships of these groups follow the
// values of their groups claim (memberships of other groups are left as an administrator set them).
import { Box } from '@mui/material';
import { CreateButton, DataTable, DeleteButton, List, TopToolbar, usePermissions, useRecordContext } from 'react-admin';
import { can } from '../authProvider';
import type { OidcGroupMapping } from './api';
import { RelativeTime } from '../common/RelativeTime';

const Col = DataTable.Col<OidcGroupMapping>;

const Actions = () => {
  const { permissions } = usePermissions();
  return <TopToolbar>{can(permissions, 'users:write') ? <CreateButton label="New mapping" /> : null}</TopToolbar>;
};

const DeleteMappingButton = () => {
  const record = useRecordContext<OidcGroupMapping>();
  if (!record) return null;
  return (
    <DeleteButton
      mutationMode="pessimistic"
      redirect="list"
      confirmTitle={`Delete the mapping of "${record.claim}"?`}
      confirmContent={`Members of ${record.group.name} stay in it until their next single sign-on.`}
      aria-label={`Delete the mapping of ${record.claim}`}
    />
  );
};

export const OidcGroupMappingList = () => {
  const { permissions } = usePermissions();
  const writable = can(permissions, 'users:write');
  return (
    <List title="SSO group mappings" perPage={50} exporter={false} sort={{ field: 'claim', order: 'ASC' }} actions={<Actions />}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <Col source="claim" label="Groups claim value" />
        <Col source="groupName" label="Portal group" />
        <Col label="Tenant" disableSort render={(m) => m.tenant.name} />
        <Col source="createdAt" label="Created" render={(m) => <RelativeTime value={m.createdAt} />} />
        {writable ? (
          <Col label="Actions" disableSort>
            <Box sx={{ display: 'flex' }}>
              <DeleteMappingButton />
            </Box>
          </Col>
        ) : null}
      </DataTable>
    </List>
  );
};
