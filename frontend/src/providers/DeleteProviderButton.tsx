// Deletes a provider after a confirmation. The server refuses (CONFLICT) the local provider and one
// that active services use, naming them: that message is shown as a notification.
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
      confirmContent="Its health history goes with it. Services still running on it must be retired first: the server refuses otherwise."
      aria-label={`Delete ${record.name}`}
    />
  );
};
