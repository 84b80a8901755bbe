// The template and bundle editor: what an item is (name, folder, icon, dialog, published), then
// for an ansible_playbook item its playbook run and retirement/reconfigure/heal playbooks, for a
// bundle its entry point, sites and child items (add, remove, reorder, provision index, site,
// variables and inputs from earlier items). "Edit as JSON" shows the whole definition, for what
// the form does not offer (job options, needs, vault credential). Save sends the definition to
// saveServiceTemplate; the server checks it like a catalog file and its problems show here, on
// the inputs they name.
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteIcon from '@mui/icons-material/Delete';
import SaveIcon from '@mui/icons-material/Save';
import { Alert, Box, Button, Card, CardContent, CardHeader, FormControlLabel, IconButton, MenuItem, Stack, Switch, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { plainTemplatePath, plainTemplateProblem } from '@superfluid/dialogs';
import { HttpError, Title, useDataProvider, useGetList, useNotify, usePermissions } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import type { ApiErrorBody } from '../api/graphql';
import { can } from '../authProvider';
import { withSubject } from '../common/serverErrors';
import type { Credential } from '../credentials/api';
import type { SuperfluidDataProvider } from '../dataProvider';
import type { DialogRecord } from '../dialogs/types';
import type { GitRepo } from '../gitRepos/api';
import type { Provider } from '../providers/api';
import { MappingRows, Pick, ProvisionFields, SourcePick, type EditorChoices } from './ProvisionFields';
import { ApprovalFields } from './ApprovalFields';
import { cleaned, errorsUnder, missingInputs, moveItem, newItem, newProvision, newTemplate } from './templateModel';
import type { BundleItemDefinition, SiteDefinition, TemplateDefinition } from './types';
import { IconPicker } from './IconPicker';

interface SaveFailure {
  message: string;
  problems: string[];
  fields: Record<string, string>;
}

const failureOf = (err: unknown): SaveFailure => {
  if (err instanceof HttpError) {
    const extensions = (err.body as ApiErrorBody | undefined)?.graphqlErrors?.[0]?.extensions;
    const problems = Array.isArray(extensions?.problems) ? extensions.problems.map(String) : [];
    return { message: err.message, problems, fields: extensions?.fields ?? {} };
  }
  return { message: err instanceof Error ? err.message : String(err), problems: [], fields: {} };
};

/** The first line of a refusal: what the server said without the problems it lists after the dash (they follow, one by one, in the editor's words). */
const summaryOf = (failure: SaveFailure): string => (failure.problems.length ? failure.message.split(' — ')[0] + ':' : plainTemplateProblem(failure.message));

const ALL = { pagination: { page: 1, perPage: 500 }, sort: { field: 'name', order: 'ASC' as const } };

/** What the dropdowns offer: the dialog's fields, the repositories with their playbooks, the providers. */
const useChoices = (dialogName: string) => {
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const { data: dialogs = [] } = useGetList<DialogRecord>('dialogs', ALL);
  const { data: repos = [] } = useGetList<GitRepo>('gitRepos', ALL);
  const { data: providers = [] } = useGetList<Provider>('providers', ALL);
  const { permissions } = usePermissions();
  const { data: credentials = [] } = useGetList<Credential>('credentials', ALL, { enabled: can(permissions, 'providers:read') });
  const { data: machines = [] } = useQuery({ queryKey: ['stateMachines'], queryFn: async () => (await dataProvider.getStateMachines()).data });
  const choices: EditorChoices = useMemo(
    () => ({
      dialogFields: (dialogs.find((d) => d.name === dialogName)?.fields ?? []).map((f) => ({ value: f.name, label: `${f.label} (${f.name})` })),
      repos: repos.map((r) => ({ name: r.name, playbooks: r.playbooks.map((p) => p.path) })),
      providers: providers.map((p) => ({ value: p.id, label: `${p.name} (${p.type})` })),
      vaultCredentials: credentials.filter((c) => c.type === 'vault_password').map((c) => ({ value: c.name, label: c.name })),
    }),
    [dialogs, repos, providers, credentials, dialogName],
  );
  return { choices, dialogs, machines };
};

/** Up, down and remove buttons of a child item. */
const ItemButtons = ({
  name,
  onMove,
  onRemove,
  first,
  last,
}: {
  name: string;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  first: boolean;
  last: boolean;
}) => (
  <Box sx={{ display: 'flex' }}>
    <IconButton size="small" aria-label={`Move item ${name} up`} disabled={first} onClick={() => onMove(-1)}>
      <ArrowUpwardIcon fontSize="inherit" />
    </IconButton>
    <IconButton size="small" aria-label={`Move item ${name} down`} disabled={last} onClick={() => onMove(1)}>
      <ArrowDownwardIcon fontSize="inherit" />
    </IconButton>
    <IconButton size="small" aria-label={`Remove item ${name}`} onClick={onRemove}>
      <DeleteIcon fontSize="inherit" />
    </IconButton>
  </Box>
);

/** A retirement, reconfigure or heal playbook of the item's repository, or none. */
const EntryPlaybook = ({
  label,
  value,
  playbooks,
  onChange,
  error,
  testId,
}: {
  label: string;
  value: { playbook: string } | undefined;
  playbooks: string[];
  onChange: (value: { playbook: string } | undefined) => void;
  error?: string;
  testId: string;
}) => (
  <Pick
    label={label}
    value={value?.playbook ?? ''}
    choices={playbooks.map((p) => ({ value: p, label: p }))}
    optional
    onChange={(playbook) => onChange(playbook ? { playbook } : undefined)}
    error={error}
    testId={testId}
  />
);

const BundleItemCard = ({
  item,
  at,
  count,
  sites,
  errors,
  choices,
  onChange,
  onMove,
  onRemove,
}: {
  item: BundleItemDefinition;
  at: number;
  count: number;
  sites: string[];
  errors: Record<string, string>;
  choices: EditorChoices;
  onChange: (item: BundleItemDefinition) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) => {
  const path = `items.${at}`;
  const playbooks = choices.repos.find((r) => r.name === item.provision.repo)?.playbooks ?? [];
  return (
    <Card variant="outlined" data-testid={`bundle-item-${at}`} data-item={item.name}>
      <CardHeader
        title={item.name || '(unnamed)'}
        subheader={
          errorsUnder(errors, path) && (
            <Typography color="error" variant="caption">
              {errorsUnder(errors, path)}
            </Typography>
          )
        }
        action={<ItemButtons name={item.name} first={at === 0} last={at === count - 1} onMove={onMove} onRemove={onRemove} />}
        slotProps={{ title: { variant: 'subtitle1' } }}
      />
      <CardContent>
        <Stack spacing={1.5}>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
            <TextField
              size="small"
              fullWidth
              label="Item name"
              required
              value={item.name}
              onChange={(e) => onChange({ ...item, name: e.target.value })}
              error={!!errors[`${path}.name`]}
              helperText={errors[`${path}.name`] ?? 'lower-case, unique in the bundle'}
            />
            <TextField
              size="small"
              type="number"
              label="Provision index"
              value={item.index ?? ''}
              onChange={(e) => onChange({ ...item, index: e.target.value === '' ? undefined : Number(e.target.value) })}
              error={!!errors[`${path}.index`]}
              helperText={errors[`${path}.index`] ?? 'same index: in parallel; empty: after what it needs'}
              sx={{ minWidth: 200 }}
            />
            <Pick
              label="Site"
              value={item.site ?? ''}
              choices={sites.map((s) => ({ value: s, label: s }))}
              optional
              onChange={(site) => onChange({ ...item, site: site || undefined })}
              error={errors[`${path}.site`]}
              testId={`${path}-site`}
            />
          </Stack>
          <ProvisionFields
            value={item.provision}
            onChange={(provision) => onChange({ ...item, provision })}
            path={`${path}.provision`}
            errors={errors}
            choices={choices}
          />
          <MappingRows
            title="Inputs: variable ← output of an earlier item (item.output)"
            keyLabel="Variable"
            valueLabel="From (item.output)"
            value={item.inputs}
            onChange={(inputs) => onChange({ ...item, inputs })}
            error={errorsUnder(errors, `${path}.inputs`)}
            testId={`${path}-inputs`.replace(/\./g, '-')}
          />
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
            <EntryPlaybook
              label="Retirement playbook"
              value={item.retirement}
              playbooks={playbooks}
              onChange={(retirement) => onChange({ ...item, retirement })}
              error={errorsUnder(errors, `${path}.retirement`)}
              testId={`${path}-retirement`}
            />
            <EntryPlaybook
              label="Reconfigure playbook"
              value={item.reconfigure}
              playbooks={playbooks}
              onChange={(reconfigure) => onChange({ ...item, reconfigure })}
              error={errorsUnder(errors, `${path}.reconfigure`)}
              testId={`${path}-reconfigure`}
            />
            <EntryPlaybook
              label="Heal playbook"
              value={item.heal}
              playbooks={playbooks}
              onChange={(heal) => onChange({ ...item, heal })}
              error={errorsUnder(errors, `${path}.heal`)}
              testId={`${path}-heal`}
            />
          </Stack>
        </Stack>
      </CardContent>
    </Card>
  );
};

/** The bundle's sites: inventory groups, each bound to a provider (fixed or from a dialog field); site variables are set as JSON. */
const SitesEditor = ({
  sites,
  onChange,
  errors,
  choices,
}: {
  sites: Record<string, SiteDefinition> | undefined;
  onChange: (sites: Record<string, SiteDefinition> | undefined) => void;
  errors: Record<string, string>;
  choices: EditorChoices;
}) => {
  const entries = Object.entries(sites ?? {});
  const set = (next: [string, SiteDefinition][]) => onChange(next.length ? Object.fromEntries(next) : undefined);
  return (
    <Stack spacing={1} data-testid="bundle-sites">
      <Typography variant="subtitle2">Sites{errorsUnder(errors, 'sites') ? ` — ${errorsUnder(errors, 'sites')}` : ''}</Typography>
      {entries.map(([name, site], i) => (
        <Stack key={i} direction="row" spacing={1}>
          <TextField
            size="small"
            label="Site"
            value={name}
            onChange={(e) => set(entries.map((s, j) => (j === i ? [e.target.value, s[1]] : s)))}
            helperText="lower_snake_case"
          />
          <SourcePick
            label="Provider"
            value={site.provider}
            fixedChoices={choices.providers}
            fields={choices.dialogFields}
            onChange={(provider) => set(entries.map((s, j) => (j === i ? [s[0], { ...s[1], provider }] : s)))}
            error={errorsUnder(errors, `sites.${name}`)}
            testId={`sites-${i}-provider`}
          />
          <IconButton size="small" aria-label={`Remove site ${name}`} onClick={() => set(entries.filter((_, j) => j !== i))}>
            <DeleteIcon fontSize="inherit" />
          </IconButton>
        </Stack>
      ))}
      <Box>
        <Button
          size="small"
          startIcon={<AddIcon />}
          onClick={() => set([...entries, [`site_${entries.length + 1}`, { provider: { field: choices.dialogFields[0]?.value ?? '' } }]])}
        >
          Add site
        </Button>
      </Box>
    </Stack>
  );
};

export const TemplateEditor = ({ id, initial, title, note }: { id: string | null; initial: TemplateDefinition; title: string; note?: ReactNode }) => {
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const notify = useNotify();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<TemplateDefinition>(initial);
  const [json, setJson] = useState<string | null>(null);
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const [saving, setSaving] = useState(false);
  const { choices, dialogs, machines } = useChoices(draft.dialog);
  // Each message under its input with the input's name in front ("Playbook is required").
  const errors = useMemo(
    () =>
      Object.fromEntries(Object.entries(failure?.fields ?? {}).map(([at, message]) => [at, withSubject(plainTemplatePath(at).split(' › ').pop()!, message)])),
    [failure],
  );
  const editorRef = useRef<HTMLDivElement>(null);
  // A refused save brings the first marked input into view.
  useEffect(() => {
    if (!failure) return;
    const marked = editorRef.current?.querySelector<HTMLElement>('.Mui-error');
    marked?.scrollIntoView({ block: 'center' });
  }, [failure]);
  const set = (patch: Partial<TemplateDefinition>) => setDraft({ ...draft, ...patch });
  const text = (
    key: 'name' | 'description' | 'catalog' | 'longDescription',
    label: string,
    extra: { help?: string; multiline?: boolean; required?: boolean } = {},
  ) => (
    <TextField
      size="small"
      fullWidth
      required={extra.required}
      label={label}
      value={draft[key] ?? ''}
      onChange={(e) => set({ [key]: e.target.value })}
      error={!!errors[key]}
      helperText={errors[key] ?? extra.help}
      multiline={extra.multiline}
      minRows={extra.multiline ? 4 : undefined}
    />
  );

  /** The definition to send: the JSON text when it is open, else the form. */
  const definition = (): TemplateDefinition | null => {
    if (json === null) return cleaned(draft);
    try {
      return JSON.parse(json) as TemplateDefinition;
    } catch (err) {
      setJsonError((err as Error).message);
      return null;
    }
  };
  const toggleJson = () => {
    if (json === null) {
      setJson(JSON.stringify(cleaned(draft), null, 2));
      return;
    }
    const parsed = definition();
    if (!parsed) return;
    setDraft(parsed);
    setJson(null);
    setJsonError(null);
  };
  const save = async () => {
    const body = definition();
    if (!body) return;
    const missing = json === null ? missingInputs(body) : {};
    if (Object.keys(missing).length) {
      setFailure({ message: 'Fill in the marked inputs before saving.', problems: [], fields: missing });
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      const { data } = await dataProvider.saveServiceTemplate(id, body);
      notify(`Catalog item ${data.name} saved`, { type: 'success' });
      void navigate('/serviceTemplates');
    } catch (err) {
      setFailure(failureOf(err));
    } finally {
      setSaving(false);
    }
  };

  const provisionPlaybooks = choices.repos.find((r) => r.name === draft.provision?.repo)?.playbooks ?? [];
  const items = draft.items ?? [];
  const setItems = (next: BundleItemDefinition[]) => set({ items: next });

  return (
    <Box sx={{ p: 2 }} data-testid="template-editor" ref={editorRef}>
      <Title title={title} />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
        <Typography variant="h6" sx={{ flexGrow: 1 }}>
          {title}
        </Typography>
        <Button variant="outlined" onClick={toggleJson} data-testid="toggle-json">
          {json === null ? 'Edit as JSON' : 'Back to the form'}
        </Button>
        <Button variant="contained" startIcon={<SaveIcon />} onClick={() => void save()} disabled={saving} data-testid="save-template">
          Save
        </Button>
      </Stack>
      {note}
      {failure && (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="editor-error" onClose={() => setFailure(null)}>
          {summaryOf(failure)}
          {(failure.problems.length > 0 || Object.keys(failure.fields).length > 0) && (
            <Box component="ul" sx={{ m: 0, pl: 2 }}>
              {(failure.problems.length
                ? failure.problems.map(plainTemplateProblem)
                : Object.entries(failure.fields).map(([at, message]) => plainTemplateProblem(`${at}: ${message}`))
              ).map((p) => (
                <li key={p}>{p}</li>
              ))}
            </Box>
          )}
        </Alert>
      )}
      {json !== null ? (
        <TextField
          fullWidth
          multiline
          minRows={20}
          label="Definition (as a catalog file holds it)"
          value={json}
          onChange={(e) => {
            setJson(e.target.value);
            setJsonError(null);
          }}
          error={!!jsonError}
          helperText={jsonError ?? 'The same document as catalog/templates/*.yaml, in JSON.'}
          slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace', fontSize: 13 }, 'data-testid': 'template-json' } }}
        />
      ) : (
        <Box
          sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(320px, 1fr) minmax(420px, 1.6fr)' }, alignItems: 'start' }}
        >
          <Card variant="outlined" component="section" aria-label="Item">
            <CardContent>
              <Stack spacing={1.5}>
                {text('name', 'Item name', { required: true })}
                {text('description', 'Description')}
                {text('catalog', 'Catalog', { help: 'The folder it is shown in' })}
                <IconPicker value={draft.icon} type={draft.type} onChange={(icon) => set({ icon })} />
                {text('longDescription', 'Long description', { help: 'Markdown, shown on the order page', multiline: true })}
                <TextField
                  select
                  size="small"
                  label="Type"
                  value={draft.type}
                  onChange={(e) => {
                    const fresh = newTemplate(e.target.value as TemplateDefinition['type']);
                    setDraft({
                      ...fresh,
                      name: draft.name,
                      description: draft.description,
                      catalog: draft.catalog,
                      icon: draft.icon,
                      longDescription: draft.longDescription,
                      dialog: draft.dialog,
                      published: draft.published,
                      visibility: draft.visibility,
                      approval: draft.approval,
                    });
                  }}
                  disabled={id !== null}
                  helperText={errors.type ?? (id !== null ? 'Copy the item to change its type' : undefined)}
                  error={!!errors.type}
                >
                  <MenuItem value="ansible_playbook">ansible_playbook (one playbook)</MenuItem>
                  <MenuItem value="bundle">bundle (child items)</MenuItem>
                </TextField>
                <Pick
                  label="Dialog"
                  value={draft.dialog}
                  choices={dialogs.map((d) => ({ value: d.name, label: `${d.label} (${d.name})` }))}
                  onChange={(dialog) => set({ dialog })}
                  error={errors.dialog}
                  help="The order form"
                  required
                  testId="template-dialog"
                />
                <FormControlLabel
                  control={<Switch checked={draft.published ?? true} onChange={(e) => set({ published: e.target.checked })} />}
                  label="Published in the catalog"
                />
                <FormControlLabel
                  control={
                    <Switch
                      checked={draft.visibility === 'group'}
                      onChange={(e) => set({ visibility: e.target.checked ? 'group' : undefined })}
                      slotProps={{ input: { 'aria-describedby': 'template-visibility-help' } }}
                      data-testid="template-visibility"
                    />
                  }
                  label="The requester's groups see its requests and services"
                />
                <Typography id="template-visibility-help" variant="caption" color="text.secondary" sx={{ mt: -1 }}>
                  Off: only the requester (and operators, approvers, auditors of the tenant). On: everyone in the requester's groups sees, changes and retires
                  them too.
                </Typography>
                <ApprovalFields
                  value={draft.approval}
                  onChange={(approval) => set({ approval })}
                  errors={errors}
                  fields={choices.dialogFields.map((f) => f.value)}
                />
              </Stack>
            </CardContent>
          </Card>
          {draft.type === 'ansible_playbook' ? (
            <Card variant="outlined" component="section" aria-label="Playbook">
              <CardHeader title="Provision" subheader="The playbook an order runs, where, with which variables" />
              <CardContent>
                <Stack spacing={1.5}>
                  <ProvisionFields
                    value={draft.provision ?? newProvision()}
                    onChange={(provision) => set({ provision })}
                    path="provision"
                    errors={errors}
                    choices={choices}
                  />
                  <EntryPlaybook
                    label="Retirement playbook"
                    value={draft.retirement}
                    playbooks={provisionPlaybooks}
                    onChange={(retirement) => set({ retirement })}
                    error={errorsUnder(errors, 'retirement')}
                    testId="retirement"
                  />
                  <EntryPlaybook
                    label="Reconfigure playbook"
                    value={draft.reconfigure}
                    playbooks={provisionPlaybooks}
                    onChange={(reconfigure) => set({ reconfigure })}
                    error={errorsUnder(errors, 'reconfigure')}
                    testId="reconfigure"
                  />
                  <EntryPlaybook
                    label="Heal playbook"
                    value={draft.heal}
                    playbooks={provisionPlaybooks}
                    onChange={(heal) => set({ heal })}
                    error={errorsUnder(errors, 'heal')}
                    testId="heal"
                  />
                </Stack>
              </CardContent>
            </Card>
          ) : (
            <Stack spacing={2} component="section" aria-label="Bundle">
              <Card variant="outlined">
                <CardContent>
                  <Stack spacing={1.5}>
                    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
                      <Pick
                        label="Provision state machine"
                        value={draft.stateMachine ?? 'provision'}
                        choices={machines.map((m) => ({ value: m.name, label: m.name }))}
                        onChange={(stateMachine) => set({ stateMachine })}
                        error={errors.stateMachine}
                      />
                      <TextField
                        select
                        size="small"
                        fullWidth
                        label="When an item fails"
                        value={draft.onFailure ?? 'keep'}
                        onChange={(e) => set({ onFailure: e.target.value as 'keep' | 'rollback' })}
                      >
                        <MenuItem value="keep">keep what was deployed</MenuItem>
                        <MenuItem value="rollback">roll back (retirement playbooks)</MenuItem>
                      </TextField>
                    </Stack>
                    <SitesEditor sites={draft.sites} onChange={(sites) => set({ sites })} errors={errors} choices={choices} />
                  </Stack>
                </CardContent>
              </Card>
              {items.map((item, i) => (
                <BundleItemCard
                  key={i}
                  item={item}
                  at={i}
                  count={items.length}
                  sites={Object.keys(draft.sites ?? {})}
                  errors={errors}
                  choices={choices}
                  onChange={(next) => setItems(items.map((it, j) => (j === i ? next : it)))}
                  onMove={(by) => setItems(moveItem(items, i, by))}
                  onRemove={() => setItems(items.filter((_, j) => j !== i))}
                />
              ))}
              <Box>
                <Button startIcon={<AddIcon />} onClick={() => setItems([...items, newItem(items)])} data-testid="add-item">
                  Add item
                </Button>
              </Box>
            </Stack>
          )}
        </Box>
      )}
    </Box>
  );
};
