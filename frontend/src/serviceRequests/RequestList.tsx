import { Box } from '@mui/material';
import { DataTable, List, Pagination } from 'react-admin';
import { StatusChip } from '../common/StatusChip';
import { formatDateTime } from '../common/format';
import type { ServiceRequest } from './api';

const Col = DataTable.Col<ServiceRequest>;

export const RequestList = () => (
  <List title="Service requests" perPage={25} pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false} data-testid="request-list">
      <Col
        source="id"
        label="Request"
        disableSort
        render={(r) => (
          <Box component="code" data-id={r.id} title={r.id}>
            {r.id.slice(0, 8)}
          </Box>
        )}
      />
      <Col source="status" label="Status" disableSort render={(r) => <StatusChip status={r.status} />} />
      <Col source="template.name" label="Catalog item" disableSort render={(r) => r.template?.name ?? '—'} />
      <Col source="requester.username" label="Requester" disableSort render={(r) => r.requester?.username ?? '—'} />
      <Col source="createdAt" label="Created" disableSort render={(r) => formatDateTime(r.createdAt)} />
      <Col source="finishedAt" label="Finished" disableSort render={(r) => formatDateTime(r.finishedAt)} />
      <Col source="service.name" label="Service" disableSort render={(r) => r.service?.name ?? '—'} />
    </DataTable>
  </List>
);
