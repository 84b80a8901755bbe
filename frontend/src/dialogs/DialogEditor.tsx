// The dialog editor: the dialog's tabs → boxes → fields on the left (add, remove, move up and
// down), the properties of what is selected beside them, and a live preview of the form (the
// order form's own renderer) on the right. Save sends the definition to saveDialog; the server
// checks it like a catalog file and its problems are shown here, on the fields they name.
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteIcon from '@mui/icons-material/Delete';
import SaveIcon from '@mui/icons-material/Save';
import { Alert, Box, Button, Card, CardContent, IconButton, List, ListItem, Stack, TextField, Typography } from '@mui/material';
import { plainDialogProblem } from '@superfluid/dialogs';
import { Title, useDataProvider, useNotify } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { JsonView } from '../common/JsonView';
import type { SuperfluidDataProvider } from '../dataProvider';
import type { JsonObject } from '../types';
import { DialogForm } from './DialogForm';
import {
  addBox,
  addField,
  addTab,
  firstErrorPath,
  forPreview,
  hasErrorUnder,
  isBoxPath,
  isFieldPath,
  missingInDialog,
  moveBox,
  moveField,
  moveTab,
  pathOf,
  previewProblem,
  removeBox,
  removeField,
  removeTab,
  serverDialogErrors,
  toDefinition,
  updateBox,
  updateField,
  updateTab,
  type DialogErrors,
  type EditorPath,
} from './editorModel';
import { FieldProperties } from './FieldProperties';
import { failureOf, type SaveFailure } from './saveFailure';
import { dialogFields, type Dialog, type DialogField } from './types';
import { collectDialogValues } from './validation';

/** A problem the editor found, with its place in the editor's words: "Tab 1 › Box 1 › Field 4: Field label is required". */
const placed = (at: string, message: string): string => {
  const where = at.startsWith('tabs.') ? plainDialogProblem(at.replace(/\.(name|label)$/, '')) : '';
  return where ? `${where}: ${message}` : message;
};

const samePath = (a: EditorPath | null, b: EditorPath) => JSON.stringify(a) === JSON.stringify(b);

/** Up, down and remove buttons of one element of the structure. */
const RowButtons = ({
  what,
  onMove,
  onRemove,
  first,
  last,
}: {
  what: string;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  first: boolean;
  last: boolean;
}) => (
  <Box sx={{ display: 'flex', flexShrink: 0 }} onClick={(e) => e.stopPropagation()}>
    <IconButton size="small" aria-label={`Move ${what} up`} disabled={first} onClick={() => onMove(-1)}>
      <ArrowUpwardIcon fontSize="inherit" />
    </IconButton>
    <IconButton size="small" aria-label={`Move ${what} down`} disabled={last} onClick={() => onMove(1)}>
      <ArrowDownwardIcon fontSize="inherit" />
    </IconButton>
    <IconButton size="small" aria-label={`Remove ${what}`} onClick={onRemove}>
      <DeleteIcon fontSize="inherit" />
    </IconButton>
  </Box>
);

const Row = ({
  depth,
  selected,
  error,
  onSelect,
  children,
  buttons,
  testId,
}: {
  depth: number;
  selected: boolean;
  error?: boolean;
  onSelect: () => void;
  children: ReactNode;
  buttons: ReactNode;
  testId: string;
}) => (
  <ListItem
    disablePadding
    data-testid={testId}
    data-selected={selected ? 'true' : 'false'}
    data-error={error ? 'true' : 'false'}
    sx={{
      pl: depth * 2,
      borderLeft: 3,
      borderColor: selected ? 'primary.main' : 'transparent',
      bgcolor: selected ? 'action.selected' : undefined,
      cursor: 'pointer',
    }}
    onClick={onSelect}
  >
    <Box sx={{ flexGrow: 1, minWidth: 0, py: 0.5, px: 1, color: error ? 'error.main' : undefined }}>{children}</Box>
    {buttons}
  </ListItem>
);

const Structure = ({
  draft,
  selected,
  errors,
  onSelect,
  onChange,
}: {
  draft: Dialog;
  selected: EditorPath | null;
  errors: DialogErrors;
  onSelect: (path: EditorPath | null) => void;
  onChange: (dialog: Dialog, select?: EditorPath | null) => void;
}) => (
  <List dense disablePadding aria-label="Dialog structure" data-testid="editor-structure">
    {draft.tabs.map((tab, t) => (
      <Box key={t}>
        <Row
          depth={0}
          testId={`editor-tab-${t}`}
          error={hasErrorUnder(errors, `tabs.${t}`)}
          selected={samePath(selected, { tab: t })}
          onSelect={() => onSelect({ tab: t })}
          buttons={
            <RowButtons
              what={`tab ${tab.label}`}
              first={t === 0}
              last={t === draft.tabs.length - 1}
              onMove={(by) => onChange(moveTab(draft, t, by), { tab: t + by })}
              onRemove={() => onChange(removeTab(draft, t), null)}
            />
          }
        >
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            Tab: {tab.label}
          </Typography>
        </Row>
        {tab.boxes.map((box, b) => (
          <Box key={b}>
            <Row
              depth={1}
              testId={`editor-box-${t}-${b}`}
              error={hasErrorUnder(errors, `tabs.${t}.boxes.${b}`)}
              selected={samePath(selected, { tab: t, box: b })}
              onSelect={() => onSelect({ tab: t, box: b })}
              buttons={
                <RowButtons
                  what={`box ${box.label}`}
                  first={b === 0}
                  last={b === tab.boxes.length - 1}
                  onMove={(by) => onChange(moveBox(draft, t, b, by), { tab: t, box: b + by })}
                  onRemove={() => onChange(removeBox(draft, t, b), null)}
                />
              }
            >
              <Typography variant="body2" sx={{ fontWeight: 500 }}>
                Box: {box.label}
              </Typography>
            </Row>
            {box.fields.map((field, f) => (
              <Row
                key={f}
                depth={2}
                testId={`editor-field-${field.name}`}
                error={hasErrorUnder(errors, pathOf({ tab: t, box: b, field: f }))}
                selected={samePath(selected, { tab: t, box: b, field: f })}
                onSelect={() => onSelect({ tab: t, box: b, field: f })}
                buttons={
                  <RowButtons
                    what={`field ${field.name}`}
                    first={f === 0}
                    last={f === box.fields.length - 1}
                    onMove={(by) => onChange(moveField(draft, t, b, f, by), { tab: t, box: b, field: f + by })}
                    onRemove={() => onChange(removeField(draft, t, b, f), null)}
                  />
                }
              >
                <Typography variant="body2" noWrap>
                  {field.label || '(no label)'} <code>{field.name || '(no name)'}</code>
                </Typography>
                <Typography
                  variant="caption"
                  color={hasErrorUnder(errors, pathOf({ tab: t, box: b, field: f })) ? 'error' : 'text.secondary'}
                  noWrap
                  component="div"
                >
                  {field.type}
                  {field.required ? ' · required' : ''}
                  {field.visibleWhen ? ` · when ${field.visibleWhen.field}` : ''}
                </Typography>
              </Row>
            ))}
            <Box sx={{ pl: 4 }}>
              <Button
                size="small"
                startIcon={<AddIcon />}
                onClick={() => onChange(addField(draft, t, b), { tab: t, box: b, field: box.fields.length })}
                data-testid={`add-field-${t}-${b}`}
              >
                Add field
              </Button>
            </Box>
          </Box>
        ))}
        <Box sx={{ pl: 2 }}>
          <Button
            size="small"
            startIcon={<AddIcon />}
            onClick={() => onChange(addBox(draft, t), { tab: t, box: tab.boxes.length })}
            data-testid={`add-box-${t}`}
          >
            Add box
          </Button>
        </Box>
      </Box>
    ))}
    <Button size="small" startIcon={<AddIcon />} onClick={() => onChange(addTab(draft), { tab: draft.tabs.length })} data-testid="add-tab">
      Add tab
    </Button>
  </List>
);

const Preview = ({ draft, knownChoices }: { draft: Dialog; knownChoices: Record<string, DialogField['choices']> }) => {
  const [checked, setChecked] = useState<Record<string, unknown> | null>(null);
  const definition = useMemo(() => forPreview(toDefinition(draft), knownChoices), [draft, knownChoices]);
  const dynamic = dialogFields(definition).filter((f) => f.dataSource && !f.choices?.length);
  const problem = previewProblem(definition);
  return (
    <Card variant="outlined" data-testid="editor-preview" component="section" aria-label="Preview">
      <CardContent>
        <Typography variant="subtitle2" gutterBottom>
          Preview
        </Typography>
        {problem ? (
          <Alert severity="info">{problem}</Alert>
        ) : (
          // A new form for each change of the definition: defaults and rules are read when it mounts.
          <DialogForm
            key={JSON.stringify(definition)}
            dialog={definition}
            submitLabel="Check values"
            onSubmit={(values) => setChecked(collectDialogValues(definition, values))}
          />
        )}
        {dynamic.length > 0 && !problem && (
          <Typography variant="caption" color="text.secondary" component="div" data-testid="preview-dynamic-note">
            {dynamic.map((f) => f.name).join(', ')}: choices come from {dynamic.length > 1 ? 'their data sources' : 'its data source'} once saved.
          </Typography>
        )}
        {checked && !problem && (
          <Box data-testid="editor-preview-values">
            <Typography variant="subtitle2">An order would send</Typography>
            <JsonView value={checked as JsonObject} />
          </Box>
        )}
      </CardContent>
    </Card>
  );
};

const NO_CHOICES: Record<string, DialogField['choices']> = {};

export const DialogEditor = ({
  initial,
  title,
  lockedName,
  note,
  knownChoices = NO_CHOICES,
}: {
  initial: Dialog;
  title: string;
  lockedName?: boolean;
  note?: ReactNode;
  /** The choices the stored dialog resolved for its dynamic fields, by field name, for the preview. */
  knownChoices?: Record<string, DialogField['choices']>;
}) => {
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const notify = useNotify();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Dialog>(initial);
  const [selected, setSelected] = useState<EditorPath | null>(() => (initial.tabs[0]?.boxes[0]?.fields[0] ? { tab: 0, box: 0, field: 0 } : null));
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  // Where the last refusal (the editor's own check, or the server's) put its problems.
  const [errors, setErrors] = useState<DialogErrors>({});
  const [saving, setSaving] = useState(false);
  const editorRef = useRef<HTMLDivElement>(null);
  // A refused save selects the first element with a problem and brings its marked input into view.
  useEffect(() => {
    if (!failure) return;
    const root = editorRef.current;
    (root?.querySelector<HTMLElement>('section[aria-label="Properties"] .Mui-error') ?? root?.querySelector<HTMLElement>('.Mui-error'))?.scrollIntoView({
      block: 'center',
    });
  }, [failure]);
  const refuse = (next: SaveFailure, at: DialogErrors) => {
    setFailure(next);
    setErrors(at);
    const first = firstErrorPath(at, draft);
    if (first) setSelected(first);
  };

  const change = (next: Dialog, select?: EditorPath | null) => {
    setDraft(next);
    if (select !== undefined) setSelected(select);
  };
  const save = async () => {
    const missing = missingInDialog(draft);
    if (Object.keys(missing).length) {
      refuse({ message: 'Fill in the marked inputs before saving.', problems: [], fields: {} }, missing);
      return;
    }
    setSaving(true);
    setFailure(null);
    setErrors({});
    try {
      const { data } = await dataProvider.saveDialog(toDefinition(draft));
      notify(`Dialog ${data.name} saved`, { type: 'success' });
      void navigate(`/dialogs/${encodeURIComponent(data.id)}/show`);
    } catch (err) {
      const refused = failureOf(err);
      refuse(refused, serverDialogErrors(refused.problems, refused.fields, draft));
    } finally {
      setSaving(false);
    }
  };

  const fields = dialogFields(draft);
  const field = isFieldPath(selected) ? draft.tabs[selected.tab]?.boxes[selected.box]?.fields[selected.field] : undefined;
  const box = isBoxPath(selected) ? draft.tabs[selected.tab]?.boxes[selected.box] : undefined;
  const tab = selected && !isBoxPath(selected) && !isFieldPath(selected) ? draft.tabs[selected.tab] : undefined;
  const selectedPath = selected ? pathOf(selected) : '';

  return (
    <Box sx={{ p: 2 }} data-testid="dialog-editor" ref={editorRef}>
      <Title title={title} />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
        <Typography variant="h6" sx={{ flexGrow: 1 }}>
          {title}
        </Typography>
        <Button variant="contained" startIcon={<SaveIcon />} onClick={() => void save()} disabled={saving} data-testid="save-dialog">
          Save
        </Button>
      </Stack>
      {note}
      {failure && (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="editor-error" onClose={() => setFailure(null)}>
          {failure.problems.length ? `${failure.message.split(' — ')[0]}:` : plainDialogProblem(failure.message)}
          {(failure.problems.length > 0 || Object.keys(errors).length > 0) && (
            <Box component="ul" sx={{ m: 0, pl: 2 }}>
              {(failure.problems.length ? failure.problems.map(plainDialogProblem) : Object.entries(errors).map(([at, message]) => placed(at, message))).map(
                (p) => (
                  <li key={p}>{p}</li>
                ),
              )}
            </Box>
          )}
        </Alert>
      )}
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(260px, 1fr) minmax(300px, 1.1fr) minmax(320px, 1.4fr)' },
          alignItems: 'start',
        }}
      >
        <Card variant="outlined" component="section" aria-label="Structure">
          <CardContent>
            <Stack spacing={1.5} sx={{ mb: 2 }}>
              <TextField
                size="small"
                label="Dialog name"
                value={draft.name}
                onChange={(e) => change({ ...draft, name: e.target.value })}
                required
                error={!!errors.name}
                helperText={errors.name ?? (lockedName ? 'Copy the dialog to save it under another name' : 'lower-kebab-case, unique')}
                disabled={lockedName}
              />
              <TextField
                size="small"
                label="Dialog label"
                required
                value={draft.label}
                onChange={(e) => change({ ...draft, label: e.target.value })}
                error={!!errors.label}
                helperText={errors.label}
              />
              <TextField
                size="small"
                label="Description"
                value={draft.description ?? ''}
                onChange={(e) => change({ ...draft, description: e.target.value || undefined })}
              />
            </Stack>
            <Structure draft={draft} selected={selected} errors={errors} onSelect={setSelected} onChange={change} />
          </CardContent>
        </Card>
        <Card variant="outlined" component="section" aria-label="Properties">
          <CardContent>
            {field && isFieldPath(selected) ? (
              <FieldProperties
                key={`${selected.tab}.${selected.box}.${selected.field}`}
                field={field}
                others={fields.filter((f) => f !== field)}
                error={errors[selectedPath]}
                nameError={errors[`${selectedPath}.name`]}
                labelError={errors[`${selectedPath}.label`]}
                onChange={(next) => change(updateField(draft, selected.tab, selected.box, selected.field, next))}
              />
            ) : box && isBoxPath(selected) ? (
              <TextField
                size="small"
                fullWidth
                required
                label="Box label"
                value={box.label}
                onChange={(e) => change(updateBox(draft, selected.tab, selected.box, e.target.value))}
                error={!!(errors[`${selectedPath}.label`] ?? errors[selectedPath])}
                helperText={errors[`${selectedPath}.label`] ?? errors[selectedPath]}
              />
            ) : tab && selected ? (
              <TextField
                size="small"
                fullWidth
                required
                label="Tab label"
                value={tab.label}
                onChange={(e) => change(updateTab(draft, selected.tab, e.target.value))}
                error={!!(errors[`${selectedPath}.label`] ?? errors[selectedPath])}
                helperText={errors[`${selectedPath}.label`] ?? errors[selectedPath]}
              />
            ) : (
              <Typography variant="body2" color="text.secondary">
                Select a tab, a box or a field to edit it.
              </Typography>
            )}
          </CardContent>
        </Card>
        <Preview draft={draft} knownChoices={knownChoices} />
      </Box>
    </Box>
  );
};
