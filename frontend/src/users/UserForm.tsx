// The form of a user, for Create (user name and first password too) and Edit (the disabled switch),
// with the tenant they belong to (on create, the administrator's own). Server field errors
// (VALIDATION_FAILED with extensions.fields) appear under the field they name.
import SaveIcon from '@mui/icons-material/Save';
import type { Identity } from '../authProvider';
import { LONG_CHIPS } from '../groups/GroupForm';
import { TenantSelectInput } from '../tenants/TenantSelectInput';
import {
  AutocompleteArrayInput,
  BooleanInput,
  email,
  PasswordInput,
  ReferenceArrayInput,
  required,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  useGetIdentity,
} from 'react-admin';

const UserToolbar = ({ submitLabel }: { submitLabel: string }) => (
  <Toolbar>
    <SaveButton label={submitLabel} icon={<SaveIcon />} alwaysEnable />
  </Toolbar>
);

export const UserForm = ({ submitLabel, creating = false }: { submitLabel: string; creating?: boolean }) => {
  const { identity } = useGetIdentity();
  const ownTenant = (identity as Identity | undefined)?.tenant.id;
  return (
    <SimpleForm toolbar={<UserToolbar submitLabel={submitLabel} />} sx={{ maxWidth: 640 }} defaultValues={creating ? { tenantId: ownTenant ?? '' } : undefined}>
      {creating ? (
        <>
          <TextInput source="username" label="User name" validate={required()} helperText="Letters, digits, . _ - @; it cannot change" fullWidth />
          <PasswordInput
            source="password"
            label="Password"
            validate={required()}
            helperText="At least 10 characters, not a common password; the user must change it at first sign-in"
            autoComplete="new-password"
            fullWidth
          />
        </>
      ) : (
        <TextInput source="username" label="User name" disabled helperText="The user name cannot change" fullWidth />
      )}
      <TextInput source="displayName" label="Display name" helperText="Optional: the name to show" fullWidth />
      <TextInput source="email" label="E-mail" type="email" validate={email()} helperText="Optional" fullWidth />
      <TenantSelectInput
        source="tenantId"
        validate={required()}
        helperText={creating ? 'What they order belongs to it' : 'What they order from now on belongs to it; earlier requests stay where they were made'}
      />
      <ReferenceArrayInput source="groupIds" reference="groups" sort={{ field: 'name', order: 'ASC' }} perPage={200}>
        <AutocompleteArrayInput label="Groups" optionText="name" helperText="The user has the roles of their groups" fullWidth sx={LONG_CHIPS} />
      </ReferenceArrayInput>
      {creating ? null : <BooleanInput source="disabled" label="Disabled" helperText="A disabled user cannot sign in; their API tokens stop working" />}
    </SimpleForm>
  );
};
