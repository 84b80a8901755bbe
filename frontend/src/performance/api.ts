// Performance jobs over GraphQL: a service's jobs with their thresholds and samples, created and deleted.
import { graphqlRequest } from '../api/graphql';
import { graphql } from '../gql';
import type { AlarmSeverity, PerformanceJobsQuery, PerformanceMetric } from '../gql/graphql';

// One job's fields, read by both lists (a service's jobs, a provider's own); `$minutes` is each query's.
graphql(`
  fragment PerformanceJobFields on PerformanceJob {
    id
    name
    metric
    url
    providerId
    namespace
    deployment
    stack
    playbook
    stat
    intervalSeconds
    thresholds {
      id
      operator
      value
      severity
      crossed
    }
    samples(minutes: $minutes) {
      at
      value
      error
    }
  }
`);
const PerformanceJobsDocument = graphql(`
  query PerformanceJobs($serviceId: ID!, $minutes: Int!) {
    performanceJobs(serviceId: $serviceId) {
      ...PerformanceJobFields
    }
  }
`);
const ProviderPerformanceJobsDocument = graphql(`
  query ProviderPerformanceJobs($providerId: ID!, $minutes: Int!) {
    providerPerformanceJobs(providerId: $providerId) {
      ...PerformanceJobFields
    }
  }
`);
const CreatePerformanceJobDocument = graphql(`
  mutation CreatePerformanceJob($input: CreatePerformanceJobInput!) {
    createPerformanceJob(input: $input) {
      id
    }
  }
`);
const CreateProviderPerformanceJobDocument = graphql(`
  mutation CreateProviderPerformanceJob($input: CreateProviderPerformanceJobInput!) {
    createProviderPerformanceJob(input: $input) {
      id
    }
  }
`);
const DeletePerformanceJobDocument = graphql(`
  mutation DeletePerformanceJob($id: ID!) {
    deletePerformanceJob(id: $id)
  }
`);
const CreatePerformanceThresholdDocument = graphql(`
  mutation CreatePerformanceThreshold($input: CreatePerformanceThresholdInput!) {
    createPerformanceThreshold(input: $input) {
      id
    }
  }
`);
const DeletePerformanceThresholdDocument = graphql(`
  mutation DeletePerformanceThreshold($id: ID!) {
    deletePerformanceThreshold(id: $id)
  }
`);

export type PerformanceJob = PerformanceJobsQuery['performanceJobs'][number];

export const METRIC_LABELS: Record<PerformanceMetric, string> = {
  http_up: 'Up (1) or down (0)',
  http_latency_ms: 'Answer time (ms)',
  k8s_ready_replicas: 'Ready replicas (Kubernetes)',
  heat_stack_complete: 'Stack complete (Heat)',
  playbook_stat: 'Playbook (set_stats)',
};

/** The provider type a metric reads, for the metrics read from a provider's API. */
export const METRIC_PROVIDER: Partial<Record<PerformanceMetric, string>> = { k8s_ready_replicas: 'kubernetes', heat_stack_complete: 'openstack' };

export interface NewPerformanceJob {
  serviceId: string;
  name: string;
  metric: PerformanceMetric;
  intervalSeconds: number;
  url?: string;
  providerId?: string;
  namespace?: string;
  deployment?: string;
  stack?: string;
  playbook?: string;
  stat?: string;
}

/** The metrics an HTTP probe gives (a URL to probe). */
export const HTTP_METRICS: PerformanceMetric[] = ['http_up', 'http_latency_ms'];
/** A playbook runs each sample: not more often than this. */
export const PLAYBOOK_MIN_INTERVAL = 60;

/** What a job measures, in words: "Ready replicas (Kubernetes) of shop/web", "Playbook (set_stats) of load from measure/load.yml". */
export const jobTarget = (job: PerformanceJob): string =>
  job.metric === 'k8s_ready_replicas'
    ? `${job.namespace}/${job.deployment}`
    : job.metric === 'heat_stack_complete'
      ? `stack ${job.stack}`
      : job.metric === 'playbook_stat'
        ? `${job.stat} from ${job.playbook}`
        : (job.url ?? '');

export const performanceApi = {
  jobs: async (serviceId: string, minutes = 60) => (await graphqlRequest(PerformanceJobsDocument, { serviceId, minutes })).performanceJobs,
  providerJobs: async (providerId: string, minutes = 60) =>
    (await graphqlRequest(ProviderPerformanceJobsDocument, { providerId, minutes })).providerPerformanceJobs,
  createJob: (input: NewPerformanceJob) => graphqlRequest(CreatePerformanceJobDocument, { input }),
  createProviderJob: (input: Omit<NewPerformanceJob, 'serviceId' | 'url'> & { providerId: string }) =>
    graphqlRequest(CreateProviderPerformanceJobDocument, { input }),
  deleteJob: (id: string) => graphqlRequest(DeletePerformanceJobDocument, { id }),
  createThreshold: (input: { jobId: string; operator: string; value: number; severity: AlarmSeverity }) =>
    graphqlRequest(CreatePerformanceThresholdDocument, { input }),
  deleteThreshold: (id: string) => graphqlRequest(DeletePerformanceThresholdDocument, { id }),
};
