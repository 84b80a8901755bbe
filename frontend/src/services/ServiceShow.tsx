import TuneIcon from '@mui/icons-material/Tune';
import { Box, Button, Stack, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { Loading, Show, useShowContext } from 'react-admin';
import { JsonView } from '../common/JsonView';
import { StatusChip } from '../common/StatusChip';
import { formatDateTime } from '../common/format';
import type { Service } from '../types';
import { RetireButton } from './RetireButton';

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
            Created
          </Typography>
          <Typography variant="body2">{formatDateTime(record.createdAt)}</Typography>
        </Box>
      </Stack>
      <Stack direction="row" spacing={1}>
        {record.request && (
          <Button component={Link} to={`/serviceRequests/${encodeURIComponent(record.request.id)}/show`} variant="outlined">
            Open the request{record.request.template ? ` (${record.request.template.name})` : ''}
          </Button>
        )}
        {record.status === 'active' && record.configuration.reconfigurableFields.length > 0 && (
          <Button component={Link} to={`/services/${encodeURIComponent(record.id)}/reconfigure`} variant="outlined" startIcon={<TuneIcon />} data-testid="reconfigure-service">
            Reconfigure
          </Button>
        )}
        <RetireButton service={record} />
      </Stack>
      <Box component="section" aria-label="Outputs">
        <Typography variant="subtitle1" component="h3" gutterBottom>
          Outputs
        </Typography>
        <JsonView value={record.outputs} testId="service-outputs" />
      </Box>
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
