// Domain types as served by the GraphQL API (see backend/schema.gql).
import type { Dialog } from './dialogs/types';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface User {
  id: string;
  username: string;
}

export interface ServiceTemplate {
  id: string;
  name: string;
  description: string | null;
  type: string;
  dialog: Dialog;
}

export const REQUEST_STATUSES = ['pending', 'queued', 'running', 'finished', 'failed', 'canceled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const JOB_STATUSES = [
  'new',
  'pending',
  'waiting',
  'running',
  'successful',
  'failed',
  'error',
  'canceled',
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface Job {
  id: string;
  status: JobStatus;
  playbook: string;
  commit: string | null;
  returnCode: number | null;
  startedAt: string | null;
  finishedAt: string | null;
  /** When a cancel was asked for; the job ends `canceled` soon after. */
  cancelRequestedAt: string | null;
  artifacts: JsonValue | null;
  /** Events stored. */
  eventCount: number;
  /** Events Ansible emitted; null while it runs. */
  eventsEmitted: number | null;
  /** Whether every event Ansible emitted was stored; null until the run has ended. */
  eventsComplete: boolean | null;
  /** Ansible's recap per host, once the run has ended. */
  hostSummaries: HostSummary[];
  /** When retention removed the job's events and log (then stdout is '' and there are no events). */
  outputPurgedAt: string | null;
}

export interface HostSummary {
  host: string;
  ok: number;
  changed: number;
  failures: number;
  unreachable: number;
  skipped: number;
  rescued: number;
  ignored: number;
}

export interface JobEvent {
  seq: number;
  event: string;
  host: string | null;
  task: string | null;
  play: string | null;
  changed: boolean;
  failed: boolean;
  stdout: string | null;
  createdAt: string;
}

export interface LogChunk {
  offset: number;
  text: string;
}

export interface ServiceSummary {
  id: string;
  name: string;
  status: string;
  outputs: JsonValue;
}

export interface ServiceRequest {
  id: string;
  status: RequestStatus;
  message: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
  dialogValues: JsonObject;
  /** `dialog` is present on a request read by id, absent from list rows. */
  template: (Pick<ServiceTemplate, 'id' | 'name'> & { dialog?: Dialog }) | null;
  requester: User | null;
  jobs: Job[];
  service: ServiceSummary | null;
}

export interface Service {
  id: string;
  name: string;
  status: string;
  outputs: JsonValue;
  createdAt: string;
  request: Pick<ServiceRequest, 'id' | 'status'> & { template: Pick<ServiceTemplate, 'id' | 'name'> | null } | null;
  owner: User | null;
}

export interface GitRepo {
  id: string;
  name: string;
  url: string;
  branch: string;
  commit: string | null;
  lastRefreshedAt: string | null;
  /** never, running, successful or failed. */
  refreshStatus: string | null;
  refreshError: string | null;
  builtin: boolean;
  playbooks: { path: string }[];
  /** Latest refreshes, newest first; present on a repo read by id, absent from list rows. */
  refreshes?: GitRefresh[];
}

export interface GitRefresh {
  id: string;
  /** running, successful, unchanged (the remote branch had not moved) or failed. */
  status: string;
  commit: string | null;
  previousCommit: string | null;
  durationMs: number | null;
  error: string | null;
  /** Playbook paths that appeared, changed content, or went away. */
  added: string[];
  changed: string[];
  removed: string[];
  startedAt: string;
  finishedAt: string | null;
}

/** What createGitRepo / updateGitRepo take. */
export interface GitRepoInput {
  name: string;
  url: string;
  branch: string;
}

export interface Provider {
  id: string;
  name: string;
  type: string;
  createdAt: string;
}

export const isTerminalRequestStatus = (status: RequestStatus): boolean =>
  status === 'finished' || status === 'failed' || status === 'canceled';

export const isTerminalJobStatus = (status: JobStatus): boolean =>
  status === 'successful' || status === 'failed' || status === 'error' || status === 'canceled';
