import { Box } from '@mui/material';
import { DataTable, List, Pagination } from 'react-admin';
import { StatusChip } from '../common/StatusChip';
import { RelativeTime } from '../common/RelativeTime';
import { WIDE_ONLY } from '../common/listFilters';
import { REQUEST_ACTION_LABELS, type ServiceRequest } from './api';
import { requestFilters, useFilterChoices } from './listFilters';

const Col = DataTable.Col<ServiceRequest>;

/** Requests filtered, sorted and paged by the server: only the columns it sorts on are sortable. */
export const RequestList = () => {
  const choices = useFilterChoices();
  return (
    <List
      title="Service requests"
      perPage={25}
      pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
      exporter={false}
      filters={requestFilters(choices)}
      sort={{ field: 'createdAt', order: 'DESC' }}
    >
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
        {/* On a phone: the request, its status and its item (the table was 549 px wide at 390). */}
        <Col source="action" label="Type" sx={WIDE_ONLY} render={(r) => <span data-testid="request-action">{REQUEST_ACTION_LABELS[r.action]}</span>} />
        <Col source="status" label="Status" render={(r) => <StatusChip status={r.status} />} />
        <Col source="template.name" label="Catalog item" disableSort render={(r) => r.template?.name ?? '—'} />
        <Col source="requester.username" label="Requester" sx={WIDE_ONLY} disableSort render={(r) => r.requester?.username ?? '—'} />
        <Col source="createdAt" label="Created" sx={WIDE_ONLY} render={(r) => <RelativeTime value={r.createdAt} />} />
        <Col source="finishedAt" label="Finished" sx={WIDE_ONLY} render={(r) => <RelativeTime value={r.finishedAt} />} />
        <Col source="service.name" label="Service" sx={WIDE_ONLY} disableSort render={(r) => r.service?.name ?? '—'} />
      </DataTable>
    </List>
  );
};
