// The form of an inventory, for Create and Edit: name, description, and its sites — each a group
// name, a provider, some of that provider's hosts (all when none is picked) and variables. The server
// renders it and lets ansible-inventory parse it; its message about the sites (`sites`, every problem
// in one text) is shown under them until the form is sent again.
import SaveIcon from '@mui/icons-material/Save';
import { Alert, Box, Typography } from '@mui/material';
import { useController, useWatch } from 'react-hook-form';
import {
  ArrayInput,
  AutocompleteArrayInput,
  SaveButton,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  Toolbar,
  useGetList,
  useSaveContext,
  useSourceContext,
} from 'react-admin';
import type { Provider } from '../providers/api';
import { placeInventoryErrors, toInventoryInput, validateVariables, variablesToText, type InventoryFormValues } from './inventoryInput';
import { requiredAs } from '../common/requiredAs';

/** The server's message about the sites, shown under them; cleared when the form is sent again. */
const SitesError = () => {
  const { fieldState } = useController({ name: 'sitesError' });
  if (!fieldState.error?.message) return null;
  return (
    <Alert severity="error" data-testid="sites-error" sx={{ my: 1, width: '100%', boxSizing: 'border-box', whiteSpace: 'pre-wrap' }}>
      {fieldState.error.message}
    </Alert>
  );
};

/** Host names a provider has: its ssh hosts, or the portal's own host for the others. */
const hostNamesOf = (provider: Provider | undefined): string[] =>
  !provider ? [] : provider.type === 'ssh' ? (provider.config.hosts ?? []).map((h) => h.name) : ['localhost'];

/** The hosts of one site: the names its provider has, and any other typed in (the server says if it has none). */
const SiteHosts = ({ providers }: { providers: Provider[] }) => {
  const sourceContext = useSourceContext();
  const providerId = useWatch({ name: sourceContext.getSource('providerId') }) as string | undefined;
  const current = (useWatch({ name: sourceContext.getSource('hosts') }) as string[] | null | undefined) ?? [];
  const known = hostNamesOf(providers.find((p) => p.id === providerId));
  const names = [...new Set([...known, ...current])];
  return (
    <AutocompleteArrayInput
      source="hosts"
      label="Hosts"
      choices={names.map((n) => ({ id: n, name: n }))}
      onCreate={(filter?: string) => {
        const name = (filter ?? '').trim();
        return name ? { id: name, name } : undefined;
      }}
      createItemLabel="Add host %{item}"
      helperText={known.length ? `All of the provider's hosts when empty (it has ${known.join(', ')})` : "All of the provider's hosts when empty"}
      sx={{ minWidth: 260 }}
    />
  );
};

const InventoryToolbar = ({ submitLabel }: { submitLabel: string }) => (
  <Toolbar>
    <SaveButton label={submitLabel} icon={<SaveIcon />} alwaysEnable />
  </Toolbar>
);

export const InventoryForm = ({ submitLabel }: { submitLabel: string }) => {
  const { save } = useSaveContext();
  const { data: providers = [] } = useGetList<Provider>('providers', {
    pagination: { page: 1, perPage: 1000 },
    sort: { field: 'name', order: 'ASC' },
  });

  const onSubmit = async (values: InventoryFormValues) => {
    if (!save) return undefined;
    const errors = (await save(toInventoryInput(values))) as Record<string, unknown> | undefined;
    return errors ? placeInventoryErrors(errors) : undefined;
  };

  return (
    <SimpleForm
      toolbar={<InventoryToolbar submitLabel={submitLabel} />}
      onSubmit={onSubmit}
      defaultValues={{ sites: [{ name: '', providerId: '', hosts: [], variables: '' }] }}
      sx={{ maxWidth: 1100 }}
    >
      <TextInput source="name" label="Name" validate={requiredAs('Name')} helperText="Letters, digits, . _ or -: bundles name it (inventory: lab)" fullWidth />
      <TextInput source="description" label="Description" multiline fullWidth />
      <Typography variant="subtitle2">Sites</Typography>
      <Box sx={{ width: '100%' }} data-testid="inventory-sites">
        <ArrayInput source="sites" label={false}>
          <SimpleFormIterator disableReordering inline data-testid="sites-iterator">
            <TextInput source="name" label="Site" validate={requiredAs('Site')} helperText="lower_snake_case: the group (hosts: epc)" sx={{ width: 180 }} />
            <SelectInput
              source="providerId"
              label="Provider"
              choices={providers.map((p) => ({ id: p.id, name: p.name }))}
              validate={requiredAs('Provider')}
              sx={{ minWidth: 180 }}
            />
            <SiteHosts providers={providers} />
            <TextInput
              source="variables"
              label="Variables"
              multiline
              minRows={2}
              format={variablesToText}
              validate={validateVariables}
              helperText="key: value lines, or a JSON object"
              sx={{ minWidth: 260 }}
            />
          </SimpleFormIterator>
        </ArrayInput>
        <SitesError />
      </Box>
    </SimpleForm>
  );
};
