// Registers a provider; the server checks its settings and credentials and stores nothing when they are wrong.
import { Create } from 'react-admin';
import { ProviderForm } from './ProviderForm';

export const ProviderCreate = () => (
  <Create title="New provider" redirect="show" mutationMode="pessimistic">
    <ProviderForm submitLabel="Create" />
  </Create>
);
