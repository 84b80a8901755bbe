// Inventory documents with their sites ("epc → provider").
import { CreateButton, DataTable, List, TopToolbar, useGetList } from 'react-admin';
import { RelativeTime } from '../common/RelativeTime';
import type { Provider } from '../providers/api';
import { SharedWith } from '../tenants/SharedWith';
import { SiteChips } from './SiteChips';
import type { Inventory } from './api';

const Col = DataTable.Col<Inventory>;

export const InventoryList = () => {
  const { data: providers = [] } = useGetList<Provider>('providers', { pagination: { page: 1, perPage: 1000 } });
  return (
    <List
      title="Inventories"
      perPage={50}
      pagination={false}
      exporter={false}
      sort={{ field: 'name', order: 'ASC' }}
      actions={
        <TopToolbar>
          <CreateButton label="New inventory" />
        </TopToolbar>
      }
    >
      <DataTable bulkActionButtons={false} rowClick="show">
        <Col source="name" label="Name" />
        <Col source="description" label="Description" />
        <Col source="sites" label="Sites" disableSort render={(r) => <SiteChips sites={r.sites} providers={providers} />} />
        <Col label="Shared with" disableSort render={(r) => <SharedWith ownerTenantId={r.tenantId} sharedWith={r.sharedWith} compact />} />
        <Col source="updatedAt" label="Updated" render={(r) => <RelativeTime value={r.updatedAt} />} />
      </DataTable>
    </List>
  );
};
