// One job of a request: its facts, progress, hosts, live log and task results.
import type { ReactNode } from 'react';
import { Box, Card, CardContent, CardHeader, Stack, Typography } from '@mui/material';
import { StatusChip } from '../common/StatusChip';
import { shortCommit } from '../common/format';
import { RelativeTime } from '../common/RelativeTime';
import { isTerminalJobStatus, type Job } from './api';
import { CancelJobButton } from './CancelJobButton';
import { DownloadOutputButton } from './DownloadOutputButton';
import { JobCompleteness } from './JobCompleteness';
import { JobEvents } from './JobEvents';
import { JobHosts } from './JobHosts';
import { JobLog } from './JobLog';
import { JobProgress } from './JobProgress';
import { useJobEvents } from './useJobEvents';

export const Fact = ({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) => (
  <Box sx={{ minWidth: 140 }}>
    <Typography variant="caption" color="text.secondary" component="div">
      {label}
    </Typography>
    <Typography variant="body2" component="div" data-testid={testId}>
      {children}
    </Typography>
  </Box>
);

export const JobCard = ({ job, onChanged, title }: { job: Job; onChanged: () => unknown; title?: string }) => {
  const events = useJobEvents(job.id, job.status);
  const terminal = isTerminalJobStatus(job.status);
  return (
    // minWidth 0: the card fits a phone's width; its wide tables scroll sideways inside it instead of widening the page.
    <Card variant="outlined" data-testid={`job-${job.id}`} component="section" aria-label={`Job ${job.playbook}`} sx={{ minWidth: 0 }}>
      <CardHeader
        sx={{ flexWrap: 'wrap', rowGap: 1, '& .MuiCardHeader-action': { alignSelf: 'center' } }}
        title={title ?? `Job: ${job.playbook}`}
        slotProps={{ title: { variant: 'subtitle1', component: 'h3' } }}
        action={
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <DownloadOutputButton jobId={job.id} disabled={Boolean(job.outputPurgedAt)} />
            <CancelJobButton job={job} onChanged={onChanged} />
            <StatusChip status={job.status} testId="job-status" />
          </Stack>
        }
      />
      <CardContent sx={{ pt: 0 }}>
        <Stack direction="row" spacing={3} sx={{ mb: 2, flexWrap: 'wrap' }} useFlexGap>
          <Fact label="Commit">{shortCommit(job.commit)}</Fact>
          <Fact label="Started">
            <RelativeTime value={job.startedAt} />
          </Fact>
          <Fact label="Finished">
            <RelativeTime value={job.finishedAt} />
          </Fact>
          <Fact label="Return code">{job.returnCode ?? '—'}</Fact>
        </Stack>
        <JobProgress events={events} status={job.status} />
        <Typography variant="subtitle2">Hosts</Typography>
        <Box sx={{ overflowX: 'auto' }}>
          <JobHosts events={events} terminal={terminal} hostSummaries={job.hostSummaries ?? []} />
        </Box>
        <Typography variant="subtitle2" sx={{ mt: 2 }} gutterBottom>
          Output
        </Typography>
        <JobLog jobId={job.id} status={job.status} purgedAt={job.outputPurgedAt} />
        <JobCompleteness job={job} />
        <Typography variant="subtitle2" sx={{ mt: 2 }}>
          Task results
        </Typography>
        {job.outputPurgedAt && events.length === 0 ? (
          <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
            Task results removed by retention <RelativeTime value={job.outputPurgedAt} />.
          </Typography>
        ) : (
          <Box sx={{ overflowX: 'auto' }}>
            <JobEvents events={events} terminal={terminal} />
          </Box>
        )}
      </CardContent>
    </Card>
  );
};
