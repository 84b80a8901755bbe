// Changes a credential. Its secret fields start empty (the server never returns them): an empty
// one keeps the stored value, a typed one replaces it.
import { Edit, TopToolbar } from 'react-admin';
import { CredentialForm } from './CredentialForm';
import { DeleteCredentialButton } from './DeleteCredentialButton';

export const CredentialEdit = () => (
  <Edit
    title="Edit credential"
    redirect="list"
    mutationMode="pessimistic"
    actions={
      <TopToolbar>
        <DeleteCredentialButton />
      </TopToolbar>
    }
  >
    <CredentialForm submitLabel="Save" editing />
  </Edit>
);
