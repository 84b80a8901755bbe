// The editors' routes: /serviceTemplates/create (a new item, or a copy: ?copy=<id>) and
// /serviceTemplates/<id> (an item made in the editor, changed in place; an item from catalog files
// or a repository is shown with where to change it, and "Copy to a new item"). Both show whom the item
// is shared with, and "Share".
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Box, Button, Stack } from '@mui/material';
import { Loading, Title, useDelete, useGetOne, useNotify } from 'react-admin';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { JsonView } from '../common/JsonView';
import { SharedWith } from '../tenants/SharedWith';
import type { JsonValue } from '../types';
import { TemplateEditor } from './TemplateEditor';
import { copyOf, editable, newTemplate, origin } from './templateModel';
import type { TemplateRecord } from './api';
import { ShareTemplateButton } from './ShareTemplateButton';

const CopyEditor = ({ id }: { id: string }) => {
  const { data, isPending, error } = useGetOne<TemplateRecord>('serviceTemplates', { id });
  if (isPending) return <Loading />;
  if (error || !data) return <Alert severity="error">The catalog item to copy could not be read.</Alert>;
  return (
    <TemplateEditor
      key={id}
      id={null}
      initial={copyOf(data)}
      title={`Copy of ${data.name}`}
      note={
        <Alert severity="info" sx={{ mb: 2 }} data-testid="copy-note">
          A copy of {data.name} (from {origin(data.source)}): saved under its own name, as an item made in the editor.
        </Alert>
      }
    />
  );
};

export const TemplateCreate = () => {
  const [params] = useSearchParams();
  const copy = params.get('copy');
  return copy ? (
    <CopyEditor id={copy} />
  ) : (
    <TemplateEditor id={null} initial={newTemplate(params.get('type') === 'bundle' ? 'bundle' : 'ansible_playbook')} title="New catalog item" />
  );
};

/** An item from files or a repository: where to change it, its definition, and a copy button. */
const OwnedElsewhere = ({ record }: { record: TemplateRecord }) => (
  <Box sx={{ p: 2 }} data-testid="template-owned">
    <Title title={record.name} />
    <Alert
      severity="info"
      sx={{ mb: 2 }}
      action={
        <Button
          component={Link}
          to={`/serviceTemplates/create?copy=${encodeURIComponent(record.id)}`}
          startIcon={<ContentCopyIcon />}
          data-testid="copy-template"
        >
          Copy to a new item
        </Button>
      }
    >
      {record.name} comes from {origin(record.source)}: change it there, or copy it to a new item made in the editor.
    </Alert>
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', mb: 2 }}>
      <SharedWith ownerTenantId={record.tenantId} sharedWith={record.sharedWith} />
      <ShareTemplateButton record={record} />
    </Stack>
    <JsonView value={record.definition as unknown as JsonValue} testId="template-definition" />
  </Box>
);

const DeleteTemplate = ({ record }: { record: TemplateRecord }) => {
  const [remove, { isPending }] = useDelete();
  const notify = useNotify();
  const navigate = useNavigate();
  return (
    <Button
      color="error"
      disabled={isPending}
      data-testid="delete-template"
      onClick={() =>
        void remove(
          'serviceTemplates',
          { id: record.id, previousData: record },
          {
            onSuccess: () => {
              notify(`Catalog item ${record.name} deleted`, { type: 'success' });
              void navigate('/serviceTemplates');
            },
            onError: (err) => notify(err instanceof Error ? err.message : String(err), { type: 'error' }),
          },
        )
      }
    >
      Delete
    </Button>
  );
};

export const TemplateEdit = () => {
  const { id = '' } = useParams();
  const { data, isPending, error } = useGetOne<TemplateRecord>('serviceTemplates', { id });
  if (isPending) return <Loading />;
  if (error || !data) return <Alert severity="error">The catalog item could not be read.</Alert>;
  if (!editable(data)) return <OwnedElsewhere record={data} />;
  return (
    <TemplateEditor
      key={id}
      id={data.id}
      initial={data.definition}
      title={`Edit ${data.name}`}
      note={
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', mb: 1 }}>
          <SharedWith ownerTenantId={data.tenantId} sharedWith={data.sharedWith} />
          <Stack direction="row" spacing={1}>
            <ShareTemplateButton record={data} />
            <DeleteTemplate record={data} />
          </Stack>
        </Stack>
      }
    />
  );
};
