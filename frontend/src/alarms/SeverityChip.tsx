// An alarm's severity as a chip: critical and major filled (red, orange), minor and warning outlined.
import { Chip, type ChipProps } from '@mui/material';
import type { AlarmSeverity } from '../gql/graphql';
import { ALARM_SEVERITIES } from './api';

const LOOK: Record<AlarmSeverity, { color: ChipProps['color']; variant: ChipProps['variant'] }> = {
  critical: { color: 'error', variant: 'filled' },
  major: { color: 'warning', variant: 'filled' },
  minor: { color: 'warning', variant: 'outlined' },
  warning: { color: 'info', variant: 'outlined' },
};

export const SeverityChip = ({ severity }: { severity: AlarmSeverity }) => (
  <Chip size="small" label={ALARM_SEVERITIES[severity]} {...LOOK[severity]} data-testid="alarm-severity" data-severity={severity} />
);
