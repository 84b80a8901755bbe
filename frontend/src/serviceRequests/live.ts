// Live updates over GraphQL subscriptions. Each watch function starts a subscription and returns
// the function that stops it (react-admin's data provider only carries Promise-returning methods).
import { subscribe } from '../api/subscriptions';
import { graphql } from '../gql';
import type { JobLogSubscription as JobLogResult } from '../gql/graphql';
import { asServiceRequest, type JobEvent, type ServiceRequest } from './api';

const ServiceRequestUpdatedSubscription = graphql(`
  subscription ServiceRequestUpdated($id: ID!) {
    serviceRequestUpdated(id: $id) {
      ...RequestFields
    }
  }
`);
const JobLogSubscription = graphql(`
  subscription JobLog($jobId: ID!, $offset: Int) {
    jobLog(jobId: $jobId, offset: $offset) {
      offset
      text
    }
  }
`);
const JobEventsSubscription = graphql(`
  subscription JobEventsLive($jobId: ID!, $afterSeq: Int) {
    jobEvents(jobId: $jobId, afterSeq: $afterSeq) {
      ...JobEventFields
    }
  }
`);

/** A piece of a job's stdout starting at a character offset. */
export type LogChunk = JobLogResult['jobLog'];

type Stop = () => void;

export const watchRequest = (id: string, onUpdate: (request: ServiceRequest) => void, onError: (error: unknown) => void): Stop =>
  subscribe(ServiceRequestUpdatedSubscription, { id }, { next: (data) => onUpdate(asServiceRequest(data.serviceRequestUpdated)), error: onError });

export const watchJobLog = (jobId: string, offset: number, onChunk: (chunk: LogChunk) => void, onError: (error: unknown) => void): Stop =>
  subscribe(JobLogSubscription, { jobId, offset }, { next: (data) => onChunk(data.jobLog), error: onError });

export const watchJobEvents = (jobId: string, afterSeq: number, onEvent: (event: JobEvent) => void, onError: (error: unknown) => void): Stop =>
  subscribe(JobEventsSubscription, { jobId, afterSeq }, { next: (data) => onEvent(data.jobEvents), error: onError });
