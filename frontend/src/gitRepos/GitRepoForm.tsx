// The form of a git repository, for both Create and Edit. Server field errors (VALIDATION_FAILED
// with extensions.fields) reach the inputs through the HttpError body, as on the order form.
import SaveIcon from '@mui/icons-material/Save';
import { required, SaveButton, SimpleForm, TextInput, Toolbar } from 'react-admin';

const GitRepoToolbar = ({ submitLabel }: { submitLabel: string }) => (
  <Toolbar>
    <SaveButton label={submitLabel} icon={<SaveIcon />} alwaysEnable />
  </Toolbar>
);

export const GitRepoForm = ({ submitLabel }: { submitLabel: string }) => (
  <SimpleForm toolbar={<GitRepoToolbar submitLabel={submitLabel} />} sx={{ maxWidth: 720 }}>
    <TextInput source="name" label="Name" validate={required()} helperText="Letters, digits, . _ -" fullWidth />
    <TextInput
      source="url"
      label="URL"
      validate={required()}
      helperText="https://host/path, ssh://host/path, user@host:path or file:///path — no credentials in the URL"
      fullWidth
    />
    <TextInput source="branch" label="Branch" validate={required()} helperText="Branch or tag to follow" />
  </SimpleForm>
);
