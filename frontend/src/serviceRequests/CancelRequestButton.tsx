// Cancels a request that has not started (pending, queued for a worker or a provider slot, or waiting for approval):
// asks for confirmation, then calls cancelServiceRequest; the request ends canceled and nothing of
// it runs. Once it runs, its job's own Cancel button stops Ansible instead. The server's refusal
// (it has just started or ended) is shown as is.
import { useState } from 'react';
import StopIcon from '@mui/icons-material/StopCircleOutlined';
import { Button } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { Confirm, useDataProvider, useNotify } from 'react-admin';
import type { SuperfluidDataProvider } from '../dataProvider';
import type { ServiceRequest } from './api';

export const CancelRequestButton = ({ request, onChanged }: { request: ServiceRequest; onChanged: () => unknown }) => {
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const notify = useNotify();
  const [confirming, setConfirming] = useState(false);
  const { mutate, isPending } = useMutation({
    mutationFn: (id: string) => dataProvider.cancelServiceRequest(id),
    onSuccess: () => void onChanged(),
    onError: (error: Error) => {
      notify(error.message, { type: 'error' });
      void onChanged();
    },
  });
  if (request.status !== 'pending' && request.status !== 'queued' && request.status !== 'pending_approval') return null;
  return (
    <>
      <Button
        size="small"
        color="warning"
        variant="outlined"
        startIcon={<StopIcon />}
        disabled={isPending}
        aria-label="Cancel request"
        data-testid="cancel-request"
        onClick={() => setConfirming(true)}
        sx={{ alignSelf: 'flex-start' }}
      >
        {isPending ? 'Canceling…' : 'Cancel request'}
      </Button>
      <Confirm
        isOpen={confirming}
        title="Cancel this request?"
        content="It has not started: it ends canceled, no playbook of it runs and it leaves no service. You can order it again later."
        confirm="Yes, cancel it"
        cancel="Keep it"
        confirmColor="warning"
        onConfirm={() => {
          setConfirming(false);
          mutate(request.id);
        }}
        onClose={() => setConfirming(false)}
        data-testid="cancel-request-confirm"
      />
    </>
  );
};
