// Deletes a group after a confirmation; its members lose its roles. The server refuses (CONFLICT)
// when no enabled administrator would remain: its message is a notification.
import { DeleteButton, useRecordContext } from 'react-admin';
import type { Group } from './api';

export const DeleteGroupButton = () => {
  const record = useRecordContext<Group>();
  if (!record) return null;
  return (
    <DeleteButton
      mutationMode="pessimistic"
      redirect="list"
      confirmTitle={`Delete group ${record.name}?`}
      confirmContent="Its members lose the roles it gives them."
      aria-label={`Delete ${record.name}`}
    />
  );
};
