// Deletes an inventory after a confirmation. The server refuses (CONFLICT) one a catalog item uses,
// naming the items: that message is shown as a notification.
import { DeleteButton, useRecordContext } from 'react-admin';
import type { Inventory } from './api';

export const DeleteInventoryButton = () => {
  const record = useRecordContext<Inventory>();
  if (!record) return null;
  return (
    <DeleteButton
      mutationMode="pessimistic"
      redirect="list"
      confirmTitle={`Delete inventory ${record.name}?`}
      confirmContent="Catalog items that name it must stop using it first: the server refuses otherwise."
      aria-label={`Delete ${record.name}`}
    />
  );
};
