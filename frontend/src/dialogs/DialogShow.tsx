// One dialog, read-only: its fields, and a live preview of the form as an order page shows it
// (same renderer, same client rules, dynamic choices resolved). Submitting the preview only
// shows the values an order would send. Any dialog can be copied into the editor; one made in the
// editor is edited in place; editor and imported dialogs can be deleted. A field of an imported
// ManageIQ dialog that came with an automate method is bound to a data source in place ("Bind").
import { useState } from 'react';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import EditIcon from '@mui/icons-material/Edit';
import LinkIcon from '@mui/icons-material/Link';
import { Alert, Box, Button, Card, CardContent, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { DeleteButton, Show, useShowContext } from 'react-admin';
import { Link } from 'react-router-dom';
import { JsonView } from '../common/JsonView';
import type { JsonObject } from '../types';
import { ShareRecordButton } from '../tenants/ShareRecordButton';
import { SharedWith } from '../tenants/SharedWith';
import { DialogForm } from './DialogForm';
import { BindFieldDialog } from './BindFieldDialog';
import type { DialogRecord } from './types';
import { collectDialogValues } from './validation';

const FieldsTable = ({ record, onBind }: { record: DialogRecord; onBind: (field: string) => void }) => (
  <Table size="small" aria-label="Fields" data-testid="dialog-fields">
    <TableHead>
      <TableRow>
        <TableCell>Name</TableCell>
        <TableCell>Label</TableCell>
        <TableCell>Type</TableCell>
        <TableCell>Required</TableCell>
        <TableCell>Source</TableCell>
      </TableRow>
    </TableHead>
    <TableBody>
      {record.fields.map((f) => (
        <TableRow key={f.name} data-testid={`dialog-fields-row-${f.name}`}>
          <TableCell>
            <code>{f.name}</code>
          </TableCell>
          <TableCell>{f.label}</TableCell>
          <TableCell>{f.type}</TableCell>
          <TableCell>{f.required ? 'yes' : ''}</TableCell>
          <TableCell>
            {f.pending ? <Chip size="small" color="warning" label="needs binding" /> : f.dynamic ? 'dynamic' : ''}
            {f.dependsOn.length ? ` ← ${f.dependsOn.join(', ')}` : ''}
            {f.boundFrom && (
              <Typography component="span" variant="caption" color="text.secondary" data-testid={`bound-from-${f.name}`}>
                {' '}
                bound (was {f.boundFrom})
              </Typography>
            )}
            {record.origin === 'imported' && (f.pending || f.boundFrom) && (
              <Button size="small" startIcon={<LinkIcon />} onClick={() => onBind(f.name)} data-testid={`bind-field-${f.name}`} sx={{ ml: 1 }}>
                {f.pending ? 'Bind' : 'Rebind'}
              </Button>
            )}
          </TableCell>
        </TableRow>
      ))}
    </TableBody>
  </Table>
);

const DialogShowContent = () => {
  const { record, refetch } = useShowContext<DialogRecord>();
  const [submitted, setSubmitted] = useState<Record<string, unknown> | null>(null);
  const [binding, setBinding] = useState<string | null>(null);
  if (!record) return null;
  const pending = record.fields.filter((f) => f.pending);
  const bindingField = record.fields.find((f) => f.name === binding);
  // The automate method is in the stored definition while pending, and in boundFrom once bound.
  const automateMethodOf = (name: string): string => {
    const stored = record.definition?.tabs.flatMap((t) => t.boxes.flatMap((b) => b.fields)).find((f) => f.name === name);
    return stored?.dataSource?.type === 'pending' ? (stored.dataSource.automateMethod ?? '') : (record.fields.find((f) => f.name === name)?.boundFrom ?? '');
  };
  return (
    <Box sx={{ p: 2, display: 'grid', gap: 2 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        <Box sx={{ flexGrow: 1 }}>
          <Typography variant="h6">{record.label}</Typography>
          <Typography variant="body2" color="text.secondary">
            {record.name} · <span data-testid="dialog-origin">{record.origin}</span>
            {record.description ? ` · ${record.description}` : ''}
          </Typography>
        </Box>
        {record.origin === 'editor' && (
          <Button component={Link} to={`/dialogs/${encodeURIComponent(record.id)}`} startIcon={<EditIcon />} data-testid="edit-dialog">
            Edit
          </Button>
        )}
        <ShareRecordButton<DialogRecord> permission="catalog:write" kind="dialog" share={(dp, dialog, tenantIds) => dp.shareDialog(dialog.id, tenantIds)} />
        <Button component={Link} to={`/dialogs/create?copy=${encodeURIComponent(record.id)}`} startIcon={<ContentCopyIcon />} data-testid="copy-dialog">
          Copy to edit
        </Button>
        {record.origin !== 'catalog' && <DeleteButton mutationMode="pessimistic" confirmTitle={`Delete ${record.name}?`} data-testid="delete-dialog" />}
      </Stack>
      <SharedWith ownerTenantId={record.tenantId} sharedWith={record.sharedWith} />
      {pending.length > 0 && (
        <Alert severity="warning" data-testid="dialog-pending-warning">
          Cannot be ordered yet: {pending.map((f) => f.name).join(', ')} take their values from a ManageIQ automate method; an administrator must bind them to a
          data source (Bind, beside each field).
        </Alert>
      )}
      <FieldsTable record={record} onBind={setBinding} />
      {bindingField && record.definition && (
        <BindFieldDialog
          key={`${record.id}-${bindingField.name}-${record.updatedAt}`}
          dialogId={record.id}
          definition={record.definition}
          fieldName={bindingField.name}
          automateMethod={automateMethodOf(bindingField.name)}
          onClose={() => setBinding(null)}
          onBound={() => {
            setBinding(null);
            setSubmitted(null);
            void refetch();
          }}
        />
      )}
      <Card variant="outlined" data-testid="dialog-preview">
        <CardContent>
          <Typography variant="subtitle2" gutterBottom>
            Preview
          </Typography>
          {record.form && (
            <DialogForm
              key={record.updatedAt}
              dialog={record.form}
              submitLabel="Check values"
              onSubmit={(values) => setSubmitted(collectDialogValues(record.form!, values))}
            />
          )}
          {submitted && (
            <Box data-testid="dialog-preview-values">
              <Typography variant="subtitle2">An order would send</Typography>
              <JsonView value={submitted as JsonObject} />
            </Box>
          )}
        </CardContent>
      </Card>
    </Box>
  );
};

export const DialogShow = () => (
  <Show title="Dialog" actions={false}>
    <DialogShowContent />
  </Show>
);
