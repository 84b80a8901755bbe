// The form of a group, for Create and Edit: its name, the tenant its roles apply in (and below; on
// create, the administrator's own), the roles it grants (each with what it allows, from the server's
// `roles`) and its members. Server field errors appear under their field.
import SaveIcon from '@mui/icons-material/Save';
import { Alert, Box, LinearProgress, Typography } from '@mui/material';
import {
  AutocompleteArrayInput,
  CheckboxGroupInput,
  ReferenceArrayInput,
  required,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  useGetIdentity,
} from 'react-admin';
import type { Identity } from '../authProvider';
import { TenantSelectInput } from '../tenants/TenantSelectInput';
import type { RoleInfo } from './api';
import { useRoles } from './useRoles';

/** A long user name shortens with an ellipsis instead of widening the page (on a phone). */
export const LONG_CHIPS = { minWidth: 0, '& .MuiChip-root': { maxWidth: 240 } };

const GroupToolbar = ({ submitLabel }: { submitLabel: string }) => (
  <Toolbar>
    <SaveButton label={submitLabel} icon={<SaveIcon />} alwaysEnable />
  </Toolbar>
);

const RoleOption = ({ role }: { role: RoleInfo }) => (
  <Box sx={{ py: 0.5 }}>
    <Typography variant="body2" sx={{ fontWeight: 500 }}>
      {role.name}
    </Typography>
    <Typography variant="caption" color="text.secondary" component="div">
      {role.description}
    </Typography>
  </Box>
);

export const GroupForm = ({ submitLabel, creating = false }: { submitLabel: string; creating?: boolean }) => {
  const { data: roles, isPending, error } = useRoles();
  const { identity } = useGetIdentity();
  const ownTenant = (identity as Identity | undefined)?.tenant.id;
  if (isPending) return <LinearProgress sx={{ m: 2 }} />;
  if (error || !roles) return <Alert severity="error">{error?.message ?? 'The roles could not be loaded.'}</Alert>;
  return (
    <SimpleForm
      toolbar={<GroupToolbar submitLabel={submitLabel} />}
      sx={{ maxWidth: 760, minWidth: 0 }}
      defaultValues={creating ? { roles: [], memberIds: [], tenantId: ownTenant ?? '' } : { roles: [], memberIds: [] }}
    >
      <TextInput source="name" label="Name" validate={required()} fullWidth />
      <TextInput source="description" label="Description" helperText="Optional: who belongs here" multiline fullWidth />
      <TenantSelectInput source="tenantId" validate={required()} helperText="Its roles apply in this tenant and every tenant below it" />
      <CheckboxGroupInput
        source="roles"
        label="Roles"
        row={false}
        choices={roles.map((role) => ({ id: role.name, role }))}
        optionText={(choice: { role: RoleInfo }) => <RoleOption role={choice.role} />}
        helperText="Its members have every permission of these roles"
        sx={{ '& .MuiFormControlLabel-root': { alignItems: 'flex-start', mb: 0.5 }, '& .MuiCheckbox-root': { pt: 0.75 } }}
      />
      <ReferenceArrayInput source="memberIds" reference="users" sort={{ field: 'username', order: 'ASC' }} perPage={500}>
        <AutocompleteArrayInput label="Members" optionText="username" fullWidth sx={LONG_CHIPS} />
      </ReferenceArrayInput>
    </SimpleForm>
  );
};
