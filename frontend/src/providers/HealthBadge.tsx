// A provider's health as a coloured chip — up, down or unknown — with its last message and when it
// was checked in the tooltip.
import { Chip, Tooltip, type ChipProps } from '@mui/material';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import HelpIcon from '@mui/icons-material/Help';
import { formatDateTime } from '../common/format';

const LOOK: Record<string, { color: ChipProps['color']; icon: ChipProps['icon'] }> = {
  up: { color: 'success', icon: <CheckCircleIcon /> },
  down: { color: 'error', icon: <ErrorIcon /> },
  unknown: { color: 'default', icon: <HelpIcon /> },
};

export const HealthBadge = ({
  status,
  message,
  checkedAt,
  testId = 'provider-health',
}: {
  status: string;
  message?: string | null;
  checkedAt?: string | null;
  testId?: string;
}) => {
  const look = LOOK[status] ?? LOOK.unknown;
  const title = [message, checkedAt ? `Checked ${formatDateTime(checkedAt)}` : 'Never checked'].filter(Boolean).join(' — ');
  return (
    <Tooltip title={title} describeChild>
      <Chip size="small" label={status} color={look.color} icon={look.icon} data-testid={testId} data-status={status} />
    </Tooltip>
  );
};
