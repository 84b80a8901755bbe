// Performance jobs over GraphQL: a service's jobs with their thresholds and samples, created and deleted.
import { graphqlRequest } from '../api/graphql';
import { graphql } from '../gql';
import type { AlarmSeverity, PerformanceJobsQuery, PerformanceMetric } from '../gql/graphql';

const PerformanceJobsDocument = graphql(`
  query PerformanceJobs($serviceId: ID!, $minutes: Int!) {
    performanceJobs(serviceId: $serviceId) {
      id
      name
      metric
      url
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
  }
`);
const CreatePerformanceJobDocument = graphql(`
  mutation CreatePerformanceJob($input: CreatePerformanceJobInput!) {
    createPerformanceJob(input: $input) {
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

export const METRIC_LABELS: Record<PerformanceMetric, string> = { http_up: 'Up (1) or down (0)', http_latency_ms: 'Answer time (ms)' };

export const performanceApi = {
  jobs: async (serviceId: string, minutes = 60) => (await graphqlRequest(PerformanceJobsDocument, { serviceId, minutes })).performanceJobs,
  createJob: (input: { serviceId: string; name: string; metric: PerformanceMetric; url: string; intervalSeconds: number }) =>
    graphqlRequest(CreatePerformanceJobDocument, { input }),
  deleteJob: (id: string) => graphqlRequest(DeletePerformanceJobDocument, { id }),
  createThreshold: (input: { jobId: string; operator: string; value: number; severity: AlarmSeverity }) =>
    graphqlRequest(CreatePerformanceThresholdDocument, { input }),
  deleteThreshold: (id: string) => graphqlRequest(DeletePerformanceThresholdDocument, { id }),
};
