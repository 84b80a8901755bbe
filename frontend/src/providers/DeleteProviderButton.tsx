// Deletes a provider after a confirmation. The server refuses (CONFLICT) the local provider, one that
// active services or inventories use, and one any service was deployed on (kept for its history),
// naming them: that message is shown as a notification.
import { DeleteButton, useRecordContext } from 'react-admin';
import type { Provider } from './api';

export const DeleteProviderButton = () => {
  const record = useRecordContext<Provider>();
  if (!record) return null;
  return (
    <DeleteButton
      mutationMode="pessimistic"
      redirect="list"
      confirmTitle={`Delete provider ${record.name}?`}
      confirmContent="Its health history goes with it. Only a provider no service was ever deployed on can be deleted: one that services ran on, retired ones too, is kept for their history."
      aria-label={`Delete ${record.name}`}
    />
  );
};
