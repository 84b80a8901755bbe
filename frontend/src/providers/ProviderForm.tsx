// The form of a provider, for Create and Edit: name and type, then the settings of that type and the
// credential pickers (only credentials of the types the provider connects with). The server checks
// everything again; its field errors land under the inputs, and its message about the settings
// (`config`) under the settings.
import SaveIcon from '@mui/icons-material/Save';
import { Alert, Box, Stack, Typography } from '@mui/material';
import { useController, useWatch } from 'react-hook-form';
import {
  ArrayInput,
  NumberInput,
  SaveButton,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  Toolbar,
  useGetList,
  useRecordContext,
  useSaveContext,
} from 'react-admin';
import type { Credential } from '../credentials/api';
import { CredentialPicker } from '../credentials/CredentialPicker';
import { PROVIDER_TYPES, type ProviderType } from '../types';
import type { Provider } from './api';
import { BECOMES, CONNECTION_CREDENTIAL_TYPES, placeProviderErrors, toProviderInput, type ProviderFormValues } from './providerInput';
import { requiredAs } from '../common/requiredAs';

const TYPE_LABELS: Record<ProviderType, string> = {
  local: 'Local (the portal’s host)',
  ssh: 'SSH hosts',
  openstack: 'OpenStack',
  kubernetes: 'Kubernetes',
};

/** The server's message about the settings, shown under them; cleared when the form is sent again. */
const ConfigError = () => {
  const { fieldState } = useController({ name: 'configError' });
  if (!fieldState.error?.message) return null;
  return (
    <Alert severity="error" data-testid="config-error" sx={{ my: 1, width: '100%', boxSizing: 'border-box' }}>
      {fieldState.error.message}
    </Alert>
  );
};

const SshSettings = () => (
  <Box sx={{ width: '100%' }} data-testid="ssh-settings">
    <ArrayInput source="config.hosts" label="Hosts" helperText="Every host is checked at each health check: an SSH login as the user below.">
      <SimpleFormIterator inline disableReordering data-testid="ssh-hosts">
        <TextInput source="name" label="Host name" validate={requiredAs('Host name')} helperText="In the inventory" />
        <TextInput source="address" label="Address" validate={requiredAs('Address')} helperText="Host name or IP address" />
        <NumberInput source="port" label="Port" min={1} max={65535} step={1} helperText="22 when empty" sx={{ width: 120 }} />
      </SimpleFormIterator>
    </ArrayInput>
    <TextInput source="config.user" label="User" helperText="The remote user; the credential's username when empty" fullWidth />
    <TextInput source="config.sshArgs" label="Extra ssh options" helperText="For example -o ProxyJump=bastion" fullWidth />
    <Alert severity="warning" sx={{ mb: 2 }} data-testid="ssh-args-warning">
      Extra ssh options are given to ssh on the worker: a <code>ProxyCommand</code> runs a command there, as the worker&apos;s user. Only administrators can set
      them.
    </Alert>
  </Box>
);

const OpenStackSettings = () => (
  <Box sx={{ width: '100%' }}>
    <TextInput
      source="config.authUrl"
      label="Auth URL"
      helperText="Keystone v3, e.g. https://keystone.example:5000/v3 (the credential's when empty)"
      fullWidth
    />
    <TextInput source="config.region" label="Region" fullWidth />
    <SelectInput
      source="config.interface"
      label="Interface"
      choices={[
        { id: 'public', name: 'public' },
        { id: 'internal', name: 'internal' },
        { id: 'admin', name: 'admin' },
      ]}
      emptyText="Default"
    />
  </Box>
);

const KubernetesSettings = () => (
  <Box sx={{ width: '100%' }}>
    <TextInput source="config.apiUrl" label="API URL" helperText="The credential's when empty" fullWidth />
    <TextInput source="config.namespace" label="Namespace" helperText="default when empty" fullWidth />
  </Box>
);

const TypeSettings = ({ credentials }: { credentials: Credential[] }) => {
  const type = useWatch<ProviderFormValues, 'type'>({ name: 'type' });
  if (!type) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Pick a type to see its settings.
      </Typography>
    );
  }
  const connection = CONNECTION_CREDENTIAL_TYPES[type];
  return (
    <Stack sx={{ width: '100%' }} data-testid="provider-settings">
      <Typography variant="subtitle2" gutterBottom>
        Settings
      </Typography>
      {type === 'local' && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          Runs go to the portal&apos;s own host (ansible&apos;s local connection): there is nothing to set.
        </Typography>
      )}
      {type === 'ssh' && <SshSettings />}
      {type === 'openstack' && <OpenStackSettings />}
      {type === 'kubernetes' && <KubernetesSettings />}
      <ConfigError />
      {connection.length > 0 && (
        <CredentialPicker
          source="credentialId"
          label="Credential"
          types={connection}
          credentials={credentials}
          requiredPick={type !== 'ssh'}
          helperText={`What runs connect with: ${connection.join(' or ')}`}
        />
      )}
      {BECOMES.includes(type) && (
        <CredentialPicker
          source="becomeCredentialId"
          label="Become credential"
          types={['become_password']}
          credentials={credentials}
          requiredPick={false}
          helperText="The password for become (sudo), when the playbooks need one"
        />
      )}
    </Stack>
  );
};

const ProviderToolbar = ({ submitLabel }: { submitLabel: string }) => (
  <Toolbar>
    <SaveButton label={submitLabel} icon={<SaveIcon />} alwaysEnable />
  </Toolbar>
);

export const ProviderForm = ({ submitLabel, editing = false }: { submitLabel: string; editing?: boolean }) => {
  const { save } = useSaveContext();
  const record = useRecordContext<Provider>();
  const { data: credentials = [] } = useGetList<Credential>('credentials', {
    pagination: { page: 1, perPage: 1000 },
    sort: { field: 'name', order: 'ASC' },
  });

  const onSubmit = async (values: ProviderFormValues) => {
    // A disabled input (the type, on edit) is not in the submitted values.
    const type = editing ? record?.type : values.type;
    if (!type || !PROVIDER_TYPES.includes(type) || !save) return { type: 'Pick a type' };
    const errors = (await save(toProviderInput(values, type))) as Record<string, unknown> | undefined;
    return errors ? placeProviderErrors(errors) : undefined;
  };

  return (
    <SimpleForm toolbar={<ProviderToolbar submitLabel={submitLabel} />} onSubmit={onSubmit} sx={{ maxWidth: 860 }}>
      <TextInput source="name" label="Name" validate={requiredAs('Name')} helperText="lower_snake_case: it names the inventory group of its hosts" fullWidth />
      <SelectInput
        source="type"
        label="Type"
        choices={PROVIDER_TYPES.map((t) => ({ id: t, name: TYPE_LABELS[t] }))}
        validate={requiredAs('Type')}
        disabled={editing}
        helperText={editing ? 'The type of a provider cannot change' : 'Pick the type first: its settings follow'}
      />
      <TypeSettings credentials={credentials} />
    </SimpleForm>
  );
};
