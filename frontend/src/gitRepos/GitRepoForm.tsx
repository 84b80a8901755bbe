// The form of a git repository, for both Create and Edit. Server field errors (VALIDATION_FAILED
// with extensions.fields) reach the inputs through the HttpError body, as on the order form.
// On create, "Hosted by the portal" replaces the URL (the portal hosts it); a hosted repository
// keeps its name and has no URL to change, so Edit shows them read-only.
import SaveIcon from '@mui/icons-material/Save';
import { Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import {
  BooleanInput,
  minValue,
  NumberInput,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  useGetList,
  usePermissions,
  useRecordContext,
  type Validator,
} from 'react-admin';
import { can } from '../authProvider';
import { requiredAs } from '../common/requiredAs';
import type { Credential } from '../credentials/api';
import { CredentialPicker } from '../credentials/CredentialPicker';
import type { GitRepo } from './api';
import { describeInterval, describeMaxAge } from './refreshPolicy';

const GitRepoToolbar = ({ submitLabel }: { submitLabel: string }) => (
  <Toolbar>
    <SaveButton label={submitLabel} icon={<SaveIcon />} alwaysEnable />
  </Toolbar>
);

const wholeSeconds: Validator = (value: unknown) =>
  value === null || value === undefined || value === '' || Number.isInteger(value) ? undefined : 'Use a whole number of seconds';

// Made once: a validator made while rendering re-registers the field at every render, and the
// policy inputs render at every keystroke (their helper text follows the value), losing the error.
const VALIDATE = {
  refreshMaxAgeSeconds: [wholeSeconds, minValue(0)],
  refreshIntervalSeconds: [wholeSeconds, minValue(60)],
};

/** A refresh-policy input whose helper text says what the value means as it is typed. */
const PolicyInput = ({
  source,
  label,
  help,
  describe,
  min,
}: {
  source: 'refreshMaxAgeSeconds' | 'refreshIntervalSeconds';
  label: string;
  help: string;
  describe: (seconds: number | null) => string;
  min: number;
}) => {
  const value = useWatch({ name: source }) as unknown;
  const seconds = typeof value === 'number' && Number.isInteger(value) && value >= min ? value : null;
  return (
    <NumberInput
      source={source}
      label={label}
      // No native min/step: the browser would block the submit with a bubble of its own, before the
      // form's validators could put their message under the field.
      validate={VALIDATE[source]}
      helperText={`${help} Now: ${describe(seconds)}.`}
      sx={{ width: 420, maxWidth: '100%' }}
    />
  );
};

const HostedSwitch = () => (
  <BooleanInput source="hosted" label="Hosted by the portal" helperText="Push to the portal over HTTP instead of having it fetch from another git server" />
);

const UrlInput = ({ editing }: { editing: GitRepo | undefined }) => {
  const hosted = useWatch({ name: 'hosted' }) as unknown;
  if (editing?.hosted) {
    return <TextInput source="cloneUrl" label="Clone URL" disabled helperText="A hosted repository is pushed to: it has no URL to change" fullWidth />;
  }
  if (hosted === true) return null;
  return (
    <TextInput
      source="url"
      label="URL"
      validate={requiredAs('URL')}
      helperText="https://host/path, ssh://host/path, user@host:path or file:///path — no credentials in the URL"
      fullWidth
    />
  );
};

/** The credential to fetch a private repository with (not for a hosted one, which is pushed to). */
const GitCredentialInput = ({ editing }: { editing: GitRepo | undefined }) => {
  const hosted = useWatch({ name: 'hosted' }) as unknown;
  const { permissions } = usePermissions();
  const readable = can(permissions, 'providers:read');
  const { data: credentials = [] } = useGetList<Credential>(
    'credentials',
    { pagination: { page: 1, perPage: 1000 }, sort: { field: 'name', order: 'ASC' } },
    { enabled: readable },
  );
  if (editing?.hosted || hosted === true || editing?.builtin) return null;
  if (!readable) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }} data-testid="repo-credential-note">
        A private repository needs a git_token or git_ssh_key credential of your tenant: an operator adds it on the Credentials page.
      </Typography>
    );
  }
  return (
    <CredentialPicker
      source="credentialId"
      label="Credential"
      types={['git_token', 'git_ssh_key']}
      credentials={credentials}
      requiredPick={false}
      helperText="For a private repository: a git_token (https) or a git_ssh_key (ssh) to fetch with"
      testId="repo-credentialId"
    />
  );
};

export const GitRepoForm = ({ submitLabel }: { submitLabel: string }) => {
  // Edit has a record (the repository as stored); Create has only its defaults, without an id.
  const record = useRecordContext<GitRepo>();
  const editing = record?.id ? record : undefined;
  return (
    <SimpleForm toolbar={<GitRepoToolbar submitLabel={submitLabel} />} sx={{ maxWidth: 720 }}>
      {editing ? <BooleanInput source="enabled" label="Enabled" helperText="A disabled repository is neither refreshed nor ordered from" /> : <HostedSwitch />}
      <TextInput
        source="name"
        label="Name"
        validate={editing?.hosted ? undefined : requiredAs('Name')}
        disabled={Boolean(editing?.hosted)}
        helperText={editing?.hosted ? 'A hosted repository keeps its name: its clone URL depends on it' : 'Letters, digits, . _ -'}
        fullWidth
      />
      <UrlInput editing={editing} />
      <GitCredentialInput editing={editing} />
      <TextInput source="branch" label="Branch" validate={requiredAs('Branch')} helperText="Branch or tag to follow" />
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        Refresh policy
      </Typography>
      <PolicyInput
        source="refreshMaxAgeSeconds"
        label="Refresh before a run when older than (seconds)"
        help="Optional. 0 refreshes before every run; empty never does."
        describe={describeMaxAge}
        min={0}
      />
      <PolicyInput
        source="refreshIntervalSeconds"
        label="Refresh on a schedule every (seconds)"
        help="Optional, 60 or more; empty: no schedule."
        describe={describeInterval}
        min={60}
      />
    </SimpleForm>
  );
};
