// Retires an active service after a confirmation: its retirement playbooks run (a bundle's highest
// index first) in a new request, which is opened; the service ends `retired` when it finishes.
import { useState, type MouseEvent } from 'react';
import DeleteSweepIcon from '@mui/icons-material/DeleteSweep';
import { Button } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { Confirm, useDataProvider, useNotify } from 'react-admin';
import type { SuperfluidDataProvider } from '../dataProvider';
import type { Service } from './api';

/** What the confirmation says will happen: the playbooks that will run, when they are known (a service read by id). */
const retirementText = (playbooks: string[] | undefined): string => {
  const after = 'The service then ends retired; this cannot be undone.';
  if (playbooks === undefined) return `Its item's retirement playbooks, if it has any, run now in reverse order of deployment. ${after}`;
  if (playbooks.length === 0) return `Its item has no retirement playbook: nothing runs, and what it deployed stays where it is. ${after}`;
  const one = playbooks.length === 1;
  return `Its retirement ${one ? 'playbook runs' : 'playbooks run'} now (${playbooks.join(', ')}) and ${one ? 'removes' : 'remove'} what it deployed. ${after}`;
};

export const RetireButton = ({ service, size = 'medium' }: { service: Service; size?: 'small' | 'medium' }) => {
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const { mutate, isPending } = useMutation({
    mutationFn: (id: string) => dataProvider.retireService(id),
    onSuccess: ({ data }) => {
      void queryClient.invalidateQueries({ queryKey: ['services'] });
      void queryClient.invalidateQueries({ queryKey: ['serviceRequests'] });
      notify(`Retiring ${service.name}`, { type: 'info' });
      void navigate(`/serviceRequests/${encodeURIComponent(data.id)}/show`);
    },
    // CONFLICT (already retired, or being retired) and every other error: the server's message as is.
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (service.status !== 'active') return null;
  return (
    <>
      <Button
        size={size}
        color="warning"
        variant="outlined"
        startIcon={<DeleteSweepIcon />}
        disabled={isPending}
        aria-label={`Retire ${service.name}`}
        data-testid="retire-service"
        onClick={(event: MouseEvent) => {
          event.stopPropagation(); // in a list row: do not open the service
          setConfirming(true);
        }}
      >
        Retire
      </Button>
      <Confirm
        isOpen={confirming}
        title={`Retire ${service.name}?`}
        content={retirementText(service.retirementPlaybooks)}
        confirm="Retire"
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
