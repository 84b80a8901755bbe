// The performance card of a service's page (its jobs: an HTTP probe on an interval, a metric read
// from one of the service's Kubernetes or OpenStack providers, or a number a playbook of its
// repository gives with set_stats, run on the service's placement) and of a provider's Performance tab
// (the provider's own jobs, read from its API): each job with a chart of the last hour and its
// thresholds (crossing one raises an alarm); add and delete both.
import { useState } from 'react';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Box, Button, Card, CardContent, Chip, IconButton, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { LineChart } from '@mui/x-charts/LineChart';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { HttpError, useGetMany, useNotify, usePermissions } from 'react-admin';
import { can } from '../authProvider';
import type { ApiErrorBody } from '../api/graphql';
import type { AlarmSeverity, PerformanceMetric } from '../gql/graphql';
import { HTTP_METRICS, jobTarget, METRIC_LABELS, METRIC_PROVIDER, performanceApi, type PerformanceJob, PLAYBOOK_MIN_INTERVAL } from './api';

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
        yAxis={
          job.metric === 'http_up' || job.metric === 'heat_stack_complete'
            ? [{ min: 0, max: 1 }]
            : // A playbook's number may be below 0; the others never are.
              [{ min: Math.min(0, ...job.samples.map((s) => s.value ?? 0)) }]
        }
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
            {METRIC_LABELS[job.metric]} of {jobTarget(job)}, every {job.intervalSeconds} s
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

/** What the jobs are about: a service (with its providers), or a provider itself. */
export type PerformanceTarget = { serviceId: string; providerIds: string[] } | { providerId: string; providerName: string; providerType: string };

const NewJobForm = ({ target, onDone }: { target: PerformanceTarget; onDone: () => void }) => {
  const serviceId = 'serviceId' in target ? target.serviceId : null;
  const providerIds = 'serviceId' in target ? target.providerIds : [];
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [metric, setMetric] = useState<PerformanceMetric>(
    'serviceId' in target ? 'http_up' : target.providerType === 'kubernetes' ? 'k8s_ready_replicas' : 'heat_stack_complete',
  );
  const [providerId, setProviderId] = useState('');
  const [namespace, setNamespace] = useState('');
  const [deployment, setDeployment] = useState('');
  const [stack, setStack] = useState('');
  const [playbook, setPlaybook] = useState('');
  const [stat, setStat] = useState('');
  const [interval, setInterval] = useState('30');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const notify = useNotify();
  const { permissions } = usePermissions();
  // The service's providers: a metric read from a provider's API is offered when one can answer it.
  const { data: serviceProviders = [] } = useGetMany<{ id: string; name: string; type: string }>(
    'providers',
    { ids: providerIds },
    { enabled: providerIds.length > 0 },
  );
  // A provider's own jobs read that provider only.
  const providers = 'serviceId' in target ? serviceProviders : [{ id: target.providerId, name: target.providerName, type: target.providerType }];

  const readsProvider = METRIC_PROVIDER[metric];
  const probes = HTTP_METRICS.includes(metric);
  const runsPlaybook = metric === 'playbook_stat';
  const chooseMetric = (m: PerformanceMetric) => {
    setMetric(m);
    // Each sample of a playbook is a run: a minute at least between two.
    if (m === 'playbook_stat' && Number(interval) < PLAYBOOK_MIN_INTERVAL) setInterval(String(PLAYBOOK_MIN_INTERVAL));
  };
  const candidates = providers.filter((p) => p.type === readsProvider);
  const metrics = (Object.keys(METRIC_LABELS) as PerformanceMetric[])
    .filter((m) => serviceId !== null || METRIC_PROVIDER[m])
    // A playbook job is an operator's (providers:write): a requester is not offered it.
    .filter((m) => m !== 'playbook_stat' || can(permissions, 'providers:write'))
    .filter((m) => !METRIC_PROVIDER[m] || providers.some((p) => p.type === METRIC_PROVIDER[m]));
  const chosenProvider = providerId || (candidates.length === 1 ? candidates[0].id : '');
  const save = useMutation({
    mutationFn: () => {
      const common = {
        name,
        metric,
        intervalSeconds: Number(interval),
        ...(readsProvider === 'kubernetes' ? { namespace, deployment } : {}),
        ...(readsProvider === 'openstack' ? { stack } : {}),
      };
      const made: Promise<unknown> =
        serviceId === null
          ? performanceApi.createProviderJob({ ...common, providerId: chosenProvider })
          : performanceApi.createJob({
              ...common,
              serviceId,
              ...(probes ? { url } : runsPlaybook ? { playbook, stat } : { providerId: chosenProvider }),
            });
      return made;
    },
    onSuccess: () => {
      setErrors({});
      setName('');
      setUrl('');
      setDeployment('');
      setStack('');
      setPlaybook('');
      setStat('');
      onDone();
    },
    onError: (err: Error) => {
      const fields = fieldErrors(err);
      setErrors(fields);
      if (Object.keys(fields).length === 0) notify(err.message, { type: 'error' });
    },
  });
  const missing =
    !name.trim() ||
    (probes && !url.trim()) ||
    (runsPlaybook && (!playbook.trim() || !stat.trim())) ||
    (readsProvider !== undefined && !chosenProvider) ||
    (readsProvider === 'kubernetes' && !deployment.trim()) ||
    (readsProvider === 'openstack' && !stack.trim());
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
      <TextField select size="small" label="Metric" fullWidth value={metric} onChange={(e) => chooseMetric(e.target.value as PerformanceMetric)}>
        {metrics.map((m) => (
          <MenuItem key={m} value={m}>
            {METRIC_LABELS[m]}
          </MenuItem>
        ))}
      </TextField>
      {runsPlaybook ? (
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <TextField
            size="small"
            label="Playbook"
            required
            value={playbook}
            onChange={(e) => setPlaybook(e.target.value)}
            placeholder="measure/load.yml"
            error={!!errors.playbook}
            helperText={
              errors.playbook ? `The playbook ${errors.playbook}` : 'A playbook of the service’s repository, run on its hosts; the service is not changed'
            }
            sx={{ flex: '2 1 260px', maxWidth: '100%' }}
          />
          <TextField
            size="small"
            label="Stat"
            required
            value={stat}
            onChange={(e) => setStat(e.target.value)}
            placeholder="load"
            error={!!errors.stat}
            helperText={errors.stat ? `The stat ${errors.stat}` : 'The set_stats key whose number is the sample'}
            sx={{ flex: '1 1 160px', maxWidth: '100%' }}
          />
        </Stack>
      ) : probes ? (
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
      ) : serviceId === null ? null : (
        <TextField
          select
          size="small"
          label="Provider"
          required
          fullWidth
          value={chosenProvider}
          onChange={(e) => setProviderId(e.target.value)}
          error={!!errors.providerId}
          helperText={errors.providerId ? `The provider ${errors.providerId}` : 'One of this service’s providers: its API is read'}
        >
          {candidates.map((p) => (
            <MenuItem key={p.id} value={p.id}>
              {p.name} ({p.type})
            </MenuItem>
          ))}
        </TextField>
      )}
      {readsProvider === 'kubernetes' && (
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <TextField
            size="small"
            label="Namespace"
            value={namespace}
            placeholder="default"
            onChange={(e) => setNamespace(e.target.value)}
            error={!!errors.namespace}
            helperText={errors.namespace && `The namespace ${errors.namespace}`}
            sx={{ width: 180, maxWidth: '100%' }}
          />
          <TextField
            size="small"
            label="Deployment"
            required
            value={deployment}
            onChange={(e) => setDeployment(e.target.value)}
            error={!!errors.deployment}
            helperText={errors.deployment ? `The Deployment ${errors.deployment}` : 'Its ready replicas are the metric'}
            sx={{ width: 220, maxWidth: '100%' }}
          />
        </Stack>
      )}
      {readsProvider === 'openstack' && (
        <TextField
          size="small"
          label="Stack name"
          required
          fullWidth
          value={stack}
          onChange={(e) => setStack(e.target.value)}
          error={!!errors.stack}
          helperText={errors.stack ? `The stack ${errors.stack}` : '1 while the stack is *_COMPLETE, else 0'}
        />
      )}
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
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

export const PerformancePanel = ({ target, active }: { target: PerformanceTarget; active: boolean }) => {
  const client = useQueryClient();
  const key = ['performanceJobs', 'serviceId' in target ? target.serviceId : target.providerId];
  const { data: jobs = [] } = useQuery({
    queryKey: key,
    queryFn: () => ('serviceId' in target ? performanceApi.jobs(target.serviceId) : performanceApi.providerJobs(target.providerId)),
    refetchInterval: 5_000,
  });
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
          {active && <NewJobForm target={target} onDone={refresh} />}
        </Stack>
      </CardContent>
    </Card>
  );
};
