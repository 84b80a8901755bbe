// "Force retire", for administrators: marks an active service retired when its target is gone
// and its retirement cannot run. No playbook runs; the reason asked here is recorded with the
// administrator's name in a finished retirement request and in the audit trail.
import { useState } from 'react';
import GppMaybeIcon from '@mui/icons-material/GppMaybe';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { HttpError, useDataProvider, useNotify, usePermissions } from 'react-admin';
import type { ApiErrorBody } from '../api/graphql';
import { can } from '../authProvider';
import type { SuperfluidDataProvider } from '../dataProvider';
import type { Service } from './api';

export const ForceRetireButton = ({ service }: { service: Service }) => {
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const { permissions } = usePermissions();
  const notify = useNotify();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => dataProvider.forceRetireService(service.id, reason),
    onSuccess: () => {
      notify(`${service.name} is marked retired`, { type: 'success' });
      setOpen(false);
      void client.invalidateQueries({ queryKey: ['services'] });
      void client.invalidateQueries({ queryKey: ['serviceRequests'] });
    },
    onError: (err: Error) => {
      // A missing reason shows under the field; anything else (CONFLICT, NOT_FOUND) as a notice.
      const field = err instanceof HttpError ? (err.body as ApiErrorBody | undefined)?.graphqlErrors[0]?.extensions?.fields?.reason : undefined;
      setError(field ? `The reason ${field}` : null);
      if (!field) notify(err.message, { type: 'error' });
    },
  });
  if (service.status !== 'active' || !can(permissions, 'services:force')) return null;
  const blank = reason.trim() === '';
  return (
    <>
      <Button
        color="error"
        variant="text"
        startIcon={<GppMaybeIcon />}
        data-testid="force-retire-service"
        onClick={() => {
          setReason('');
          setError(null);
          setOpen(true);
        }}
      >
        Force retire
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby="force-retire-title">
        <DialogTitle id="force-retire-title">Force retire {service.name}?</DialogTitle>
        <DialogContent>
          <DialogContentText variant="body2" sx={{ mb: 2 }}>
            For a service whose target is gone, so that its retirement cannot run. No playbook runs and nothing is removed: whatever of it is still on its
            providers stays there. The service is marked retired, and your name and the reason are recorded in a retirement request and the audit trail.
          </DialogContentText>
          <TextField
            label="Reason"
            placeholder="What is gone, e.g. the lab site was decommissioned"
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setError(null);
            }}
            required
            multiline
            minRows={2}
            error={!!error}
            helperText={error ?? 'Required: kept with the service’s history.'}
            fullWidth
            slotProps={{ htmlInput: { maxLength: 1000, 'data-testid': 'force-retire-reason' } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Keep it</Button>
          <Button variant="contained" color="error" onClick={() => save.mutate()} disabled={blank || save.isPending} data-testid="force-retire-confirm">
            Force retire
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
