import { Chip } from '@mui/material';
import { DataTable, List } from 'react-admin';
import { formatDateTime } from '../common/format';
import type { Provider } from '../types';

const Col = DataTable.Col<Provider>;

export const ProviderList = () => (
  <List title="Providers" perPage={50} pagination={false} exporter={false} sort={{ field: 'name', order: 'ASC' }}>
    <DataTable bulkActionButtons={false} rowClick={false}>
      <Col source="name" label="Name" />
      <Col source="type" label="Type" render={(r) => <Chip size="small" label={r.type} />} />
      <Col source="createdAt" label="Created" render={(r) => formatDateTime(r.createdAt)} />
    </DataTable>
  </List>
);
