// The service's outputs (its playbooks' set_stats data, as the last request that changed it left
// them): a key/value table, the raw JSON on demand.
import { Box, Typography } from '@mui/material';
import { OutputsTable } from '../common/OutputsTable';
import type { Service } from './api';

export const ServiceOutputs = ({ service }: { service: Service }) => (
  <Box component="section" aria-label="Outputs">
    <Typography variant="subtitle1" component="h3" gutterBottom>
      Outputs
    </Typography>
    <OutputsTable value={service.outputs} testId="service-outputs" empty="Its playbooks returned no outputs." />
  </Box>
);
