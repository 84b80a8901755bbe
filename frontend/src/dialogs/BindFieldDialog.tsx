// Binds a field of an imported ManageIQ dialog, one that came with an automate method, to a data
// source in place (bindDialogField): the choices part of the dialog editor's field panel picks the
// source and its parameters; the server checks the whole dialog again and its problems are shown
// here. A field that takes no choices (a text box filled by an automate method) becomes a plain field.
import { useState } from 'react';
import { Alert, Button, Dialog as Modal, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import { useDataProvider, useNotify } from 'react-admin';
import type { SuperfluidDataProvider } from '../dataProvider';
import { CHOICE_TYPES, stripEmpty } from './editorModel';
import { ChoicesSource } from './FieldProperties';
import { failureOf, type SaveFailure } from './saveFailure';
import { dialogFields, type Dialog, type DialogDataSource, type DialogField } from './types';

/** The field as the choices editor takes it: static choices on the field, a pending source dropped (nothing chosen yet). */
const draftOf = (field: DialogField): DialogField => {
  const { dataSource, ...rest } = field;
  if (!dataSource || dataSource.type === 'pending') return { ...rest, choices: field.choices ?? [] };
  if (dataSource.type === 'static') return { ...rest, choices: dataSource.choices ?? [] };
  return field;
};

/** What bindDialogField is sent: the chosen data source (a list becomes a static source), or null for a plain field. */
const sourceOf = (draft: DialogField): DialogDataSource | null => {
  if (!CHOICE_TYPES.includes(draft.type)) return null;
  return draft.dataSource ?? { type: 'static', choices: draft.choices ?? [] };
};

export const BindFieldDialog = ({
  dialogId,
  definition,
  fieldName,
  automateMethod,
  onClose,
  onBound,
}: {
  dialogId: string;
  /** The dialog as stored. */
  definition: Dialog;
  fieldName: string;
  automateMethod: string;
  onClose: () => void;
  onBound: () => void;
}) => {
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const notify = useNotify();
  const fields = dialogFields(definition);
  const field = fields.find((f) => f.name === fieldName);
  const [draft, setDraft] = useState<DialogField | null>(() => (field ? draftOf(field) : null));
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const [saving, setSaving] = useState(false);
  if (!field || !draft) return null;
  const takesChoices = CHOICE_TYPES.includes(field.type);

  const save = async () => {
    setSaving(true);
    setFailure(null);
    try {
      await dataProvider.bindDialogField(dialogId, fieldName, sourceOf(draft), draft.dependsOn ?? []);
      notify(`Field ${fieldName} bound`, { type: 'success' });
      onBound();
    } catch (err) {
      setFailure(failureOf(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open onClose={onClose} fullWidth maxWidth="sm" data-testid="bind-field-dialog">
      <DialogTitle>
        Bind {field.label} (<code>{field.name}</code>)
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2" color="text.secondary">
            Imported with the ManageIQ automate method <code>{automateMethod}</code>. Choose where its values come from instead; the dialog keeps its name, so
            the catalog items using it can be ordered.
          </Typography>
          {takesChoices ? (
            <ChoicesSource
              field={draft}
              others={fields.filter((f) => f.name !== field.name)}
              set={(change) => setDraft({ ...stripEmpty({ ...draft, ...change }), name: draft.name, label: draft.label })}
            />
          ) : (
            <Alert severity="info">A {field.type} field takes no choices: binding makes it a plain field that the requester fills in.</Alert>
          )}
          {failure && (
            <Alert severity="error" data-testid="bind-field-error">
              {failure.message}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={() => void save()} disabled={saving} data-testid="bind-field-save">
          Bind
        </Button>
      </DialogActions>
    </Modal>
  );
};
