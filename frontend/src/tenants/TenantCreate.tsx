import { Create } from 'react-admin';
import { TenantForm } from './TenantForm';

export const TenantCreate = () => (
  <Create title="New tenant" redirect="list" mutationMode="pessimistic">
    <TenantForm submitLabel="Create" creating />
  </Create>
);
