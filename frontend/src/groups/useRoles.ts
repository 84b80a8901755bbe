import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { SuperfluidDataProvider } from '../dataProvider';
import type { RoleInfo } from './api';

/** The roles a group can grant, with what each allows (they do not change while the server runs). */
export const useRoles = () => {
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  return useQuery({
    queryKey: ['roles'],
    queryFn: async (): Promise<RoleInfo[]> => (await dataProvider.getRoles()).data,
    staleTime: Infinity,
  });
};
