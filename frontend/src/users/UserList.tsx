// Every user (administrators and auditors): their tenant, and their roles, which come from their groups.
import { Box, Chip, useMediaQuery, type Theme } from '@mui/material';
import { CreateButton, DataTable, EditButton, List, SimpleList, TopToolbar, usePermissions } from 'react-admin';
import { can } from '../authProvider';
import { ChipList } from '../common/ChipList';
import { RelativeTime } from '../common/RelativeTime';
import type { User } from './api';
import { DeleteUserButton } from './DeleteUserButton';

const Col = DataTable.Col<User>;

const Status = ({ user }: { user: User }) => (
  <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
    {user.disabled ? (
      <Chip size="small" color="warning" label="disabled" data-testid="user-disabled" />
    ) : (
      <Chip size="small" variant="outlined" label="active" />
    )}
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
  // On a phone the table would be wider than the screen: one line per user instead.
  const small = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'));
  return (
    <List title="Users" perPage={50} exporter={false} sort={{ field: 'username', order: 'ASC' }} actions={<Actions />}>
      {small ? (
        <SimpleList<User>
          primaryText={(u) => u.username}
          secondaryText={(u) => [u.displayName, u.tenant.name, u.roles.join(', ') || 'no roles'].filter(Boolean).join(' · ')}
          tertiaryText={(u) => (u.disabled ? 'disabled' : '')}
          linkType={writable ? 'edit' : false}
          sx={{ '& .MuiListItemText-primary': { wordBreak: 'break-all' } }}
        />
      ) : (
        <DataTable bulkActionButtons={false} rowClick={writable ? 'edit' : false}>
          <Col source="username" label="User name" />
          <Col source="displayName" label="Display name" />
          <Col label="Roles" disableSort render={(u) => <ChipList labels={u.roles} testId="user-role" empty="no roles" />} />
          <Col label="Groups" disableSort render={(u) => <ChipList labels={u.groups.map((g) => g.name)} testId="user-group" />} />
          <Col label="Tenant" disableSort render={(u) => <span data-testid="user-tenant">{u.tenant.name}</span>} />
          <Col source="disabled" label="Status" render={(u) => <Status user={u} />} />
          <Col source="createdAt" label="Created" render={(u) => <RelativeTime value={u.createdAt} />} />
          {writable ? (
            <Col label="Actions" disableSort>
              <Box sx={{ display: 'flex' }} onClick={(event) => event.stopPropagation()}>
                <EditButton />
                <DeleteUserButton />
              </Box>
            </Col>
          ) : null}
        </DataTable>
      )}
    </List>
  );
};
