// The service page's performance card: its performance jobs (an HTTP probe on an interval), each
// with a chart of the last hour and its thresholds (crossing one raises an alarm); add and delete both.
import { useState } from 'react';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Box, Button, Card, CardContent, Chip, IconButton, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { LineChart } from '@mui/x-charts/LineChart';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { HttpError, useNotify } from 'react-admin';
import type { ApiErrorBody } from '../api/graphql';
import type { AlarmSeverity, PerformanceMetric } from '../gql/graphql';
import { METRIC_LABELS, performanceApi, type PerformanceJob } from './api';

const fieldErrors = (err: unknown): Record<string, string> =>
  err instanceof HttpError ? ((err.body as ApiErrorBody | undefined)?.graphqlErrors[0]?.extensions?.fields ?? {}) : {};

const timeLabel = (d: Date) => d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

const JobChart = ({ job }: { job: PerformanceJob }) => {
  if (job.samples.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        No sample yet: the first comes within {job.intervalSeconds} s.
      </Typography>
    );
  }
  const last = job.samples[job.samples.length - 1];
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="body2" data-testid="performance-latest" data-value={last.value ?? ''}>
        Last: {last.value ?? '—'}
        {last.error ? ` (${last.error})` : ''}
      </Typography>
      <LineChart
        skipAnimation
        height={180}
        xAxis={[{ scaleType: 'time', data: job.samples.map((s) => new Date(s.at)), valueFormatter: timeLabel }]}
        yAxis={job.metric === 'http_up' ? [{ min: 0, max: 1 }] : [{ min: 0 }]}
        series={[{ id: job.id, label: METRIC_LABELS[job.metric], data: job.samples.map((s) => s.value), showMark: job.samples.length < 30 }]}
        margin={{ left: 0, right: 16 }}
        hideLegend
      />
    </Box>
  );
};

const ThresholdForm = ({ jobId, onDone }: { jobId: string; onDone: () => void }) => {
  const notify = useNotify();
  const [operator, setOperator] = useState('<');
  const [value, setValue] = useState('1');
  const [severity, setSeverity] = useState<AlarmSeverity>('major');
  const save = useMutation({
    mutationFn: () => performanceApi.createThreshold({ jobId, operator, value: Number(value), severity }),
    onSuccess: onDone,
    onError: (err: Error) => notify(err.message, { type: 'error' }),
  });
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
      <TextField
        select
        size="small"
        fullWidth={false}
        label="When the value is"
        value={operator}
        onChange={(e) => setOperator(e.target.value)}
        sx={{ minWidth: 140 }}
      >
        {['<', '<=', '>', '>='].map((op) => (
          <MenuItem key={op} value={op}>
            {op}
          </MenuItem>
        ))}
      </TextField>
      <TextField size="small" fullWidth={false} label="Value" type="number" value={value} onChange={(e) => setValue(e.target.value)} sx={{ width: 110 }} />
      <TextField
        select
        size="small"
        fullWidth={false}
        label="Alarm"
        value={severity}
        onChange={(e) => setSeverity(e.target.value as AlarmSeverity)}
        sx={{ minWidth: 120 }}
      >
        {(['critical', 'major', 'minor', 'warning'] as const).map((s) => (
          <MenuItem key={s} value={s}>
            {s}
          </MenuItem>
        ))}
      </TextField>
      <Button size="small" onClick={() => save.mutate()} disabled={value.trim() === '' || save.isPending} data-testid="threshold-save">
        Add threshold
      </Button>
    </Stack>
  );
};

const JobCard = ({ job, refresh }: { job: PerformanceJob; refresh: () => void }) => {
  const notify = useNotify();
  const remove = useMutation({
    mutationFn: () => performanceApi.deleteJob(job.id),
    onSuccess: refresh,
    onError: (e: Error) => notify(e.message, { type: 'error' }),
  });
  const removeThreshold = useMutation({
    mutationFn: (id: string) => performanceApi.deleteThreshold(id),
    onSuccess: refresh,
    onError: (e: Error) => notify(e.message, { type: 'error' }),
  });
  return (
    <Box data-testid="performance-job" data-name={job.name} sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5, minWidth: 0 }}>
      <Stack direction="row" sx={{ alignItems: 'flex-start', justifyContent: 'space-between', gap: 1 }}>
        <Box sx={{ minWidth: 0 }}>
          <Typography variant="subtitle2">{job.name}</Typography>
          <Typography variant="caption" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
            {METRIC_LABELS[job.metric]} of {job.url}, every {job.intervalSeconds} s
          </Typography>
        </Box>
        <IconButton aria-label={`Delete ${job.name}`} onClick={() => remove.mutate()} disabled={remove.isPending}>
          <DeleteIcon fontSize="small" />
        </IconButton>
      </Stack>
      <JobChart job={job} />
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', my: 1 }}>
        {job.thresholds.map((t) => (
          <Chip
            key={t.id}
            size="small"
            data-testid="performance-threshold"
            data-crossed={t.crossed}
            color={t.crossed ? 'error' : 'default'}
            label={`${t.operator} ${t.value} → ${t.severity} alarm${t.crossed ? ' (crossed)' : ''}`}
            onDelete={() => removeThreshold.mutate(t.id)}
          />
        ))}
      </Stack>
      <ThresholdForm jobId={job.id} onDone={refresh} />
    </Box>
  );
};

const NewJobForm = ({ serviceId, onDone }: { serviceId: string; onDone: () => void }) => {
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [metric, setMetric] = useState<PerformanceMetric>('http_up');
  const [interval, setInterval] = useState('30');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const notify = useNotify();
  const save = useMutation({
    mutationFn: () => performanceApi.createJob({ serviceId, name, url, metric, intervalSeconds: Number(interval) }),
    onSuccess: () => {
      setErrors({});
      setName('');
      setUrl('');
      onDone();
    },
    onError: (err: Error) => {
      const fields = fieldErrors(err);
      setErrors(fields);
      if (Object.keys(fields).length === 0) notify(err.message, { type: 'error' });
    },
  });
  const missing = !name.trim() || !url.trim();
  return (
    <Stack spacing={1} component="form" aria-label="New performance job" onSubmit={(e) => e.preventDefault()}>
      <Typography variant="subtitle2">Add a performance job</Typography>
      <TextField
        size="small"
        label="Name"
        required
        fullWidth
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={!!errors.name}
        helperText={errors.name && `Name ${errors.name}`}
      />
      <TextField
        size="small"
        label="URL to probe"
        required
        fullWidth
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        placeholder="http://10.0.0.5:8080/health"
        error={!!errors.url}
        helperText={errors.url ? `The URL ${errors.url}` : 'Fetched with GET: up when it answers 2xx or 3xx within 5 s'}
      />
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <TextField
          select
          size="small"
          label="Metric"
          fullWidth={false}
          value={metric}
          onChange={(e) => setMetric(e.target.value as PerformanceMetric)}
          sx={{ width: 220, maxWidth: '100%' }}
        >
          {(Object.keys(METRIC_LABELS) as PerformanceMetric[]).map((m) => (
            <MenuItem key={m} value={m}>
              {METRIC_LABELS[m]}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          size="small"
          label="Every (seconds)"
          type="number"
          fullWidth={false}
          value={interval}
          onChange={(e) => setInterval(e.target.value)}
          error={!!errors.intervalSeconds}
          helperText={errors.intervalSeconds && `The interval ${errors.intervalSeconds}`}
          sx={{ width: 150 }}
        />
        <Button
          variant="outlined"
          startIcon={<AddIcon />}
          onClick={() => save.mutate()}
          disabled={missing || save.isPending}
          data-testid="performance-job-save"
          sx={{ mt: 1 }}
        >
          Add job
        </Button>
      </Stack>
    </Stack>
  );
};

export const PerformancePanel = ({ serviceId, active }: { serviceId: string; active: boolean }) => {
  const client = useQueryClient();
  const key = ['performanceJobs', serviceId];
  const { data: jobs = [] } = useQuery({ queryKey: key, queryFn: () => performanceApi.jobs(serviceId), refetchInterval: 5_000 });
  const refresh = () => void client.invalidateQueries({ queryKey: key });
  if (!active && jobs.length === 0) return null;
  return (
    <Card variant="outlined" data-testid="performance-panel">
      <CardContent>
        <Typography variant="subtitle1" component="h3" gutterBottom>
          Performance
        </Typography>
        <Stack spacing={2}>
          {jobs.map((job) => (
            <JobCard key={job.id} job={job} refresh={refresh} />
          ))}
          {active && <NewJobForm serviceId={serviceId} onDone={refresh} />}
        </Stack>
      </CardContent>
    </Card>
  );
};
