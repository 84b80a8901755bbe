// "My quotas": the limits on the signed-in user's orders — their own, their tenant's and those of
// the tenants above it — and how much of each is used.
import { Card, CardContent, CardHeader } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Loading, Title } from 'react-admin';
import { quotasApi } from './api';
import { QuotaBars } from './QuotaBars';

export const MyQuotasPage = () => {
  const { data, isPending, error } = useQuery({ queryKey: ['quotas', 'mine'], queryFn: quotasApi.mine });
  return (
    <Card sx={{ mt: 2, maxWidth: 720 }} data-testid="my-quotas">
      <Title title="My quotas" />
      <CardHeader
        title="My quotas"
        subheader="What your orders may hold: your own limits, your tenant’s and those above it. Orders waiting or running count."
      />
      <CardContent>
        {isPending ? <Loading /> : error ? error.message : <QuotaBars quotas={data ?? []} showHolder empty="No limits apply to your orders." />}
      </CardContent>
    </Card>
  );
};
