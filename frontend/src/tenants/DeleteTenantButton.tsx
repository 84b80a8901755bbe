// Deletes a tenant after a confirmation. The server refuses (CONFLICT) while anything belongs to it
// (sub-tenants, users, groups, catalog items, providers, requests...): its message is a notification.
// The root tenant has no delete button.
import { DeleteButton, useRecordContext } from 'react-admin';
import type { Tenant } from './api';

export const DeleteTenantButton = () => {
  const record = useRecordContext<Tenant>();
  if (!record || record.parentId === null) return null;
  return (
    <DeleteButton
      mutationMode="pessimistic"
      redirect="list"
      confirmTitle={`Delete tenant ${record.name}?`}
      confirmContent="Only an empty tenant can be deleted: move or delete its sub-tenants, users, groups, items and providers first."
      aria-label={`Delete ${record.name}`}
    />
  );
};
