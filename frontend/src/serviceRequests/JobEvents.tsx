// Per-task, per-host results of one job, from its events (see useJobEvents).
import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography, type ChipProps } from '@mui/material';
import type { JobEvent } from './api';

const RESULTS: Record<string, { label: (e: JobEvent) => string; color: (e: JobEvent) => ChipProps['color'] }> = {
  runner_on_ok: { label: (e) => (e.changed ? 'changed' : 'ok'), color: (e) => (e.changed ? 'warning' : 'success') },
  runner_on_failed: { label: () => 'failed', color: () => 'error' },
  runner_on_skipped: { label: () => 'skipped', color: () => 'default' },
  runner_on_unreachable: { label: () => 'unreachable', color: () => 'error' },
};

export const JobEvents = ({ events, terminal }: { events: JobEvent[]; terminal: boolean }) => {
  const results = events.filter((e) => e.event in RESULTS);
  if (results.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
        {terminal ? 'No task results.' : 'No task has finished yet.'}
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Task results" data-testid="job-events">
      <TableHead>
        <TableRow>
          <TableCell>Play</TableCell>
          <TableCell>Task</TableCell>
          <TableCell>Host</TableCell>
          <TableCell>Result</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {results.map((e) => {
          const result = RESULTS[e.event];
          return (
            <TableRow key={e.seq} data-testid="job-event" data-event={e.event}>
              <TableCell>{e.play ?? '—'}</TableCell>
              <TableCell>{e.task ?? '—'}</TableCell>
              <TableCell>{e.host ?? '—'}</TableCell>
              <TableCell>{result && <Chip size="small" label={result.label(e)} color={result.color(e)} />}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};
