import { useGetList } from 'react-admin';
import type { Tenant } from './api';

/** Every tenant the signed-in user can see, in tree order (the API answers them whole). */
export const useTenants = () => {
  const { data, isPending, error } = useGetList<Tenant>('tenants', { pagination: { page: 1, perPage: 1000 } });
  return { tenants: data ?? [], isPending, error };
};

/** Each tenant's name by id, for chips that show tenants by id (sharedWith). */
export const nameOf = (tenants: readonly Tenant[], id: string): string => tenants.find((t) => t.id === id)?.name ?? id.slice(0, 8);
