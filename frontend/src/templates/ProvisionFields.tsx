// The inputs of one playbook run, shared by an ansible_playbook item and each child item of a
// bundle: repository, playbook and provider (fixed, or taken from a dialog field), the dialog
// field of extra variables, and which dialog fields become which Ansible variables.
import { useState, type ReactNode } from 'react';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Box, Button, IconButton, Link as MuiLink, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import type { ProvisionDefinition, ValueSource } from './types';

export interface Choice {
  value: string;
  label: string;
}

/** What the editor's dropdowns offer, read once per page. */
export interface EditorChoices {
  dialogFields: Choice[];
  repos: { name: string; playbooks: string[] }[];
  providers: Choice[];
  /** vault_password credentials, by name (what a definition's vaultCredential holds). */
  vaultCredentials: Choice[];
}

/** A dropdown, or a text field when there is nothing to pick from (the value is then typed). */
export const Pick = ({
  label,
  value,
  choices,
  onChange,
  error,
  help,
  testId,
  optional,
  required,
}: {
  label: string;
  value: string | undefined;
  choices: Choice[];
  onChange: (value: string) => void;
  error?: string;
  help?: ReactNode;
  testId?: string;
  optional?: boolean;
  /** Marked with an asterisk: the item cannot be saved without it. */
  required?: boolean;
}) => {
  // A definition edited as JSON may lack the key: shown as empty.
  const current = value ?? '';
  const known = choices.some((c) => c.value === current);
  return (
    <TextField
      select={choices.length > 0}
      size="small"
      fullWidth
      required={required}
      label={label}
      value={current}
      onChange={(e) => onChange(e.target.value)}
      error={!!error}
      helperText={error ?? help}
      slotProps={{ htmlInput: { 'data-testid': testId } }}
    >
      {optional && <MenuItem value="">(none)</MenuItem>}
      {!known && current !== '' && <MenuItem value={current}>{current}</MenuItem>}
      {choices.map((c) => (
        <MenuItem key={c.value} value={c.value}>
          {c.label}
        </MenuItem>
      ))}
    </TextField>
  );
};

/** A value that is either fixed or read from a dialog field at order time. */
export const SourcePick = ({
  label,
  value,
  fixedChoices,
  fields,
  onChange,
  error,
  testId,
  required,
}: {
  label: string;
  /** Missing in a definition edited as JSON: shown as an empty fixed value. */
  value: ValueSource | undefined;
  fixedChoices: Choice[];
  fields: Choice[];
  onChange: (value: ValueSource) => void;
  error?: string;
  testId: string;
  required?: boolean;
}) => {
  const fromField = value !== undefined && typeof value !== 'string';
  return (
    <Stack direction="row" spacing={1}>
      <TextField
        select
        size="small"
        label={`${label} from`}
        value={fromField ? 'field' : 'fixed'}
        onChange={(e) => onChange(e.target.value === 'field' ? { field: fields[0]?.value ?? '' } : '')}
        sx={{ minWidth: 150 }}
        slotProps={{ htmlInput: { 'data-testid': `${testId}-mode` } }}
      >
        <MenuItem value="fixed">fixed</MenuItem>
        <MenuItem value="field">dialog field</MenuItem>
      </TextField>
      {fromField ? (
        <Pick
          label={`${label} field`}
          value={value.field}
          choices={fields}
          onChange={(field) => onChange({ field })}
          error={error}
          testId={testId}
          required={required}
        />
      ) : (
        <Pick label={label} value={value} choices={fixedChoices} onChange={onChange} error={error} testId={testId} required={required} />
      )}
    </Stack>
  );
};

/** Key → value rows (dialog field → variable, variable → "<item>.<output>"); rows with an empty key are not kept. */
export const MappingRows = ({
  title,
  keyLabel,
  valueLabel,
  value,
  keyChoices,
  onChange,
  error,
  testId,
}: {
  title: string;
  keyLabel: string;
  valueLabel: string;
  value: Record<string, string> | undefined;
  keyChoices?: Choice[];
  onChange: (value: Record<string, string> | undefined) => void;
  error?: string;
  testId: string;
}) => {
  const [rows, setRows] = useState<[string, string][]>(() => Object.entries(value ?? {}));
  // Rows follow a value changed from outside (items reordered, JSON edited); half-typed rows stay otherwise.
  if (JSON.stringify(Object.fromEntries(rows.filter(([k]) => k !== ''))) !== JSON.stringify(value ?? {})) setRows(Object.entries(value ?? {}));
  const update = (next: [string, string][]) => {
    setRows(next);
    const kept = next.filter(([k]) => k !== '');
    onChange(kept.length ? Object.fromEntries(kept) : undefined);
  };
  return (
    <Box data-testid={testId}>
      <Typography variant="caption" color={error ? 'error' : 'text.secondary'}>
        {title}
        {error ? ` — ${error}` : ''}
      </Typography>
      {rows.map(([k, v], i) => (
        <Stack key={i} direction="row" spacing={1} sx={{ mt: 1 }}>
          <Pick
            label={keyLabel}
            value={k}
            choices={keyChoices ?? []}
            onChange={(nk) => update(rows.map((r, j) => (j === i ? [nk, r[1]] : r)))}
            testId={`${testId}-key-${i}`}
          />
          <TextField
            size="small"
            fullWidth
            label={valueLabel}
            value={v}
            onChange={(e) => update(rows.map((r, j) => (j === i ? [r[0], e.target.value] : r)))}
            slotProps={{ htmlInput: { 'data-testid': `${testId}-value-${i}` } }}
          />
          <IconButton size="small" aria-label={`Remove ${keyLabel} ${k}`} onClick={() => update(rows.filter((_, j) => j !== i))}>
            <DeleteIcon fontSize="inherit" />
          </IconButton>
        </Stack>
      ))}
      <Button size="small" startIcon={<AddIcon />} onClick={() => update([...rows, ['', '']])} data-testid={`${testId}-add`}>
        Add
      </Button>
    </Box>
  );
};

export const ProvisionFields = ({
  value,
  onChange,
  path,
  errors,
  choices,
}: {
  value: ProvisionDefinition;
  onChange: (value: ProvisionDefinition) => void;
  /** Where it is in the definition (provision, items.N.provision), for the server's problems. */
  path: string;
  errors: Record<string, string>;
  choices: EditorChoices;
}) => {
  const playbooks = (choices.repos.find((r) => r.name === value.repo)?.playbooks ?? []).map((p) => ({ value: p, label: p }));
  const at = (key: string) => errors[`${path}.${key}`];
  const testId = path.replace(/\./g, '-');
  return (
    <Stack spacing={1.5}>
      <Pick
        label="Repository"
        value={value.repo}
        choices={choices.repos.map((r) => ({ value: r.name, label: r.name }))}
        onChange={(repo) => onChange({ ...value, repo })}
        error={at('repo')}
        required
        testId={`${testId}-repo`}
      />
      <SourcePick
        label="Playbook"
        value={value.playbook}
        fixedChoices={playbooks}
        fields={choices.dialogFields}
        onChange={(playbook) => onChange({ ...value, playbook })}
        error={at('playbook')}
        required
        testId={`${testId}-playbook`}
      />
      <SourcePick
        label="Provider"
        value={value.provider}
        fixedChoices={choices.providers}
        fields={choices.dialogFields}
        onChange={(provider) => onChange({ ...value, provider })}
        error={at('provider')}
        required
        testId={`${testId}-provider`}
      />
      <Pick
        label="Extra variables field"
        value={value.extraVarsField ?? ''}
        choices={choices.dialogFields}
        optional
        onChange={(field) => onChange({ ...value, extraVarsField: field || undefined })}
        error={at('extraVarsField')}
        help="A dialog field holding a YAML mapping of extra variables"
        testId={`${testId}-extra-vars`}
      />
      <Pick
        label="Vault credential"
        value={value.vaultCredential ?? ''}
        choices={choices.vaultCredentials}
        optional
        onChange={(name) => onChange({ ...value, vaultCredential: name || undefined })}
        error={at('vaultCredential')}
        help={
          choices.vaultCredentials.length ? (
            "The vault_password credential the playbook's vaulted files open with, when it has any"
          ) : (
            <>
              No vault_password credential yet (needed only for vaulted files):{' '}
              <MuiLink component={Link} to={`/credentials/create?source=${encodeURIComponent(JSON.stringify({ type: 'vault_password' }))}`}>
                add one
              </MuiLink>
              .
            </>
          )
        }
        testId={`${testId}-vault`}
      />
      <MappingRows
        title="Variables: dialog field → Ansible variable"
        keyLabel="Dialog field"
        valueLabel="Variable"
        value={value.vars}
        keyChoices={choices.dialogFields}
        onChange={(vars) => onChange({ ...value, vars })}
        error={Object.entries(errors).find(([k]) => k.startsWith(`${path}.vars`))?.[1]}
        testId={`${testId}-vars`}
      />
    </Stack>
  );
};
