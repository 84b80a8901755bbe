// Deletes a retired service's record after a confirmation; its requests stay (and the audit trail).
import { useState } from 'react';
import DeleteIcon from '@mui/icons-material/Delete';
import { Button } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { Confirm, useDataProvider, useNotify } from 'react-admin';
import type { SuperfluidDataProvider } from '../dataProvider';
import type { Service } from './api';

export const DeleteServiceButton = ({ service }: { service: Service }) => {
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const { mutate, isPending } = useMutation({
    mutationFn: (id: string) => dataProvider.deleteService(id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['services'] });
      notify(`Service ${service.name} deleted`, { type: 'info' });
      void navigate('/services');
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (service.status !== 'retired') return null;
  return (
    <>
      <Button color="error" variant="outlined" startIcon={<DeleteIcon />} disabled={isPending} data-testid="delete-service" onClick={() => setConfirming(true)}>
        Delete
      </Button>
      <Confirm
        isOpen={confirming}
        title={`Delete ${service.name}?`}
        content="Its record leaves the services list. The requests that made, changed and retired it stay, as does the audit trail."
        confirm="Delete"
        cancel="Keep it"
        confirmColor="warning"
        onConfirm={() => {
          setConfirming(false);
          mutate(service.id);
        }}
        onClose={() => setConfirming(false)}
      />
    </>
  );
};
