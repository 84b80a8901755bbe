// Runs the provider's health check now (the same check the monitor repeats) and says how it went.
import RefreshIcon from '@mui/icons-material/NetworkCheck';
import { Button, CircularProgress } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useDataProvider, useNotify, useRecordContext } from 'react-admin';
import type { SuperfluidDataProvider } from '../dataProvider';
import type { Provider } from './api';

export const CheckNowButton = () => {
  const record = useRecordContext<Provider>();
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const { mutate, isPending } = useMutation({
    mutationFn: (id: string) => dataProvider.checkProviderHealth(id),
    onSuccess: ({ data }) => {
      void queryClient.invalidateQueries({ queryKey: ['providers'] });
      void queryClient.invalidateQueries({ queryKey: ['providerAlarms'] });
      notify(`${data.name} is ${data.healthStatus}${data.healthMessage ? `: ${data.healthMessage}` : ''}`, {
        type: data.healthStatus === 'up' ? 'success' : 'warning',
      });
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (!record) return null;
  return (
    <Button
      size="small"
      startIcon={isPending ? <CircularProgress size={16} /> : <RefreshIcon />}
      disabled={isPending}
      onClick={() => mutate(record.id)}
      data-testid="check-now"
    >
      {isPending ? 'Checking…' : 'Check now'}
    </Button>
  );
};
