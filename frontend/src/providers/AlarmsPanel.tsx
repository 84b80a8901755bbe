// Provider alarms: health checks that changed a provider's status (went down, or came back up),
// newest first, from providerAlarms. Given a provider id, only that provider's.
import { Card, CardContent, CardHeader, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useDataProvider, useGetList } from 'react-admin';
import { RelativeTime } from '../common/RelativeTime';
import type { SuperfluidDataProvider } from '../dataProvider';
import type { Provider } from './api';
import { HealthBadge } from './HealthBadge';

export const AlarmsPanel = ({ providerId, take = 20 }: { providerId?: string; take?: number }) => {
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const { data: alarms, error } = useQuery({
    queryKey: ['providerAlarms', providerId ? 200 : take],
    queryFn: async () => (await dataProvider.getProviderAlarms(providerId ? 200 : take)).data,
    refetchInterval: 30_000,
  });
  const { data: providers = [] } = useGetList<Provider>('providers', { pagination: { page: 1, perPage: 1000 } }, { enabled: !providerId });
  const names = new Map(providers.map((p) => [p.id, p.name]));
  const rows = (alarms ?? []).filter((a) => !providerId || a.providerId === providerId).slice(0, take);
  return (
    <Card variant="outlined" component="section" aria-label="Alarms" data-testid="provider-alarms" sx={{ mt: 2 }}>
      <CardHeader
        title={providerId ? 'Recent alarms' : 'Alarms'}
        subheader="A provider going down, or coming back up"
        slotProps={{ title: { variant: 'subtitle1', component: 'h2' } }}
      />
      <CardContent sx={{ pt: 0 }}>
        {error ? (
          <Typography color="error">{error.message}</Typography>
        ) : rows.length === 0 ? (
          <Typography variant="body2" color="text.secondary" data-testid="no-alarms">
            {alarms ? 'No alarm.' : 'Loading…'}
          </Typography>
        ) : (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>When</TableCell>
                {!providerId && <TableCell>Provider</TableCell>}
                <TableCell>Status</TableCell>
                <TableCell>Message</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((a, i) => (
                <TableRow key={`${a.providerId}-${a.checkedAt}-${i}`} data-testid="alarm-row">
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <RelativeTime value={a.checkedAt} />
                  </TableCell>
                  {!providerId && (
                    <TableCell>
                      <Link to={`/providers/${encodeURIComponent(a.providerId)}/show`}>{names.get(a.providerId) ?? a.providerId.slice(0, 8)}</Link>
                    </TableCell>
                  )}
                  <TableCell>
                    <HealthBadge status={a.status} message={a.message} checkedAt={a.checkedAt} testId="alarm-status" />
                  </TableCell>
                  <TableCell sx={{ wordBreak: 'break-word' }}>{a.message ?? '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};
