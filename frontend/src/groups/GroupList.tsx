// Every group: the tenant its roles apply in (and below), the roles it grants its members, and how
// many members it has.
import { Box, useMediaQuery, type Theme } from '@mui/material';
import { CreateButton, DataTable, EditButton, List, SimpleList, TopToolbar, usePermissions } from 'react-admin';
import { can } from '../authProvider';
import { ChipList } from '../common/ChipList';
import type { Group } from './api';
import { DeleteGroupButton } from './DeleteGroupButton';

const Col = DataTable.Col<Group>;

const Actions = () => {
  const { permissions } = usePermissions();
  return <TopToolbar>{can(permissions, 'users:write') ? <CreateButton label="New group" /> : null}</TopToolbar>;
};

export const GroupList = () => {
  const { permissions } = usePermissions();
  const writable = can(permissions, 'users:write');
  // On a phone the table would be wider than the screen: one line per group instead.
  const small = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'));
  return (
    <List title="Groups" perPage={50} exporter={false} sort={{ field: 'name', order: 'ASC' }} actions={<Actions />}>
      {small ? (
        <SimpleList<Group>
          primaryText={(g) => g.name}
          secondaryText={(g) => `${g.tenant.name} · ${g.roles.join(', ') || 'no roles'}`}
          tertiaryText={(g) => `${g.memberCount} member${g.memberCount === 1 ? '' : 's'}`}
          linkType={writable ? 'edit' : false}
        />
      ) : (
        <DataTable bulkActionButtons={false} rowClick={writable ? 'edit' : false}>
          <Col source="name" label="Name" />
          <Col source="description" label="Description" />
          <Col label="Tenant" disableSort render={(g) => <span data-testid="group-tenant">{g.tenant.name}</span>} />
          <Col label="Roles" disableSort render={(g) => <ChipList labels={g.roles} testId="group-role" empty="no roles" />} />
          <Col source="memberCount" label="Members" align="right" />
          {writable ? (
            <Col label="Actions" disableSort>
              <Box sx={{ display: 'flex' }} onClick={(event) => event.stopPropagation()}>
                <EditButton />
                <DeleteGroupButton />
              </Box>
            </Col>
          ) : null}
        </DataTable>
      )}
    </List>
  );
};
