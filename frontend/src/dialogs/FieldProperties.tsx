// The dialog editor's side panel for one field: what every field has (name, label, type, help,
// default, required, read-only, reconfigurable, visibleWhen), then what its type takes — a pattern
// and lengths for text, min/max for numbers, choices (a static list or a data source) for dropdowns
// and radios (providers optionally of one type), dependsOn for dynamic choices.
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Alert, Box, Button, Checkbox, FormControlLabel, IconButton, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useCredentialTypes } from '../credentials/useCredentialTypes';
import { PROVIDER_TYPES, type ProviderType } from '../types';
import { CHOICE_TYPES, NUMBER_TYPES, TEXT_TYPES, changeFieldType, stripEmpty } from './editorModel';
import {
  DIALOG_FIELD_TYPES,
  type DialogChoice,
  type DialogDataSource,
  type DialogField,
  type DialogFieldType,
  type DialogScalar,
  type VisibleWhen,
} from './types';

type SourceType = 'static' | 'providers' | 'gitRepos' | 'playbooks' | 'credentials';
const SOURCES: { value: SourceType; label: string }[] = [
  { value: 'static', label: 'A list (below)' },
  { value: 'providers', label: 'Providers' },
  { value: 'gitRepos', label: 'Git repositories' },
  { value: 'playbooks', label: 'Playbooks of a repository' },
  { value: 'credentials', label: 'Credentials of a type' },
];

const numberOrUndefined = (text: string): number | undefined => (text.trim() === '' || Number.isNaN(Number(text)) ? undefined : Number(text));

/** A value typed into a text box, as the controlling field's type holds it. */
const asScalar = (controller: DialogField | undefined, text: string): DialogScalar => {
  if (controller && NUMBER_TYPES.includes(controller.type) && text.trim() !== '' && !Number.isNaN(Number(text))) return Number(text);
  if (controller?.type === 'checkbox') return text === 'true';
  return text;
};

const ChoicesEditor = ({ choices, onChange }: { choices: DialogChoice[]; onChange: (choices: DialogChoice[]) => void }) => (
  <Stack spacing={1} data-testid="choices-editor">
    {choices.map((choice, i) => (
      <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <TextField
          size="small"
          label="Choice value"
          value={choice.value}
          onChange={(e) => onChange(choices.map((c, j) => (j === i ? { ...c, value: e.target.value } : c)))}
          slotProps={{ htmlInput: { 'data-testid': `choice-value-${i}` } }}
        />
        <TextField
          size="small"
          label="Choice label"
          value={choice.label}
          onChange={(e) => onChange(choices.map((c, j) => (j === i ? { ...c, label: e.target.value } : c)))}
          slotProps={{ htmlInput: { 'data-testid': `choice-label-${i}` } }}
        />
        <IconButton aria-label={`Remove choice ${i + 1}`} size="small" onClick={() => onChange(choices.filter((_, j) => j !== i))}>
          <DeleteIcon fontSize="small" />
        </IconButton>
      </Stack>
    ))}
    <Box>
      <Button
        size="small"
        startIcon={<AddIcon />}
        onClick={() => onChange([...choices, { value: `choice_${choices.length + 1}`, label: `Choice ${choices.length + 1}` }])}
      >
        Add choice
      </Button>
    </Box>
  </Stack>
);

const DefaultInput = ({ field, onChange }: { field: DialogField; onChange: (value: DialogField['default']) => void }) => {
  if (field.type === 'password') return null;
  if (field.type === 'checkbox') {
    return (
      <FormControlLabel
        control={<Checkbox checked={field.default === true} onChange={(e) => onChange(e.target.checked ? true : undefined)} />}
        label="Checked by default"
      />
    );
  }
  if (CHOICE_TYPES.includes(field.type) && field.choices && !field.multiple) {
    return (
      <TextField select size="small" label="Default" value={field.default ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <MenuItem value="">
          <em>none</em>
        </MenuItem>
        {field.choices.map((c) => (
          <MenuItem key={String(c.value)} value={c.value}>
            {c.label}
          </MenuItem>
        ))}
      </TextField>
    );
  }
  if (field.dataSource || field.multiple) return null;
  if (field.type === 'tags') {
    return (
      <TextField
        size="small"
        label="Default (comma-separated)"
        value={Array.isArray(field.default) ? field.default.join(', ') : ''}
        onChange={(e) => {
          const tags = e.target.value
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean);
          onChange(tags.length ? tags : undefined);
        }}
      />
    );
  }
  const numeric = NUMBER_TYPES.includes(field.type);
  return (
    <TextField
      size="small"
      label="Default"
      type={numeric ? 'number' : 'text'}
      value={field.default === undefined || field.default === null ? '' : String(field.default)}
      helperText={field.type === 'date' ? 'YYYY-MM-DD' : field.type === 'datetime' ? 'e.g. 2030-06-15T08:30:00Z' : undefined}
      onChange={(e) => onChange(numeric ? numberOrUndefined(e.target.value) : e.target.value || undefined)}
    />
  );
};

const VisibleWhenEditor = ({
  field,
  others,
  onChange,
}: {
  field: DialogField;
  others: DialogField[];
  onChange: (visibleWhen: VisibleWhen | undefined) => void;
}) => {
  const when = field.visibleWhen;
  const controller = others.find((f) => f.name === when?.field);
  const mode = !when ? 'equals' : 'notEmpty' in when ? 'notEmpty' : 'in' in when ? 'in' : 'equals';
  const setMode = (next: string) => {
    if (!when) return;
    if (next === 'notEmpty') onChange({ field: when.field, notEmpty: true });
    else if (next === 'in') onChange({ field: when.field, in: 'equals' in when ? [when.equals] : [] });
    else onChange({ field: when.field, equals: 'in' in when ? (when.in[0] ?? '') : '' });
  };
  const controllerChoices =
    controller?.choices ??
    (controller?.type === 'checkbox'
      ? [
          { value: 'true', label: 'checked' },
          { value: 'false', label: 'not checked' },
        ]
      : undefined);
  return (
    <Stack spacing={1.5}>
      <TextField
        select
        size="small"
        label="Visible when"
        value={when?.field ?? ''}
        onChange={(e) => onChange(e.target.value ? { field: e.target.value, equals: '' } : undefined)}
        slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'visible-when-field' } as object } }}
      >
        <MenuItem value="">
          <em>always visible</em>
        </MenuItem>
        {others.map((f) => (
          <MenuItem key={f.name} value={f.name}>
            {f.label} ({f.name})
          </MenuItem>
        ))}
      </TextField>
      {when && (
        <TextField select size="small" label="Condition" value={mode} onChange={(e) => setMode(e.target.value)}>
          <MenuItem value="equals">equals</MenuItem>
          <MenuItem value="in">is one of</MenuItem>
          <MenuItem value="notEmpty">is not empty</MenuItem>
        </TextField>
      )}
      {when && 'equals' in when && controllerChoices && (
        <TextField
          select
          size="small"
          label="Value"
          value={String(when.equals)}
          onChange={(e) => onChange({ field: when.field, equals: asScalar(controller, e.target.value) })}
          slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'visible-when-value' } as object } }}
        >
          {controllerChoices.map((c) => (
            <MenuItem key={String(c.value)} value={String(c.value)}>
              {c.label} ({String(c.value)})
            </MenuItem>
          ))}
        </TextField>
      )}
      {when && 'equals' in when && !controllerChoices && (
        <TextField
          size="small"
          label="Value"
          value={String(when.equals)}
          onChange={(e) => onChange({ field: when.field, equals: asScalar(controller, e.target.value) })}
        />
      )}
      {when && 'in' in when && (
        <TextField
          size="small"
          label="Values (comma-separated)"
          value={when.in.map(String).join(', ')}
          onChange={(e) =>
            onChange({
              field: when.field,
              in: e.target.value
                .split(',')
                .map((v) => v.trim())
                .filter(Boolean)
                .map((v) => asScalar(controller, v)),
            })
          }
        />
      )}
    </Stack>
  );
};

/** Where a dropdown's or radio's choices come from: a list or a data source with its parameters. Also binds imported ManageIQ fields (DialogShow). */
export const ChoicesSource = ({ field, others, set }: { field: DialogField; others: DialogField[]; set: (change: Partial<DialogField>) => void }) => {
  const credentialTypes = useCredentialTypes();
  const source: SourceType = (field.dataSource?.type as SourceType | undefined) ?? 'static';
  const setSource = (next: SourceType) => {
    if (next === 'static') set({ dataSource: undefined, choices: field.choices ?? [{ value: 'a', label: 'A' }], dependsOn: undefined });
    else {
      const dataSource: DialogDataSource =
        next === 'playbooks' ? { type: next, repo: 'playbooks' } : next === 'credentials' ? { type: next, credentialType: 'ssh_key' } : { type: next };
      set({ dataSource, choices: undefined, default: undefined });
    }
  };
  const ds = field.dataSource;
  return (
    <Stack spacing={1.5}>
      <TextField select size="small" label="Choices from" value={source} onChange={(e) => setSource(e.target.value as SourceType)}>
        {SOURCES.map((s) => (
          <MenuItem key={s.value} value={s.value}>
            {s.label}
          </MenuItem>
        ))}
      </TextField>
      {source === 'static' && <ChoicesEditor choices={field.choices ?? []} onChange={(choices) => set({ choices })} />}
      {ds?.type === 'playbooks' && (
        <>
          <TextField
            select
            size="small"
            label="Repository field"
            value={ds.repoField ?? ''}
            helperText="Take the repository from another field's value, or name one below"
            onChange={(e) => {
              const repoField = e.target.value;
              set(
                repoField
                  ? { dataSource: { type: 'playbooks', repoField }, dependsOn: [...new Set([...(field.dependsOn ?? []), repoField])] }
                  : { dataSource: { type: 'playbooks', repo: 'playbooks' }, dependsOn: undefined },
              );
            }}
          >
            <MenuItem value="">
              <em>a fixed repository</em>
            </MenuItem>
            {others.map((f) => (
              <MenuItem key={f.name} value={f.name}>
                {f.name}
              </MenuItem>
            ))}
          </TextField>
          {!ds.repoField && (
            <TextField
              size="small"
              label="Repository"
              value={ds.repo ?? ''}
              onChange={(e) => set({ dataSource: { type: 'playbooks', repo: e.target.value } })}
            />
          )}
        </>
      )}
      {ds?.type === 'providers' && (
        <TextField
          select
          size="small"
          label="Provider type"
          value={ds.providerType ?? ''}
          helperText="Offer only providers of this type"
          onChange={(e) => {
            const providerType = e.target.value as ProviderType | '';
            set({ dataSource: providerType ? { type: 'providers', providerType } : { type: 'providers' } });
          }}
          slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'provider-type' } as object } }}
        >
          <MenuItem value="">
            <em>any</em>
          </MenuItem>
          {PROVIDER_TYPES.map((t) => (
            <MenuItem key={t} value={t}>
              {t}
            </MenuItem>
          ))}
        </TextField>
      )}
      {ds?.type === 'credentials' && (
        <TextField
          select
          size="small"
          label="Credential type"
          value={ds.credentialType ?? ''}
          onChange={(e) => set({ dataSource: { type: 'credentials', credentialType: e.target.value } })}
        >
          {(credentialTypes.data ?? [{ name: ds.credentialType ?? 'ssh_key', label: ds.credentialType ?? 'ssh_key' }]).map((t) => (
            <MenuItem key={t.name} value={t.name}>
              {t.label}
            </MenuItem>
          ))}
        </TextField>
      )}
      {ds && ds.type !== 'static' && (
        <TextField
          select
          size="small"
          label="Depends on"
          value={field.dependsOn ?? []}
          helperText="Fields whose values its choices are recomputed from"
          slotProps={{ select: { multiple: true } }}
          onChange={(e) => {
            const value = e.target.value as unknown;
            set({ dependsOn: Array.isArray(value) ? value.map(String) : String(value).split(',') });
          }}
        >
          {others.map((f) => (
            <MenuItem key={f.name} value={f.name}>
              {f.name}
            </MenuItem>
          ))}
        </TextField>
      )}
    </Stack>
  );
};

export const FieldProperties = ({
  field,
  others,
  error,
  nameError,
  labelError,
  onChange,
}: {
  field: DialogField;
  /** What is wrong with its name and label, shown under those inputs. */
  nameError?: string;
  labelError?: string;
  /** The dialog's other fields, for visibleWhen and dependsOn. */
  others: DialogField[];
  /** What the server said about this field on the last save. */
  error?: string;
  onChange: (field: DialogField) => void;
}) => {
  // Unset properties are dropped; the name and label stay, even while emptied to be retyped.
  const set = (change: Partial<DialogField>) => {
    const next = { ...field, ...change };
    onChange({ ...stripEmpty(next), name: next.name, label: next.label });
  };
  const flag = (key: 'required' | 'readOnly' | 'reconfigurable' | 'multiple', label: string) => (
    <FormControlLabel
      control={<Checkbox size="small" checked={field[key] === true} onChange={(e) => set({ [key]: e.target.checked || undefined })} />}
      label={label}
    />
  );
  const isText = TEXT_TYPES.includes(field.type);
  return (
    <Stack spacing={1.5} data-testid="field-properties" data-field={field.name}>
      <Typography variant="subtitle2">Field</Typography>
      {error && (
        <Alert severity="error" data-testid="field-error">
          {error}
        </Alert>
      )}
      <TextField
        size="small"
        label="Field name"
        value={field.name}
        onChange={(e) => set({ name: e.target.value })}
        required
        error={!!nameError}
        helperText={nameError ?? 'Letters, digits and _: an Ansible variable'}
      />
      <TextField
        size="small"
        label="Field label"
        required
        value={field.label}
        onChange={(e) => set({ label: e.target.value })}
        error={!!labelError}
        helperText={labelError}
      />
      <TextField
        select
        size="small"
        label="Type"
        value={field.type}
        onChange={(e) => onChange(changeFieldType(field, e.target.value as DialogFieldType))}
        slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'field-type' } as object } }}
      >
        {DIALOG_FIELD_TYPES.map((t) => (
          <MenuItem key={t} value={t}>
            {t}
          </MenuItem>
        ))}
      </TextField>
      <TextField size="small" label="Help" value={field.help ?? ''} onChange={(e) => set({ help: e.target.value })} />
      <Box>
        {flag('required', 'Required')}
        {flag('readOnly', 'Read-only')}
        {flag('reconfigurable', 'Reconfigurable')}
        {field.type === 'dropdown' && flag('multiple', 'Several choices')}
        {field.type === 'textarea' && (
          <FormControlLabel
            control={
              <Checkbox
                size="small"
                checked={field.format === 'yaml_mapping'}
                onChange={(e) => set({ format: e.target.checked ? 'yaml_mapping' : undefined })}
              />
            }
            label="A YAML or JSON mapping"
          />
        )}
      </Box>
      {CHOICE_TYPES.includes(field.type) && <ChoicesSource field={field} others={others} set={set} />}
      <DefaultInput field={field} onChange={(value) => set({ default: value })} />
      {isText && (
        <>
          <TextField
            size="small"
            label="Pattern"
            value={field.pattern ?? ''}
            helperText={field.type === 'tags' ? 'A regular expression each tag must match' : 'A regular expression the value must match'}
            onChange={(e) => set({ pattern: e.target.value })}
            slotProps={{ htmlInput: { 'data-testid': 'field-pattern' } }}
          />
          <TextField size="small" label="Pattern message" value={field.patternMessage ?? ''} onChange={(e) => set({ patternMessage: e.target.value })} />
          {field.type !== 'tags' && (
            <Stack direction="row" spacing={1}>
              <TextField
                size="small"
                type="number"
                label="Min length"
                value={field.minLength ?? ''}
                onChange={(e) => set({ minLength: numberOrUndefined(e.target.value) })}
              />
              <TextField
                size="small"
                type="number"
                label="Max length"
                value={field.maxLength ?? ''}
                onChange={(e) => set({ maxLength: numberOrUndefined(e.target.value) })}
              />
            </Stack>
          )}
        </>
      )}
      {NUMBER_TYPES.includes(field.type) && (
        <Stack direction="row" spacing={1}>
          <TextField size="small" type="number" label="Min" value={field.min ?? ''} onChange={(e) => set({ min: numberOrUndefined(e.target.value) })} />
          <TextField size="small" type="number" label="Max" value={field.max ?? ''} onChange={(e) => set({ max: numberOrUndefined(e.target.value) })} />
        </Stack>
      )}
      <VisibleWhenEditor field={field} others={others} onChange={(visibleWhen) => set({ visibleWhen })} />
    </Stack>
  );
};
