// Creates an API token in a dialog: a name, an optional expiry and its scopes (all checked at
// first), then the token itself, shown
// this once with a copy button. Server field errors (VALIDATION_FAILED) appear under the fields.
import { useState } from 'react';
import AddIcon from '@mui/icons-material/Add';
import KeyIcon from '@mui/icons-material/Key';
import { Alert, AlertTitle, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import {
  CheckboxGroupInput,
  Form,
  HttpError,
  maxValue,
  minValue,
  NumberInput,
  required,
  SaveButton,
  TextInput,
  useDataProvider,
  useNotify,
  useRefresh,
  type Validator,
} from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import { CopyableValue } from '../common/CopyButton';
import type { SuperfluidDataProvider } from '../dataProvider';
import type { ApiErrorBody } from '../api/graphql';
import { API_TOKEN_SCOPES, type CreatedApiToken } from './api';
import { RelativeTime } from '../common/RelativeTime';

const wholeDays: Validator = (value: unknown) =>
  value === null || value === undefined || value === '' || Number.isInteger(value) ? undefined : 'Use a whole number of days';

const someScope: Validator = (value: unknown) => (Array.isArray(value) && value.length > 0 ? undefined : 'Pick at least one scope');

const ALL_SCOPES = API_TOKEN_SCOPES.map((s) => s.id);

const TokenShown = ({ created, onDone }: { created: CreatedApiToken; onDone: () => void }) => (
  <>
    <DialogContent>
      <Alert severity="warning" sx={{ mb: 2 }}>
        <AlertTitle>Copy the token now: it won&apos;t be shown again</AlertTitle>
        Only a hash of it is kept. If you lose it, revoke it and create another.
      </Alert>
      <Typography variant="body2" component="div" sx={{ mb: 2 }}>
        <CopyableValue text={created.token} what="API token" testId="api-token-value" />
      </Typography>
      <Typography variant="body2" color="text.secondary">
        Use it as <code>Authorization: Bearer &lt;token&gt;</code> for the GraphQL API, or as the password of <code>git push</code> to a repository the portal
        hosts (any user name).
        {created.apiToken.expiresAt ? (
          <>
            {' It expires '}
            <RelativeTime value={created.apiToken.expiresAt} />.
          </>
        ) : (
          ' It is valid until you revoke it.'
        )}
      </Typography>
    </DialogContent>
    <DialogActions>
      <Button variant="contained" onClick={onDone}>
        Done
      </Button>
    </DialogActions>
  </>
);

export const CreateApiTokenButton = () => {
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  const close = () => {
    setOpen(false);
    setCreated(null);
  };

  /** Returns the server's field errors, which the form shows under its fields. */
  const submit = async (values: FieldValues) => {
    const name = typeof values.name === 'string' ? values.name.trim() : '';
    const days = typeof values.expiresInDays === 'number' ? values.expiresInDays : null;
    const scopes = Array.isArray(values.scopes) ? values.scopes.filter((s): s is string => typeof s === 'string') : ALL_SCOPES;
    try {
      const { data } = await dataProvider.createApiToken(name, days, scopes);
      setCreated(data);
      refresh();
      return undefined;
    } catch (error) {
      const body = error instanceof HttpError ? (error.body as ApiErrorBody | undefined) : undefined;
      if (body?.errors) return body.errors;
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
      return undefined;
    }
  };

  return (
    <>
      <Button size="small" startIcon={<AddIcon />} onClick={() => setOpen(true)}>
        Create token
      </Button>
      <Dialog
        open={open}
        // Clicking beside the dialog must not lose a token that is shown once.
        onClose={(_event, reason) => {
          if (created && reason === 'backdropClick') return;
          close();
        }}
        fullWidth
        maxWidth="sm"
        aria-labelledby="create-api-token-title"
      >
        <DialogTitle id="create-api-token-title" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <KeyIcon fontSize="small" /> {created ? `API token “${created.apiToken.name}”` : 'New API token'}
        </DialogTitle>
        {created ? (
          <TokenShown created={created} onDone={close} />
        ) : (
          <Form onSubmit={submit} defaultValues={{ name: '', expiresInDays: null, scopes: ALL_SCOPES }}>
            <DialogContent sx={{ pt: 0 }}>
              <Box sx={{ display: 'flex', flexDirection: 'column' }}>
                <TextInput source="name" label="Name" validate={required()} helperText="What it is for: “laptop git push”, “CI pipeline”" autoFocus fullWidth />
                <NumberInput
                  source="expiresInDays"
                  label="Expires in (days)"
                  validate={[wholeDays, minValue(1), maxValue(3650)]}
                  helperText="Optional, 1 to 3650; empty: the server's default (90 days)"
                />
                <CheckboxGroupInput
                  source="scopes"
                  label="Scopes"
                  choices={API_TOKEN_SCOPES.map((s) => ({ id: s.id, name: `${s.name} — ${s.description}` }))}
                  row={false}
                  validate={someScope}
                  helperText="What the token may do; never more than your roles allow"
                />
              </Box>
            </DialogContent>
            <DialogActions>
              <Button onClick={close}>Cancel</Button>
              <SaveButton label="Create token" icon={<KeyIcon />} alwaysEnable />
            </DialogActions>
          </Form>
        )}
      </Dialog>
    </>
  );
};
