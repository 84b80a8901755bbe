// The form of a credential, for Create and Edit. The type is picked first; its fields come from the
// server's credentialTypes. Secret fields are write-only: always empty here, and on edit an empty
// one keeps the stored value. Server field errors are keyed by field name; they are moved to the
// input that shows the field (inputs.x or secrets.x).
import SaveIcon from '@mui/icons-material/Save';
import { Alert, Box, LinearProgress, Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import { BooleanInput, required, SaveButton, SelectInput, SimpleForm, TextInput, Toolbar, useRecordContext, useSaveContext, type Validator } from 'react-admin';
import type { Credential, CredentialField, CredentialInput, CredentialType } from './api';
import { useCredentialTypes } from './useCredentialTypes';

/** The form's values: the record's, plus the secrets typed and the stored ones to remove. */
interface FormValues {
  name?: string | null;
  type?: string | null;
  inputs?: Record<string, string | null>;
  secrets?: Record<string, string | null>;
  remove?: Record<string, boolean>;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Only the fields of the chosen type; empty secrets are left out (on edit: kept as stored). */
export const toCredentialInput = (values: FormValues, type: CredentialType): CredentialInput => {
  const inputs: Record<string, string> = {};
  const secrets: Record<string, string | null> = {};
  for (const field of type.fields) {
    if (field.secret) {
      const value = text(values.secrets?.[field.name]);
      if (value !== '') secrets[field.name] = value;
      else if (values.remove?.[field.name]) secrets[field.name] = null;
    } else {
      const value = text(values.inputs?.[field.name]).trim();
      if (value !== '') inputs[field.name] = value;
    }
  }
  return { name: text(values.name).trim(), type: type.name, inputs, secrets };
};

/** { private_key: "..." } → { secrets: { private_key: "..." } }, so each message lands under its input. */
const placeErrors = (errors: Record<string, unknown>, type: CredentialType): Record<string, unknown> => {
  const placed: Record<string, unknown> = {};
  const inputs: Record<string, unknown> = {};
  const secrets: Record<string, unknown> = {};
  for (const [key, message] of Object.entries(errors)) {
    const field = type.fields.find((f) => f.name === key);
    if (field) (field.secret ? secrets : inputs)[key] = message;
    else placed[key] = message;
  }
  if (Object.keys(inputs).length) placed.inputs = inputs;
  if (Object.keys(secrets).length) placed.secrets = secrets;
  return placed;
};

const FieldInput = ({ field, stored, editing }: { field: CredentialField; stored: boolean; editing: boolean }) => {
  const validate: Validator[] = field.required && !(field.secret && stored) ? [required()] : [];
  const helperText = field.secret && stored ? 'Stored — leave empty to keep' : (field.help ?? (field.required ? '' : 'Optional'));
  const source = `${field.secret ? 'secrets' : 'inputs'}.${field.name}`;
  const common = {
    source,
    label: field.label,
    validate,
    helperText,
    fullWidth: true,
    'data-testid': `credential-field-${field.name}`,
  };
  if (!field.secret) return <TextInput {...common} multiline={field.multiline} minRows={field.multiline ? 4 : undefined} />;
  return (
    <Box>
      {field.multiline ? (
        <TextInput
          {...common}
          multiline
          minRows={6}
          placeholder={stored ? '(stored)' : undefined}
          slotProps={{ htmlInput: { spellCheck: false, autoComplete: 'off', style: { fontFamily: 'monospace', fontSize: 13 } } }}
        />
      ) : (
        <TextInput {...common} type="password" slotProps={{ htmlInput: { autoComplete: 'new-password' } }} />
      )}
      {editing && stored && !field.required ? <BooleanInput source={`remove.${field.name}`} label={`Remove the stored ${field.label.toLowerCase()}`} /> : null}
    </Box>
  );
};

const TypeFields = ({ types, editing }: { types: CredentialType[]; editing: boolean }) => {
  const record = useRecordContext<Credential>();
  const typeName = useWatch<FormValues, 'type'>({ name: 'type' });
  const type = types.find((t) => t.name === typeName);
  if (!type) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Pick a type to see its fields.
      </Typography>
    );
  }
  const stored = new Set(editing ? (record?.secretFields ?? []) : []);
  return (
    <Box sx={{ width: '100%' }} data-testid="credential-fields">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {type.description} Secret fields are encrypted and never shown again.
      </Typography>
      {type.fields.map((field) => (
        <FieldInput key={field.name} field={field} stored={stored.has(field.name)} editing={editing} />
      ))}
    </Box>
  );
};

const CredentialToolbar = ({ submitLabel }: { submitLabel: string }) => (
  <Toolbar>
    <SaveButton label={submitLabel} icon={<SaveIcon />} alwaysEnable />
  </Toolbar>
);

export const CredentialForm = ({ submitLabel, editing = false }: { submitLabel: string; editing?: boolean }) => {
  const { data: types, isPending, error } = useCredentialTypes();
  const { save } = useSaveContext();
  const record = useRecordContext<Credential>();
  if (isPending) return <LinearProgress sx={{ m: 2 }} />;
  if (error || !types) return <Alert severity="error">{error?.message ?? 'The credential types could not be loaded.'}</Alert>;

  const onSubmit = async (values: FormValues) => {
    // A disabled input (the type, on edit) is not in the submitted values.
    const type = types.find((t) => t.name === (editing ? record?.type : values.type));
    if (!type || !save) return { type: 'Pick a type' };
    const errors = (await save(toCredentialInput(values, type))) as Record<string, unknown> | undefined;
    return errors ? placeErrors(errors, type) : undefined;
  };

  return (
    <SimpleForm toolbar={<CredentialToolbar submitLabel={submitLabel} />} onSubmit={onSubmit} sx={{ maxWidth: 760 }}>
      <TextInput source="name" label="Name" validate={required()} helperText="Letters, digits, . _ -" fullWidth />
      <SelectInput
        source="type"
        label="Type"
        choices={types.map((t) => ({ id: t.name, name: t.label }))}
        validate={required()}
        disabled={editing}
        helperText={editing ? 'The type of a credential cannot change' : 'Pick the type first: its fields follow'}
      />
      <TypeFields types={types} editing={editing} />
    </SimpleForm>
  );
};
