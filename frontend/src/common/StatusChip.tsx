import { Chip, type ChipProps } from '@mui/material';

const COLOURS: Record<string, ChipProps['color']> = {
  pending: 'default',
  new: 'default',
  queued: 'info',
  waiting: 'info',
  running: 'primary',
  finished: 'success',
  successful: 'success',
  active: 'success',
  ok: 'success',
  failed: 'error',
  error: 'error',
  canceled: 'warning',
  pending_approval: 'warning',
  denied: 'error',
  retired: 'default',
};

/** A coloured chip for a request, job, service or refresh status. */
export const StatusChip = ({ status, testId }: { status: string | null | undefined; testId?: string }) =>
  status ? (
    <Chip
      size="small"
      label={status.replace(/_/g, ' ')}
      color={COLOURS[status] ?? 'default'}
      variant={status === 'running' ? 'outlined' : 'filled'}
      data-testid={testId}
      data-status={status}
    />
  ) : null;
