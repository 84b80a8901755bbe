// Changes a provider (not its type); settings and credentials are checked again by the server.
import { Edit, useRecordContext } from 'react-admin';
import type { Provider } from './api';
import { ProviderForm } from './ProviderForm';

const ProviderTitle = () => {
  const record = useRecordContext<Provider>();
  return <>{record ? `Edit provider ${record.name}` : 'Edit provider'}</>;
};

export const ProviderEdit = () => (
  <Edit title={<ProviderTitle />} redirect="show" mutationMode="pessimistic">
    <ProviderForm submitLabel="Save" editing />
  </Edit>
);
