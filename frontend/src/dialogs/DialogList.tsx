import { Box, Chip, Typography } from '@mui/material';
import UploadIcon from '@mui/icons-material/Upload';
import { Button, CreateButton, DataTable, List, TopToolbar } from 'react-admin';
import { Link } from 'react-router-dom';
import { RelativeTime } from '../common/RelativeTime';
import { SharedWith } from '../tenants/SharedWith';
import type { DialogRecord } from './types';

const Col = DataTable.Col<DialogRecord>;

const ListActions = () => (
  <TopToolbar>
    <CreateButton label="New dialog" data-testid="new-dialog" />
    <Button component={Link} to="/dialogs/import" label="Import dialog" data-testid="import-dialog">
      <UploadIcon />
    </Button>
  </TopToolbar>
);

export const DialogList = () => (
  <List title="Dialogs" perPage={50} pagination={false} exporter={false} sort={{ field: 'name', order: 'ASC' }} actions={<ListActions />}>
    <DataTable bulkActionButtons={false} rowClick="show">
      <Col
        source="label"
        label="Dialog"
        render={(r) => (
          <Box>
            <Typography variant="body2">{r.label}</Typography>
            <Typography variant="caption" color="text.secondary">
              {r.name}
            </Typography>
          </Box>
        )}
      />
      <Col source="origin" label="Origin" render={(r) => <Chip size="small" variant="outlined" label={r.origin} data-testid="dialog-origin" />} />
      <Col
        source="fields"
        label="Fields"
        disableSort
        render={(r) => (
          <Typography variant="body2">
            {r.fields.length}
            {r.fields.some((f) => f.pending) ? ' · needs binding' : ''}
          </Typography>
        )}
      />
      <Col label="Shared with" disableSort render={(r) => <SharedWith ownerTenantId={r.tenantId} sharedWith={r.sharedWith} compact />} />
      <Col source="updatedAt" label="Updated" render={(r) => <RelativeTime value={r.updatedAt} />} />
    </DataTable>
  </List>
);
