// Stores a new credential: the type first, then its fields. Secrets are sent once and never shown again.
import { Create } from 'react-admin';
import { CredentialForm } from './CredentialForm';

export const CredentialCreate = () => (
  <Create title="New credential" redirect="list" mutationMode="pessimistic">
    <CredentialForm submitLabel="Create" />
  </Create>
);
