import { DataTable, List, Pagination } from 'react-admin';
import { StatusChip } from '../common/StatusChip';
import { formatDateTime } from '../common/format';
import type { Service } from './api';
import { RetireButton } from './RetireButton';

const Col = DataTable.Col<Service>;

export const ServiceList = () => (
  <List title="Services" perPage={25} pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <Col source="name" label="Name" disableSort />
      <Col source="status" label="Status" disableSort render={(r) => <StatusChip status={r.status} />} />
      <Col source="request.template.name" label="Catalog item" disableSort render={(r) => r.request?.template?.name ?? '—'} />
      <Col source="owner.username" label="Owner" disableSort render={(r) => r.owner?.username ?? '—'} />
      <Col source="createdAt" label="Created" disableSort render={(r) => formatDateTime(r.createdAt)} />
      <Col label="Actions" disableSort render={(r) => <RetireButton service={r} size="small" />} />
    </DataTable>
  </List>
);
