// Per-task, per-host results of one job, live from the jobEvents subscription (polling the
// job's stored events when the subscription fails).
import { useCallback, useEffect, useRef, useState } from 'react';
import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography, type ChipProps } from '@mui/material';
import { useDataProvider } from 'react-admin';
import { watchJobEvents } from '../api/live';
import type { SuperfluidDataProvider } from '../dataProvider';
import { isTerminalJobStatus, type JobEvent, type JobStatus } from '../types';

const RESULTS: Record<string, { label: (e: JobEvent) => string; color: (e: JobEvent) => ChipProps['color'] }> = {
  runner_on_ok: { label: (e) => (e.changed ? 'changed' : 'ok'), color: (e) => (e.changed ? 'warning' : 'success') },
  runner_on_failed: { label: () => 'failed', color: () => 'error' },
  runner_on_skipped: { label: () => 'skipped', color: () => 'default' },
  runner_on_unreachable: { label: () => 'unreachable', color: () => 'error' },
};

export const JobEvents = ({ jobId, status }: { jobId: string; status: JobStatus }) => {
  const dataProvider = useDataProvider<SuperfluidDataProvider>();
  const events = useRef(new Map<number, JobEvent>());
  const [rows, setRows] = useState<JobEvent[]>([]);
  const [polling, setPolling] = useState(false);
  const terminal = isTerminalJobStatus(status);

  const addEvents = useCallback((incoming: JobEvent[]) => {
    let changed = false;
    for (const event of incoming) {
      if (!events.current.has(event.seq)) {
        events.current.set(event.seq, event);
        changed = true;
      }
    }
    if (changed) setRows([...events.current.values()].sort((a, b) => a.seq - b.seq));
  }, []);

  const fetchMissing = useCallback(async () => {
    const last = Math.max(0, ...events.current.keys());
    const { data } = await dataProvider.getJobEvents(jobId, last);
    addEvents(data);
  }, [dataProvider, jobId, addEvents]);

  useEffect(
    () =>
      watchJobEvents(
        jobId,
        0,
        (event) => addEvents([event]),
        () => setPolling(true),
      ),
    [jobId, addEvents],
  );

  useEffect(() => {
    if (!polling || terminal) return undefined;
    const timer = setInterval(() => void fetchMissing().catch(() => undefined), 1000);
    return () => clearInterval(timer);
  }, [polling, terminal, fetchMissing]);

  useEffect(() => {
    if (terminal) void fetchMissing().catch(() => undefined);
  }, [terminal, fetchMissing]);

  const results = rows.filter((e) => e.event in RESULTS);
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
