// Every user (administrators and auditors): their roles come from their groups.
import { Box, Chip, Typography } from '@mui/material';
import { CreateButton, DataTable, EditButton, List, TopToolbar, usePermissions } from 'react-admin';
import { can } from '../authProvider';
import { formatDateTime } from '../common/format';
import type { User } from './api';
import { DeleteUserButton } from './DeleteUserButton';

const Col = DataTable.Col<User>;

export const Chips = ({ labels, testId, empty = '—' }: { labels: string[]; testId: string; empty?: string }) =>
  labels.length === 0 ? (
    <Typography variant="body2" color="text.secondary">
      {empty}
    </Typography>
  ) : (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
      {labels.map((label) => (
        <Chip key={label} size="small" label={label} data-testid={testId} />
      ))}
    </Box>
  );

const Status = ({ user }: { user: User }) => (
  <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
    {user.disabled ? <Chip size="small" color="warning" label="disabled" data-testid="user-disabled" /> : <Chip size="small" variant="outlined" label="active" />}
    {user.mustChangePassword ? <Chip size="small" variant="outlined" label="must change password" /> : null}
  </Box>
);

const Actions = () => {
  const { permissions } = usePermissions();
  return <TopToolbar>{can(permissions, 'users:write') ? <CreateButton label="New user" /> : null}</TopToolbar>;
};

export const UserList = () => {
  const { permissions } = usePermissions();
  const writable = can(permissions, 'users:write');
  return (
    <List title="Users" perPage={50} exporter={false} sort={{ field: 'username', order: 'ASC' }} actions={<Actions />}>
      <DataTable bulkActionButtons={false} rowClick={writable ? 'edit' : false}>
        <Col source="username" label="User name" />
        <Col source="displayName" label="Display name" />
        <Col label="Roles" disableSort render={(u) => <Chips labels={u.roles} testId="user-role" empty="no roles" />} />
        <Col label="Groups" disableSort render={(u) => <Chips labels={u.groups.map((g) => g.name)} testId="user-group" />} />
        <Col source="disabled" label="Status" render={(u) => <Status user={u} />} />
        <Col source="createdAt" label="Created" render={(u) => formatDateTime(u.createdAt)} />
        {writable ? (
          <Col label="Actions" disableSort>
            <Box sx={{ display: 'flex' }} onClick={(event) => event.stopPropagation()}>
              <EditButton />
              <DeleteUserButton />
            </Box>
          </Col>
        ) : null}
      </DataTable>
    </List>
  );
};
