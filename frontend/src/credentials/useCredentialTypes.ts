import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { SuperfluidDataProvider } from '../dataProvider';
import type { CredentialType } from './api';

/** The credential types and their fields, from the server (they do not change while it runs). */
export const useCredentialTypes = () => {
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  return useQuery({
    queryKey: ['credentialTypes'],
    queryFn: async (): Promise<CredentialType[]> => (await dataProvider.getCredentialTypes()).data,
    staleTime: Infinity,
  });
};
