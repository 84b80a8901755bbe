import { DataTable, List, Pagination } from 'react-admin';
import { StatusChip } from '../common/StatusChip';
import { RelativeTime } from '../common/RelativeTime';
import { WIDE_ONLY } from '../common/listFilters';
import { serviceFilters, useFilterChoices } from '../serviceRequests/listFilters';
import { SERVICE_STATUS_LABELS, type Service } from './api';
import { RetireButton } from './RetireButton';

const Col = DataTable.Col<Service>;

/** Services filtered, sorted and paged by the server: only the columns it sorts on are sortable. */
export const ServiceList = () => {
  const choices = useFilterChoices();
  return (
    <List
      title="Services"
      perPage={25}
      pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
      exporter={false}
      filters={serviceFilters(choices, SERVICE_STATUS_LABELS)}
      sort={{ field: 'createdAt', order: 'DESC' }}
    >
      <DataTable rowClick="show" bulkActionButtons={false} data-testid="service-list">
        <Col source="name" label="Name" />
        <Col source="status" label="Status" render={(r) => <StatusChip status={r.status} />} />
        <Col source="request.template.name" label="Catalog item" sx={WIDE_ONLY} disableSort render={(r) => r.request?.template?.name ?? '—'} />
        <Col source="owner.username" label="Owner" sx={WIDE_ONLY} disableSort render={(r) => r.owner?.username ?? '—'} />
        {/* On a phone: the name, the status and Retire (the table was 477 px wide at 390). */}
        <Col source="createdAt" label="Created" sx={WIDE_ONLY} render={(r) => <RelativeTime value={r.createdAt} />} />
        <Col
          source="retiresAt"
          label="Retires"
          sx={WIDE_ONLY}
          disableSort
          render={(r) => (r.status === 'active' && r.retiresAt ? <RelativeTime value={r.retiresAt} /> : '—')}
        />
        <Col label="Actions" disableSort render={(r) => <RetireButton service={r} size="small" />} />
      </DataTable>
    </List>
  );
};
