// The form of a tenant, for Create and Edit: its name, description and parent. The parent picker
// leaves out the tenant itself and those below it (the server refuses such a move too); the root
// tenant has no parent. Server field errors appear under their field.
import { useMemo } from 'react';
import SaveIcon from '@mui/icons-material/Save';
import { Typography } from '@mui/material';
import { required, SaveButton, SimpleForm, TextInput, Toolbar, useGetIdentity, useRecordContext } from 'react-admin';
import type { Identity } from '../authProvider';
import type { Tenant } from './api';
import { TenantSelectInput } from './TenantSelectInput';
import { subtreeIds } from './tree';
import { useTenants } from './useTenants';

const TenantToolbar = ({ submitLabel }: { submitLabel: string }) => (
  <Toolbar>
    <SaveButton label={submitLabel} icon={<SaveIcon />} alwaysEnable />
  </Toolbar>
);

const ParentInput = () => {
  const record = useRecordContext<Tenant>();
  const { tenants } = useTenants();
  const exclude = useMemo(() => (record ? subtreeIds(tenants, record.id) : undefined), [record, tenants]);
  if (record && record.parentId === null) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }} data-testid="tenant-root-note">
        The root tenant: every other tenant is below it.
      </Typography>
    );
  }
  return <TenantSelectInput source="parentId" label="Parent" exclude={exclude} validate={required()} helperText="The tenant it is part of" />;
};

export const TenantForm = ({ submitLabel, creating = false }: { submitLabel: string; creating?: boolean }) => {
  // A new tenant goes below the administrator's own tenant unless they pick another.
  const { identity } = useGetIdentity();
  const ownTenant = (identity as Identity | undefined)?.tenant.id;
  return (
    <SimpleForm
      toolbar={<TenantToolbar submitLabel={submitLabel} />}
      sx={{ maxWidth: 640, minWidth: 0 }}
      defaultValues={creating ? { parentId: ownTenant ?? '' } : undefined}
    >
      <TextInput source="name" label="Name" validate={required()} helperText="1 to 100 characters; unique" fullWidth />
      <TextInput source="description" label="Description" helperText="Optional" multiline fullWidth />
      <ParentInput />
    </SimpleForm>
  );
};
