// Deletes a user after a confirmation. The server refuses (CONFLICT) one who has records, whom
// an administrator disables instead, and the last administrator: its message is a notification.
import { DeleteButton, useRecordContext } from 'react-admin';
import type { User } from './api';

export const DeleteUserButton = () => {
  const record = useRecordContext<User>();
  if (!record) return null;
  return (
    <DeleteButton
      mutationMode="pessimistic"
      redirect="list"
      confirmTitle={`Delete user ${record.username}?`}
      confirmContent="Only a user without requests or services can be deleted: disable the others instead."
      aria-label={`Delete ${record.username}`}
    />
  );
};
