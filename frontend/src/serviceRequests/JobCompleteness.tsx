// Once a job has ended: how many of its events were stored, and a warning when Ansible emitted
// more than that (the task results and host counts from events may then be incomplete).
import { Alert, Typography } from '@mui/material';
import { isTerminalJobStatus, type Job } from './api';

const events = (n: number) => `${n} ${n === 1 ? 'event' : 'events'}`;

export const JobCompleteness = ({ job }: { job: Job }) => {
  if (!isTerminalJobStatus(job.status) || job.outputPurgedAt) return null;
  if (job.eventsComplete === false) {
    return (
      <Alert severity="warning" sx={{ mt: 1, py: 0 }} data-testid="event-completeness" data-complete="false">
        Ansible emitted {events(job.eventsEmitted ?? 0)}, {job.eventCount} {job.eventCount === 1 ? 'was' : 'were'} stored: the task results and host counts may
        be incomplete.
      </Alert>
    );
  }
  return (
    <Typography
      variant="caption"
      color="text.secondary"
      component="div"
      sx={{ mt: 1 }}
      data-testid="event-completeness"
      data-complete={job.eventsComplete === true ? 'true' : 'unknown'}
    >
      {events(job.eventCount)} stored{job.eventsComplete ? ', all that Ansible emitted' : ''}.
    </Typography>
  );
};
