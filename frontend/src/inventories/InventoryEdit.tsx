// Changes an inventory; it is rendered and parsed again by the server.
import { Edit, useRecordContext } from 'react-admin';
import type { Inventory } from './api';
import { InventoryForm } from './InventoryForm';

const InventoryTitle = () => {
  const record = useRecordContext<Inventory>();
  return <>{record ? `Edit inventory ${record.name}` : 'Edit inventory'}</>;
};

export const InventoryEdit = () => (
  <Edit title={<InventoryTitle />} redirect="show" mutationMode="pessimistic">
    <InventoryForm submitLabel="Save" />
  </Edit>
);
