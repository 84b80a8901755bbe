// Creates an inventory; the server renders it, lets ansible-inventory parse it, and stores nothing when it fails.
import { Create } from 'react-admin';
import { InventoryForm } from './InventoryForm';

export const InventoryCreate = () => (
  <Create title="New inventory" redirect="show" mutationMode="pessimistic">
    <InventoryForm submitLabel="Create" />
  </Create>
);
