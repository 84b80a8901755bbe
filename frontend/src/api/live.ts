// Live updates over GraphQL subscriptions. Each watch function starts a subscription and returns
// the function that stops it (react-admin's data provider only carries Promise-returning methods).
import { EVENT_FIELDS, REQUEST_FIELDS } from '../dataProvider';
import type { JobEvent, LogChunk, ServiceRequest } from '../types';
import { subscribe } from './subscriptions';

type Stop = () => void;

export const watchRequest = (id: string, onUpdate: (request: ServiceRequest) => void, onError: (error: unknown) => void): Stop =>
  subscribe<{ serviceRequestUpdated: ServiceRequest }>(
    `subscription($id: ID!) { serviceRequestUpdated(id: $id) { ${REQUEST_FIELDS} } }`,
    { id },
    { next: (data) => onUpdate(data.serviceRequestUpdated), error: onError },
  );

export const watchJobLog = (
  jobId: string,
  offset: number,
  onChunk: (chunk: LogChunk) => void,
  onError: (error: unknown) => void,
): Stop =>
  subscribe<{ jobLog: LogChunk }>(
    `subscription($jobId: ID!, $offset: Int) { jobLog(jobId: $jobId, offset: $offset) { offset text } }`,
    { jobId, offset },
    { next: (data) => onChunk(data.jobLog), error: onError },
  );

export const watchJobEvents = (
  jobId: string,
  afterSeq: number,
  onEvent: (event: JobEvent) => void,
  onError: (error: unknown) => void,
): Stop =>
  subscribe<{ jobEvents: JobEvent }>(
    `subscription($jobId: ID!, $afterSeq: Int) { jobEvents(jobId: $jobId, afterSeq: $afterSeq) { ${EVENT_FIELDS} } }`,
    { jobId, afterSeq },
    { next: (data) => onEvent(data.jobEvents), error: onError },
  );
