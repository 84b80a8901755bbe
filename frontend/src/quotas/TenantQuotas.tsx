// On a tenant's page: its quotas as bars (what it and the tenants below it use), with a form to
// set a limit and a button to remove one. A tenant's limits are set by an administrator of the
// tenant above it: the server says so when one tries their own.
import { useState } from 'react';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { Autocomplete, Button, Card, CardContent, CardHeader, IconButton, Stack, TextField } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { HttpError, useNotify } from 'react-admin';
import type { ApiErrorBody } from '../api/graphql';
import { BUILT_IN_DIMENSIONS, quotasApi } from './api';
import { QuotaBars } from './QuotaBars';

export const TenantQuotas = ({ tenantId, tenantName }: { tenantId: string; tenantName: string }) => {
  const notify = useNotify();
  const client = useQueryClient();
  const key = ['quotas', 'tenant', tenantId];
  const { data: quotas = [], isPending } = useQuery({ queryKey: key, queryFn: () => quotasApi.ofTenant(tenantId) });
  const [dimension, setDimension] = useState('services');
  const [limit, setLimit] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const refresh = () => client.invalidateQueries({ queryKey: key });
  const save = useMutation({
    mutationFn: () => quotasApi.set({ tenantId, dimension: dimension.trim(), limit: Number(limit) }),
    onSuccess: (q) => {
      notify(`${q.dimension} of ${tenantName} limited to ${q.limit}`, { type: 'success' });
      setLimit('');
      setErrors({});
      void refresh();
    },
    onError: (error: Error) => {
      const fields = error instanceof HttpError ? (error.body as ApiErrorBody | undefined)?.graphqlErrors[0]?.extensions?.fields : undefined;
      setErrors(fields ?? {});
      notify(error.message, { type: 'error' });
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => quotasApi.remove(id),
    onSuccess: () => void refresh(),
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  const limitMissing = limit.trim() === '' || Number.isNaN(Number(limit));
  return (
    <Card variant="outlined" component="section" aria-label="Quotas" data-testid="tenant-quotas" sx={{ mt: 2 }}>
      <CardHeader
        title="Quotas"
        subheader={`What ${tenantName} and the tenants below it may hold; orders waiting or running count.`}
        slotProps={{ title: { variant: 'subtitle1', component: 'h2' } }}
      />
      <CardContent sx={{ pt: 0 }}>
        <Stack spacing={3}>
          {isPending ? null : (
            <QuotaBars
              quotas={quotas}
              empty="No limits: orders are not counted."
              action={(q) => (
                <IconButton size="small" aria-label={`Remove the ${q.dimension} limit`} onClick={() => remove.mutate(q.id)}>
                  <DeleteIcon fontSize="small" />
                </IconButton>
              )}
            />
          )}
          <Stack
            component="form"
            direction={{ xs: 'column', sm: 'row' }}
            spacing={1}
            sx={{ alignItems: { sm: 'flex-start' } }}
            onSubmit={(event) => {
              event.preventDefault();
              if (!limitMissing) save.mutate();
            }}
          >
            <Autocomplete
              freeSolo
              options={BUILT_IN_DIMENSIONS.map((d) => d.id)}
              getOptionLabel={(o) => o}
              renderOption={(props, option) => (
                <li {...props} key={option}>
                  {BUILT_IN_DIMENSIONS.find((d) => d.id === option)?.name ?? option}
                </li>
              )}
              inputValue={dimension}
              onInputChange={(_, value) => setDimension(value)}
              sx={{ minWidth: 240, flex: 1 }}
              renderInput={(params) => (
                <TextField
                  {...params}
                  size="small"
                  label="Dimension"
                  error={!!errors.dimension}
                  helperText={errors.dimension ?? 'services, requests_per_day, or one an item declares (vcpus…)'}
                />
              )}
            />
            <TextField
              size="small"
              type="number"
              label="Limit"
              value={limit}
              onChange={(event) => setLimit(event.target.value)}
              error={!!errors.limit}
              helperText={errors.limit ?? ' '}
              slotProps={{ htmlInput: { min: 0 } }}
              sx={{ width: { sm: 140 } }}
            />
            <Button type="submit" variant="outlined" startIcon={<AddIcon />} disabled={limitMissing || save.isPending} sx={{ mt: { sm: 0.25 } }}>
              Set limit
            </Button>
          </Stack>
        </Stack>
      </CardContent>
    </Card>
  );
};
