import TuneIcon from '@mui/icons-material/Tune';
import { Box, Button, Link as MuiLink, Stack, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { Loading, Show, useGetMany, useShowContext } from 'react-admin';
import { StatusChip } from '../common/StatusChip';
import { RelativeTime } from '../common/RelativeTime';
import type { Provider } from '../providers/api';
import type { Service } from './api';
import { PerformancePanel } from '../performance/PerformancePanel';
import { DeleteServiceButton } from './DeleteServiceButton';
import { ForceRetireButton } from './ForceRetireButton';
import { HealButton } from './HealButton';
import { MigrateButton } from './MigrateButton';
import { RetireButton } from './RetireButton';
import { ScheduleServiceButton } from '../schedules/ScheduleServiceButton';
import { ServiceHistory } from './ServiceHistory';
import { ServiceOutputs } from './ServiceOutputs';
import { ExtendButton, RetirementFact, RetirementWarning } from './RetirementDate';

/** The providers a service was deployed on, by name, each a link to its page; one deleted since shows as its id. */
const ServiceProviders = ({ ids }: { ids: string[] }) => {
  const { data, isPending } = useGetMany<Provider>('providers', { ids }, { enabled: ids.length > 0 });
  if (!ids.length) return <Typography variant="body2">—</Typography>;
  if (isPending) return <Typography variant="body2">…</Typography>;
  const byId = new Map((data ?? []).map((p) => [String(p.id), p]));
  return (
    <Stack direction="row" spacing={1} data-testid="service-providers" useFlexGap sx={{ flexWrap: 'wrap' }}>
      {ids.map((id) => {
        const provider = byId.get(id);
        return provider ? (
          <MuiLink key={id} component={Link} to={`/providers/${encodeURIComponent(id)}/show`} variant="body2" data-testid="service-provider">
            {provider.name}
          </MuiLink>
        ) : (
          <Typography key={id} variant="body2" color="text.secondary" title="deleted provider">
            {id}
          </Typography>
        );
      })}
    </Stack>
  );
};

const ServiceDetails = () => {
  const { record, isPending } = useShowContext<Service>();
  if (isPending || !record) return <Loading />;
  return (
    <Stack spacing={2} sx={{ p: 2 }} data-testid="service-show">
      <Stack direction="row" spacing={3} sx={{ flexWrap: 'wrap' }} useFlexGap>
        <Box>
          <Typography variant="caption" color="text.secondary" component="div">
            Name
          </Typography>
          <Typography variant="body1" data-testid="service-name">
            {record.name}
          </Typography>
        </Box>
        <Box>
          <Typography variant="caption" color="text.secondary" component="div">
            Status
          </Typography>
          <StatusChip status={record.status} testId="service-status" />
        </Box>
        <Box>
          <Typography variant="caption" color="text.secondary" component="div">
            Owner
          </Typography>
          <Typography variant="body2">{record.owner?.username ?? '—'}</Typography>
        </Box>
        <Box>
          <Typography variant="caption" color="text.secondary" component="div">
            {record.providerIds.length > 1 ? 'Providers' : 'Provider'}
          </Typography>
          <ServiceProviders ids={record.providerIds} />
        </Box>
        <Box>
          <Typography variant="caption" color="text.secondary" component="div">
            Created
          </Typography>
          <Typography variant="body2">
            <RelativeTime value={record.createdAt} />
          </Typography>
        </Box>
        <RetirementFact service={record} />
      </Stack>
      <RetirementWarning service={record} />
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {record.request && (
          <Button component={Link} to={`/serviceRequests/${encodeURIComponent(record.request.id)}/show`} variant="outlined">
            Open the request{record.request.template ? ` (${record.request.template.name})` : ''}
          </Button>
        )}
        {record.status === 'active' && record.configuration.reconfigurableFields.length > 0 && (
          <Button
            component={Link}
            to={`/services/${encodeURIComponent(record.id)}/reconfigure`}
            variant="outlined"
            startIcon={<TuneIcon />}
            data-testid="reconfigure-service"
          >
            Reconfigure
          </Button>
        )}
        <ExtendButton service={record} />
        <HealButton service={record} />
        <MigrateButton service={record} />
        <RetireButton service={record} />
        <ScheduleServiceButton service={record} />
        <ForceRetireButton service={record} />
        <DeleteServiceButton service={record} />
      </Stack>
      <ServiceOutputs service={record} />
      <PerformancePanel target={{ serviceId: String(record.id), providerIds: record.providerIds ?? [] }} active={record.status === 'active'} />
      <ServiceHistory requests={record.requests} />
    </Stack>
  );
};

const ServiceTitle = () => {
  const { record } = useShowContext<Service>();
  return <>{record ? `Service ${record.name}` : 'Service'}</>;
};

export const ServiceShow = () => (
  <Show title={<ServiceTitle />} actions={false}>
    <ServiceDetails />
  </Show>
);
