// The events of one job, live from the jobEvents subscription (polling the job's stored events
// when the subscription fails), reconciled with the stored events once the job has ended.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useDataProvider } from 'react-admin';
import { watchJobEvents } from './live';
import type { SuperfluidDataProvider } from '../dataProvider';
import { isTerminalJobStatus, type JobEvent, type JobStatus } from './api';

export const useJobEvents = (jobId: string, status: JobStatus): JobEvent[] => {
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
    // Pages of up to 1000 (the API's limit) until a short one.
    for (;;) {
      const last = Math.max(0, ...events.current.keys());
      const { data } = await dataProvider.getJobEvents(jobId, last);
      addEvents(data);
      if (data.length < 1000) return;
    }
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

  return rows;
};
