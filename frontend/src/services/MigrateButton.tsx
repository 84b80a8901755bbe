// "Migrate": moves an active service to other providers. For a multi-site item the user picks the
// site and its new provider (of a type the site takes); for a single playbook, the provider. The
// migration request it starts is opened: every item is provisioned again (the moved ones on their
// new providers), then the moved ones are retired where they were.
import { useMemo, useState } from 'react';
import MoveUpIcon from '@mui/icons-material/MoveUp';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useDataProvider, useGetList, useNotify } from 'react-admin';
import type { SuperfluidDataProvider } from '../dataProvider';
import type { Service } from './api';

interface ProviderChoice {
  id: string;
  name: string;
  type: string;
}

export const MigrateButton = ({ service }: { service: Service }) => {
  const placements = service.placements ?? [];
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [site, setSite] = useState('');
  const [providerId, setProviderId] = useState('');
  const { data: providers = [] } = useGetList<ProviderChoice>(
    'providers',
    { pagination: { page: 1, perPage: 500 }, sort: { field: 'name', order: 'ASC' } },
    { enabled: open },
  );
  const placement = placements.find((p) => (p.site ?? '') === site) ?? (placements.length === 1 ? placements[0] : undefined);
  const choices = useMemo(
    () => providers.filter((p) => p.id !== placement?.providerId && (!placement?.providerTypes || placement.providerTypes.includes(p.type))),
    [providers, placement],
  );
  const { mutate, isPending } = useMutation({
    mutationFn: () => dataProvider.migrateService(service.id, [{ site: placement?.site ?? null, providerId }]),
    onSuccess: ({ data }) => {
      setOpen(false);
      void queryClient.invalidateQueries({ queryKey: ['services'] });
      void queryClient.invalidateQueries({ queryKey: ['serviceRequests'] });
      notify(`Migrating ${service.name}`, { type: 'info' });
      void navigate(`/serviceRequests/${encodeURIComponent(data.id)}/show`);
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (service.status !== 'active' || placements.length === 0) return null;
  const currentName = (id: string) => providers.find((p) => p.id === id)?.name ?? id.slice(0, 8);
  return (
    <>
      <Button
        variant="outlined"
        startIcon={<MoveUpIcon />}
        data-testid="migrate-service"
        onClick={() => {
          setSite(placements.length === 1 ? (placements[0].site ?? '') : '');
          setProviderId('');
          setOpen(true);
        }}
      >
        Migrate
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby="migrate-title">
        <DialogTitle id="migrate-title">Migrate {service.name}</DialogTitle>
        <DialogContent>
          <DialogContentText variant="body2" sx={{ mb: 2 }}>
            What runs there is deployed on the new provider with the values the service has, and what depends on it is given its new place; then it is retired
            where it was. If a step fails, the service stays where it is.
          </DialogContentText>
          <Stack spacing={2}>
            {placements.some((p) => p.site) && (
              <TextField
                select
                label="Site"
                value={site}
                onChange={(e) => {
                  setSite(e.target.value);
                  setProviderId('');
                }}
                required
                fullWidth
                slotProps={{ htmlInput: { 'data-testid': 'migrate-site' } }}
              >
                {placements.map((p) => (
                  <MenuItem key={p.site ?? ''} value={p.site ?? ''}>
                    {p.site} (now on {currentName(p.providerId)})
                  </MenuItem>
                ))}
              </TextField>
            )}
            <TextField
              select
              label="New provider"
              value={providerId}
              onChange={(e) => setProviderId(e.target.value)}
              required
              disabled={!placement}
              fullWidth
              helperText={
                placement && choices.length === 0
                  ? `No other provider${placement.providerTypes ? ` of type ${placement.providerTypes.join(' or ')}` : ''} to move to: add one under Providers.`
                  : placement?.providerTypes
                    ? `Providers of type ${placement.providerTypes.join(' or ')}`
                    : undefined
              }
              slotProps={{ htmlInput: { 'data-testid': 'migrate-provider' } }}
            >
              {choices.map((p) => (
                <MenuItem key={p.id} value={p.id}>
                  {p.name} ({p.type})
                </MenuItem>
              ))}
            </TextField>
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button variant="contained" onClick={() => mutate()} disabled={!placement || !providerId || isPending} data-testid="migrate-confirm">
            Migrate
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
