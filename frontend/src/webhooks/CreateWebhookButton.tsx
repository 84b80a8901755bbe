// Adds a webhook endpoint in a dialog (name, URL, tenant), then shows its signing secret there, this
// once. A URL webhooks may not call (not http(s), the portal's own host...) is marked on the field.
import { useState } from 'react';
import AddIcon from '@mui/icons-material/Add';
import KeyIcon from '@mui/icons-material/Key';
import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { Form, required, SaveButton, SelectInput, TextInput, useDataProvider, useGetIdentity, useNotify, useRefresh } from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import type { Identity } from '../authProvider';
import { fieldErrorsOf } from '../common/serverErrors';
import type { SuperfluidDataProvider } from '../dataProvider';
import { PATH_SEPARATOR } from '../tenants/tree';
import { useTenants } from '../tenants/useTenants';
import type { EndpointWithSecret } from './api';
import { SecretShown } from './SecretDialog';

const httpUrl = (value: unknown) => (typeof value === 'string' && /^https?:\/\/\S+$/i.test(value.trim()) ? undefined : 'Give an http:// or https:// URL');

export const CreateWebhookButton = () => {
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const { identity } = useGetIdentity();
  const own = (identity as Identity | undefined)?.tenant;
  const { tenants } = useTenants();
  const ownPath = tenants.find((t) => t.id === own?.id)?.path;
  // One's own tenant and those below it: where an operator's or administrator's role reaches.
  const choices = tenants
    .filter((t) => ownPath && (t.path === ownPath || t.path.startsWith(`${ownPath}${PATH_SEPARATOR}`)))
    .map((t) => ({ id: t.id, name: t.path }));
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<EndpointWithSecret | null>(null);

  const close = () => {
    setOpen(false);
    setCreated(null);
  };

  const submit = async (values: FieldValues) => {
    try {
      const { data } = await dataProvider.createWebhookEndpoint({
        name: String(values.name ?? '').trim(),
        url: String(values.url ?? '').trim(),
        tenantId: typeof values.tenantId === 'string' && values.tenantId !== '' ? values.tenantId : null,
      });
      setCreated(data);
      refresh();
      return undefined;
    } catch (error) {
      const errors = fieldErrorsOf(error, { name: 'The name', url: 'The URL', tenantId: 'The tenant' });
      if (errors) return errors;
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
      return undefined;
    }
  };

  return (
    <>
      <Button size="small" startIcon={<AddIcon />} onClick={() => setOpen(true)}>
        Add endpoint
      </Button>
      <Dialog
        open={open}
        // Clicking beside the dialog must not lose a secret that is shown once.
        onClose={(_event, reason) => {
          if (created && reason === 'backdropClick') return;
          close();
        }}
        fullWidth
        maxWidth="sm"
        aria-labelledby="create-webhook-title"
      >
        <DialogTitle id="create-webhook-title" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <KeyIcon fontSize="small" /> {created ? `Signing secret of “${created.endpoint.name}”` : 'New webhook endpoint'}
        </DialogTitle>
        {created ? (
          <>
            <SecretShown shown={created} rotated={false} />
            <DialogActions>
              <Button variant="contained" onClick={close}>
                Done
              </Button>
            </DialogActions>
          </>
        ) : (
          <Form onSubmit={submit} defaultValues={{ name: '', url: '', tenantId: own?.id ?? '' }}>
            <DialogContent sx={{ pt: 0 }}>
              <Box sx={{ display: 'flex', flexDirection: 'column' }}>
                <TextInput source="name" label="Name" validate={required()} helperText="Unique in its tenant: “Ops chat bridge”, “CMDB”" autoFocus fullWidth />
                <TextInput
                  source="url"
                  label="URL"
                  validate={[required(), httpUrl]}
                  helperText="Where the signed POSTs go: https://hooks.example.com/superfluid"
                  fullWidth
                />
                {choices.length > 0 ? (
                  <SelectInput source="tenantId" label="Tenant" choices={choices} validate={required()} helperText="Whose events it may receive" fullWidth />
                ) : null}
              </Box>
            </DialogContent>
            <DialogActions>
              <Button onClick={close}>Cancel</Button>
              <SaveButton label="Add endpoint" icon={<AddIcon />} alwaysEnable />
            </DialogActions>
          </Form>
        )}
      </Dialog>
    </>
  );
};
