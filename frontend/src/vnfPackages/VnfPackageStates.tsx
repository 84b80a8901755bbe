import { Chip, Stack } from '@mui/material';
import type { VnfPackage } from './api';

/** The package's states as chips: enabled or disabled, in use, deletion pending. */
export const VnfPackageStates = ({ pkg }: { pkg: VnfPackage }) => (
  <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="vnf-package-states">
    <Chip
      size="small"
      label={pkg.operationalState}
      color={pkg.operationalState === 'enabled' ? 'success' : 'default'}
      data-testid="vnf-operational-state"
      data-state={pkg.operationalState}
    />
    {pkg.usageState === 'in_use' ? <Chip size="small" variant="outlined" color="info" label="in use" /> : null}
    {pkg.deletionState === 'pending' ? <Chip size="small" color="warning" label="deletion pending" /> : null}
  </Stack>
);
