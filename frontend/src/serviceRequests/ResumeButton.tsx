// "Resume from <state>" on a failed bundle request: runs it again from the state that failed (failed
// items run again at the same commits, succeeded ones are kept). The server's refusal is shown as is.
import { useState } from 'react';
import ReplayIcon from '@mui/icons-material/Replay';
import { Alert, Button, Stack } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useDataProvider, useNotify } from 'react-admin';
import type { SuperfluidDataProvider } from '../dataProvider';
import type { ServiceRequest } from './api';

export const ResumeButton = ({ request, onChanged }: { request: ServiceRequest; onChanged: () => unknown }) => {
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const notify = useNotify();
  const [error, setError] = useState<string | null>(null);
  const { mutate, isPending } = useMutation({
    mutationFn: (id: string) => dataProvider.resumeServiceRequest(id),
    onMutate: () => setError(null),
    onSuccess: () => {
      notify(`Resumed from ${request.state ?? 'the failed state'}`, { type: 'info' });
      void onChanged();
    },
    onError: (e: Error) => {
      setError(e.message);
      void onChanged();
    },
  });
  if (request.status !== 'failed' || !request.state) return null;
  return (
    <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
      <Button variant="contained" startIcon={<ReplayIcon />} disabled={isPending} onClick={() => mutate(request.id)} data-testid="resume-request">
        Resume from {request.state}
      </Button>
      {error && (
        <Alert severity="error" data-testid="resume-error" onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
    </Stack>
  );
};
