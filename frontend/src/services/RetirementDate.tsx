// A service's retirement date on its page: when it retires, a warning once the owner has been
// warned, and "Extend" — a dialog for a later date, up to the longest its item allows.
import { useState } from 'react';
import EventIcon from '@mui/icons-material/Event';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { HttpError, useDataProvider, useNotify } from 'react-admin';
import type { ApiErrorBody } from '../api/graphql';
import { localDay } from '../common/format';
import { RelativeTime } from '../common/RelativeTime';
import type { SuperfluidDataProvider } from '../dataProvider';
import type { Service } from './api';

/** A date as the date input shows it (the user's day). */
const inputDay = (iso: string) => localDay(new Date(iso));

export const RetirementFact = ({ service }: { service: Service }) => (
  <Box>
    <Typography variant="caption" color="text.secondary" component="div">
      Retires
    </Typography>
    <Typography variant="body2" data-testid="service-retires-at" data-retires-at={service.retiresAt ?? ''}>
      {service.retiresAt ? <RelativeTime value={service.retiresAt} /> : 'when retired by hand'}
    </Typography>
  </Box>
);

export const RetirementWarning = ({ service }: { service: Service }) =>
  service.status === 'active' && service.retiresAt && service.retirementWarnedAt ? (
    <Alert severity="warning" data-testid="retirement-warning" action={<ExtendButton service={service} />}>
      This service will be retired <RelativeTime value={service.retiresAt} />: its retirement playbooks run then.
    </Alert>
  ) : null;

export const ExtendButton = ({ service }: { service: Service }) => {
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const notify = useNotify();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [day, setDay] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    // The end of the chosen day, the user's time.
    mutationFn: () => dataProvider.extendServiceRetirement(service.id, new Date(`${day}T23:59:00`).toISOString()),
    onSuccess: () => {
      notify(`${service.name} now retires on ${day}`, { type: 'success' });
      setOpen(false);
      void client.invalidateQueries({ queryKey: ['services'] });
    },
    onError: (err: Error) => {
      const field = err instanceof HttpError ? (err.body as ApiErrorBody | undefined)?.graphqlErrors[0]?.extensions?.fields?.retiresAt : undefined;
      setError(field ? err.message : null);
      if (!field) notify(err.message, { type: 'error' });
    },
  });
  if (service.status !== 'active' || !service.retiresAt) return null;
  const max = service.maxRetiresAt ? inputDay(service.maxRetiresAt) : undefined;
  return (
    <>
      <Button
        size="small"
        color="inherit"
        startIcon={<EventIcon />}
        data-testid="extend-retirement"
        onClick={() => {
          setDay(inputDay(service.retiresAt!));
          setError(null);
          setOpen(true);
        }}
      >
        Extend
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs" aria-labelledby="extend-title">
        <DialogTitle id="extend-title">Retire {service.name} later</DialogTitle>
        <DialogContent>
          <DialogContentText variant="body2" sx={{ mb: 2 }}>
            {max ? `Its item lets it live until ${max} at the latest.` : 'Its item sets no latest date.'}
          </DialogContentText>
          <TextField
            type="date"
            label="Retire on"
            value={day}
            onChange={(e) => setDay(e.target.value)}
            error={!!error}
            helperText={error ?? ' '}
            fullWidth
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { max, 'data-testid': 'extend-date' } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button variant="contained" onClick={() => save.mutate()} disabled={!day || save.isPending}>
            Save date
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
