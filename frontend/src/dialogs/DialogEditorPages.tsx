// The dialog editor's routes: /dialogs/create (a new dialog, or a copy: ?copy=<id>) and
// /dialogs/<id> (an editor dialog edited in place; any other dialog is opened as a copy, since
// dialogs from catalog files are never replaced and imports are better kept as imported).
import { useMemo } from 'react';
import { Alert } from '@mui/material';
import { Loading, useGetOne } from 'react-admin';
import { useParams, useSearchParams } from 'react-router-dom';
import { DialogEditor } from './DialogEditor';
import { forEditing, newDialog } from './editorModel';
import { dialogFields, type DialogField, type DialogRecord } from './types';

const copyName = (name: string) => `${name}-copy`.slice(0, 63);

/** The choices the server resolved for a stored dialog's dynamic fields, for the editor's preview. */
const resolvedChoices = (record: DialogRecord): Record<string, DialogField['choices']> =>
  Object.fromEntries(record.form ? dialogFields(record.form).map((f) => [f.name, f.choices]) : []);

const CopyEditor = ({ id }: { id: string }) => {
  const { data, isPending, error } = useGetOne<DialogRecord>('dialogs', { id });
  const known = useMemo(() => (data ? resolvedChoices(data) : {}), [data]);
  if (isPending) return <Loading />;
  if (error || !data?.definition) return <Alert severity="error">The dialog to copy could not be read.</Alert>;
  const copy = forEditing({ ...data.definition, name: copyName(data.name), label: `${data.label} (copy)` });
  return (
    <DialogEditor
      key={id}
      initial={copy}
      knownChoices={known}
      title={`Copy of ${data.label}`}
      note={
        <Alert severity="info" sx={{ mb: 2 }} data-testid="copy-note">
          A copy of {data.name} ({data.origin}): saved under its own name, as a dialog made in the editor.
        </Alert>
      }
    />
  );
};

export const DialogCreate = () => {
  const [params] = useSearchParams();
  const copy = params.get('copy');
  return copy ? <CopyEditor id={copy} /> : <DialogEditor initial={newDialog()} title="New dialog" />;
};

export const DialogEdit = () => {
  const { id = '' } = useParams();
  const { data, isPending, error } = useGetOne<DialogRecord>('dialogs', { id });
  const known = useMemo(() => (data ? resolvedChoices(data) : {}), [data]);
  if (isPending) return <Loading />;
  if (error || !data?.definition) return <Alert severity="error">The dialog could not be read.</Alert>;
  if (data.origin !== 'editor') return <CopyEditor id={id} />;
  return <DialogEditor key={id} initial={forEditing(data.definition)} knownChoices={known} title={`Edit ${data.label}`} lockedName />;
};
