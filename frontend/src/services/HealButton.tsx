// Heals an active service after a confirmation: each deployed item's heal playbook (its provision
// playbook again where it has none) runs in a new request, which is opened.
import { useState } from 'react';
import HealingIcon from '@mui/icons-material/Healing';
import { Button } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { Confirm, useDataProvider, useNotify } from 'react-admin';
import type { SuperfluidDataProvider } from '../dataProvider';
import type { Service } from './api';

export const HealButton = ({ service }: { service: Service }) => {
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const { mutate, isPending } = useMutation({
    mutationFn: (id: string) => dataProvider.healService(id),
    onSuccess: ({ data }) => {
      void queryClient.invalidateQueries({ queryKey: ['services'] });
      void queryClient.invalidateQueries({ queryKey: ['serviceRequests'] });
      notify(`Healing ${service.name}`, { type: 'info' });
      void navigate(`/serviceRequests/${encodeURIComponent(data.id)}/show`);
    },
    // CONFLICT (not active, a change under way) and every other error: the server's message as is.
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (service.status !== 'active') return null;
  return (
    <>
      <Button variant="outlined" startIcon={<HealingIcon />} disabled={isPending} data-testid="heal-service" onClick={() => setConfirming(true)}>
        Heal
      </Button>
      <Confirm
        isOpen={confirming}
        title={`Heal ${service.name}?`}
        content="What it deployed is deployed again where it is, with the values it has: each part's heal playbook runs, or its provisioning playbook again where it has none. The service keeps its outputs if healing fails."
        confirm="Heal"
        cancel="Not now"
        onConfirm={() => {
          setConfirming(false);
          mutate(service.id);
        }}
        onClose={() => setConfirming(false)}
      />
    </>
  );
};
