// Deletes a credential after a confirmation. The server refuses (CONFLICT) one that is in use and
// names its users: that message is shown as a notification.
import { DeleteButton, useRecordContext } from 'react-admin';
import type { Credential } from './api';

export const DeleteCredentialButton = () => {
  const record = useRecordContext<Credential>();
  if (!record) return null;
  return (
    <DeleteButton
      mutationMode="pessimistic"
      redirect="list"
      confirmTitle={`Delete credential ${record.name}?`}
      confirmContent="Its secrets are erased. Whatever still uses it must be changed first: the server refuses otherwise."
      aria-label={`Delete ${record.name}`}
    />
  );
};
