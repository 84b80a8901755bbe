// Tasks done of tasks started so far: indeterminate before the first task, full once the job has ended.
import { useMemo } from 'react';
import { Box, LinearProgress, Typography } from '@mui/material';
import { isTerminalJobStatus, type JobEvent, type JobStatus } from './api';
import { taskProgress } from './jobEventStats';

const ENDED_COLOR: Partial<Record<JobStatus, 'success' | 'error' | 'warning'>> = {
  successful: 'success',
  failed: 'error',
  error: 'error',
  canceled: 'warning',
};

export const JobProgress = ({ events, status }: { events: JobEvent[]; status: JobStatus }) => {
  const terminal = isTerminalJobStatus(status);
  const { known, done } = useMemo(() => taskProgress(events), [events]);
  const indeterminate = !terminal && known === 0;
  const value = terminal ? 100 : known === 0 ? 0 : Math.round((done / known) * 100);
  const label = terminal
    ? `Ended: ${done} of ${known} ${known === 1 ? 'task' : 'tasks'} done`
    : known === 0
      ? 'Waiting for the first task…'
      : `${done} of ${known} ${known === 1 ? 'task' : 'tasks'} done`;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 2 }}>
      <LinearProgress
        variant={indeterminate ? 'indeterminate' : 'determinate'}
        value={indeterminate ? undefined : value}
        color={(terminal && ENDED_COLOR[status]) || 'primary'}
        aria-label="Job progress"
        data-testid="job-progress"
        data-done={done}
        data-known={known}
        sx={{ flexGrow: 1, height: 8, borderRadius: 4 }}
      />
      <Typography variant="caption" color="text.secondary" sx={{ minWidth: 160, textAlign: 'right' }} data-testid="job-progress-label">
        {label}
      </Typography>
    </Box>
  );
};
