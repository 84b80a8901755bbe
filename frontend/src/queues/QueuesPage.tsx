// The queues and workers page, for operators: each BullMQ queue's jobs by state and how long its
// oldest waiting job has waited, the workers connected to it, and its failed jobs with their error
// and a Retry button (for who may retry: queues:write). Read again every few seconds.
import { useState } from 'react';
import ReplayIcon from '@mui/icons-material/Replay';
import { Alert, Box, Button, Card, CardContent, CardHeader, Chip, Divider, Stack, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Loading, Title, useNotify, usePermissions } from 'react-admin';
import { can } from '../authProvider';
import { RelativeTime } from '../common/RelativeTime';
import { duration } from '../common/format';
import { type FailedQueueJob, QUEUE_LABELS, queuesApi, type QueueStats } from './api';

const REFRESH_MS = 5_000;

const Count = ({ label, value, colour, testId }: { label: string; value: number; colour?: 'error' | 'info'; testId: string }) => (
  <Chip
    size="small"
    variant={value ? 'filled' : 'outlined'}
    color={value ? (colour ?? 'default') : 'default'}
    label={`${label} ${value}`}
    data-testid={testId}
    data-value={value}
  />
);

const QueueCard = ({ queue }: { queue: QueueStats }) => (
  <Card variant="outlined" data-testid={`queue-${queue.name}`} sx={{ minWidth: 0 }}>
    <CardHeader title={queue.name} subheader={QUEUE_LABELS[queue.name]} slotProps={{ title: { variant: 'h6' }, subheader: { variant: 'body2' } }} />
    <CardContent sx={{ pt: 0 }}>
      <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap' }}>
        <Count label="waiting" value={queue.waiting + queue.prioritized} colour="info" testId="count-waiting" />
        <Count label="active" value={queue.active} colour="info" testId="count-active" />
        <Count label="delayed" value={queue.delayed} testId="count-delayed" />
        <Count label="failed" value={queue.failed} colour="error" testId="count-failed" />
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} data-testid="oldest-waiting">
        {queue.oldestWaitingSince ? (
          <>
            Oldest waiting job: {duration(queue.oldestWaitingSeconds)} (since <RelativeTime value={queue.oldestWaitingSince} />)
          </>
        ) : (
          'Nothing waits.'
        )}
      </Typography>
      <Divider sx={{ my: 1 }} />
      <Typography variant="subtitle2">
        {queue.workers.length} worker{queue.workers.length === 1 ? '' : 's'}
      </Typography>
      {queue.workers.length === 0 ? (
        <Typography variant="body2" color="error" data-testid="no-worker">
          No worker is connected: jobs of this queue wait until one starts.
        </Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
          {queue.workers.map((w, i) => (
            <Typography component="li" variant="body2" key={`${w.address}-${i}`} data-testid="worker" sx={{ overflowWrap: 'anywhere' }}>
              <code>{w.name ?? 'unnamed'}</code> from {w.address}, connected {duration(w.connectedSeconds)}
            </Typography>
          ))}
        </Box>
      )}
    </CardContent>
  </Card>
);

const FailedJob = ({ job, mayRetry, onRetried }: { job: FailedQueueJob; mayRetry: boolean; onRetried: () => void }) => {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const retry = async () => {
    setBusy(true);
    try {
      await queuesApi.retry(job.queue, job.id);
      notify(`The ${job.name} job waits for a worker again.`, { type: 'info' });
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    } finally {
      setBusy(false);
      onRetried();
    }
  };
  return (
    <Box component="li" data-testid="failed-job" data-job-id={job.id} sx={{ listStyle: 'none', py: 1.5, borderTop: 1, borderColor: 'divider' }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ justifyContent: 'space-between', alignItems: { sm: 'flex-start' } }}>
        <Box sx={{ minWidth: 0 }}>
          <Typography variant="subtitle2">
            {job.queue} · {job.name}
          </Typography>
          <Typography variant="caption" color="text.secondary" component="div" sx={{ overflowWrap: 'anywhere' }}>
            <code>{job.id}</code> · failed <RelativeTime value={job.failedAt} /> after {job.attempts} attempt{job.attempts === 1 ? '' : 's'}
          </Typography>
        </Box>
        {mayRetry ? (
          <Button
            size="small"
            variant="outlined"
            startIcon={<ReplayIcon />}
            disabled={busy}
            onClick={() => void retry()}
            data-testid="retry-job"
            sx={{ flexShrink: 0, alignSelf: 'flex-start' }}
          >
            Retry
          </Button>
        ) : null}
      </Stack>
      <Box
        component="pre"
        data-testid="failed-job-error"
        sx={{
          m: 0,
          mt: 1,
          p: 1,
          bgcolor: 'action.hover',
          borderRadius: 1,
          whiteSpace: 'pre-wrap',
          overflowWrap: 'anywhere',
          fontSize: '0.8rem',
          maxHeight: 160,
          overflowY: 'auto',
        }}
      >
        {job.error || '(no error message)'}
      </Box>
    </Box>
  );
};

/** The failed jobs of the queues that have any, newest first (25 per queue). */
const FailedJobs = ({ queues, mayRetry, onChange }: { queues: QueueStats[]; mayRetry: boolean; onChange: () => void }) => {
  const failing = queues.filter((q) => q.failed > 0).map((q) => q.name);
  const { data } = useQuery({
    queryKey: ['failedQueueJobs', failing],
    queryFn: async () => (await Promise.all(failing.map((q) => queuesApi.failed(q)))).flat(),
    refetchInterval: REFRESH_MS,
  });
  const jobs = (data ?? []).sort((a, b) => (b.failedAt ?? '').localeCompare(a.failedAt ?? ''));
  return (
    <Card variant="outlined" data-testid="failed-jobs">
      <CardHeader
        title="Failed jobs"
        subheader="Jobs that failed for good, with their error (the last 1000 per queue are kept). A retry puts one back to wait for a worker."
        slotProps={{ title: { variant: 'h6' }, subheader: { variant: 'body2' } }}
      />
      <CardContent sx={{ pt: 0 }}>
        {failing.length === 0 ? (
          <Typography variant="body2" color="text.secondary" data-testid="no-failed-jobs">
            No queue has a failed job.
          </Typography>
        ) : (
          <Box component="ul" sx={{ m: 0, p: 0 }}>
            {jobs.map((job) => (
              <FailedJob key={`${job.queue}-${job.id}`} job={job} mayRetry={mayRetry} onRetried={onChange} />
            ))}
          </Box>
        )}
      </CardContent>
    </Card>
  );
};

export const QueuesPage = () => {
  const { permissions } = usePermissions();
  const client = useQueryClient();
  const { data, error, isPending } = useQuery({ queryKey: ['queues'], queryFn: queuesApi.list, refetchInterval: REFRESH_MS });
  const reread = () => void client.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'queues' || q.queryKey[0] === 'failedQueueJobs' });
  return (
    <Box sx={{ mt: 2, mb: 4, minWidth: 0 }} data-testid="queues-page">
      <Title title="Queues and workers" />
      <Alert severity="info" sx={{ mb: 2 }}>
        Superfluid keeps no register of workers: they are what BullMQ knows, the processes connected to each queue in Redis now, named by host and process id. A
        process that stops leaves the list.
      </Alert>
      {isPending ? (
        <Loading />
      ) : error || !data ? (
        <Typography color="error">{error?.message ?? 'The queues could not be read.'}</Typography>
      ) : data.length === 0 ? (
        <Typography color="text.secondary" data-testid="queues-not-here">
          The queues serve the whole portal: they are shown to operators of the root tenant.
        </Typography>
      ) : (
        <Stack spacing={2}>
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(2, minmax(0, 1fr))', xl: 'repeat(3, minmax(0, 1fr))' } }}>
            {data.map((q) => (
              <QueueCard key={q.name} queue={q} />
            ))}
          </Box>
          <FailedJobs queues={data} mayRetry={can(permissions, 'queues:write')} onChange={reread} />
        </Stack>
      )}
    </Box>
  );
};
