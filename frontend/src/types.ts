// Domain types as served by the GraphQL API (see backend/schema.gql).
import type { Dialog, DialogValues } from './dialogs/types';

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
  /** The catalog (folder) it is shown in. */
  catalog: string;
  /** Markdown. */
  longDescription: string | null;
  /** A Material icon name (`account_tree`) or an https:// image URL. */
  icon: string | null;
  published: boolean;
  /** ansible_playbook or bundle. */
  type: string;
  dialog: Dialog;
}

/** A catalog (folder) with the number of published items in it. */
export interface ServiceCatalog {
  name: string;
  count: number;
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

/** One child item of a bundle request: one playbook run, in its index's turn. */
export interface RequestItem {
  id: string;
  name: string;
  /** Items of one index run in parallel; indexes run in ascending order. */
  index: number;
  /** pending, queued, running, successful, failed or canceled. */
  status: string;
  /** Its latest job. */
  jobId: string | null;
  playbook: string;
  commit: string;
  /** Multi-site bundles: the site this item deploys; null otherwise. */
  site: string | null;
  outputs: JsonValue | null;
  message: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

/** entered, ok, retry, error, resumed or hook. */
export type TransitionEvent = 'entered' | 'ok' | 'retry' | 'error' | 'resumed' | 'hook';

/** A step of a bundle request's state machine. */
export interface RequestTransition {
  state: string;
  event: TransitionEvent | string;
  attempt: number;
  message: string | null;
  at: string;
}

/** What a bundle request does: provision, retire a service, or roll back what a failed request deployed. */
export type RequestAction = 'provision' | 'retire' | 'reconfigure' | 'rollback';

/** A bundle request's state machine (pinned when it was ordered) and purpose. */
export interface RequestMachine {
  name: string;
  /** Every state, in order. */
  states: { name: string; method: string }[];
  action: RequestAction | string;
  /** retire: the service it retires. */
  serviceId: string | null;
  /** rollback: the failed request whose items it undoes. */
  rollbackOf: string | null;
  /** keep or rollback: what happens to what was deployed when an item fails. */
  onFailure: string;
}

export interface ServiceRequest {
  id: string;
  status: RequestStatus;
  /** Bundles: the machine's current state (or the one that failed); null for a single playbook. */
  state: string | null;
  /** Bundles: retries so far in the current state. */
  stateAttempt: number;
  /** Bundles: the child items. */
  items: RequestItem[];
  /** Bundles: the machine's history, oldest first. */
  transitions: RequestTransition[];
  /** Bundles: the machine and what it does (read by id and pushed live; absent from list rows). */
  machine?: RequestMachine | null;
  message: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
  dialogValues: JsonObject;
  /** `dialog` is present on a request read by id, absent from list rows. */
  template: (Pick<ServiceTemplate, 'id' | 'name'> & { type?: string; dialog?: Dialog }) | null;
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
  /** Every provider it was deployed on (a multi-site service has several), first one first. */
  providerIds: string[];
  /** The values it has now (secrets masked) and the fields a reconfiguration may change (none: it cannot be reconfigured). */
  configuration: { dialog: string | null; values: DialogValues; reconfigurableFields: string[] };
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
  /** Hosted by the portal: pushed to at `cloneUrl` instead of fetched from `url`. */
  hosted: boolean;
  /** A disabled repository is neither refreshed nor ordered from. */
  enabled: boolean;
  /** Refreshed before a run when the last refresh is older than this; null: never. */
  refreshMaxAgeSeconds: number | null;
  /** Refreshed on a schedule, every this many seconds; null: no schedule. */
  refreshIntervalSeconds: number | null;
  /** For hosted repositories: the URL to clone and push, with an API token as the password. */
  cloneUrl: string | null;
  /** The payload URL for git hosts when webhooks are on; null when they are off. */
  webhookUrl: string | null;
  playbooks: Playbook[];
  /** Latest refreshes, newest first; present on a repo read by id, absent from list rows. */
  refreshes?: GitRefresh[];
}

export const SYNTAX_STATUSES = ['pending', 'ok', 'failed'] as const;
export type SyntaxStatus = (typeof SYNTAX_STATUSES)[number];

/** A playbook found at a repository's recorded commit, with its `ansible-playbook --syntax-check` status. */
export interface Playbook {
  path: string;
  syntaxStatus: SyntaxStatus;
  /** Ansible's message when the syntax check failed. */
  syntaxError: string | null;
}

/** What enableGitWebhook returns: the secret is shown this once. */
export interface GitWebhook {
  url: string;
  secret: string;
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

/** What createGitRepo / updateGitRepo take (hosted on create only, enabled on update only). */
export interface GitRepoInput {
  name: string;
  url: string;
  branch: string;
  hosted: boolean;
  enabled: boolean;
  refreshMaxAgeSeconds: number | null;
  refreshIntervalSeconds: number | null;
}

/** A named API token, for scripts and `git push`; the token itself is shown once, when created. */
export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  /** Null: valid until revoked. */
  expiresAt: string | null;
  lastUsedAt: string | null;
}

export interface CreatedApiToken {
  /** Shown once: never returned again. */
  token: string;
  apiToken: ApiToken;
}

export const PROVIDER_TYPES = ['local', 'ssh', 'openstack', 'kubernetes'] as const;
export type ProviderType = (typeof PROVIDER_TYPES)[number];

/** unknown, up or down: the last health check. */
export type HealthStatus = 'unknown' | 'up' | 'down';

export interface SshHost {
  name: string;
  address: string;
  port?: number;
  variables?: JsonObject;
}

/** Type-specific settings, never secrets: ssh `{ hosts, user, sshArgs, variables }`, openstack
 * `{ authUrl, region, interface }`, kubernetes `{ apiUrl, namespace }`, local `{ variables }`. */
export interface ProviderConfig {
  hosts?: SshHost[];
  user?: string;
  sshArgs?: string;
  authUrl?: string;
  region?: string;
  interface?: 'public' | 'internal' | 'admin';
  apiUrl?: string;
  namespace?: string;
  variables?: JsonObject;
}

/** One health check; `changed` marks an alarm (went down, or came back up). */
export interface ProviderHealthCheck {
  providerId: string;
  status: HealthStatus | string;
  message: string | null;
  latencyMs: number | null;
  changed: boolean;
  checkedAt: string;
}

export interface Provider {
  id: string;
  name: string;
  type: ProviderType;
  config: ProviderConfig;
  /** The credential runs connect with. */
  credentialId: string | null;
  /** The become_password credential (ssh, local). */
  becomeCredentialId: string | null;
  healthStatus: HealthStatus | string;
  healthMessage: string | null;
  healthCheckedAt: string | null;
  createdAt: string;
  /** On a provider read by id: the inventory its runs get (no secrets). */
  inventory?: JsonValue;
  /** On a provider read by id: its latest health checks, newest first. */
  healthHistory?: ProviderHealthCheck[];
  /** On a provider read by id: what it holds, as last read (Kubernetes and OpenStack; null until read). */
  resources?: KubernetesResources | OpenStackResources | null;
  resourcesRefreshedAt?: string | null;
}

/** What a Kubernetes provider holds, as last read. */
export interface KubernetesResources {
  namespaces?: string[];
  /** `replicas` is null when the deployment names none. */
  deployments?: { namespace: string; name: string; replicas: number | null; ready: number }[];
  /** `address`: the load balancer's IP or host name, when it has one. */
  services?: { namespace: string; name: string; type: string; address: string | null; ports: number[] }[];
}

/** What an OpenStack provider's project holds, as last read. */
export interface OpenStackResources {
  stacks?: { id: string; name: string; status: string; reason: string | null; createdAt: string | null }[];
  servers?: { id: string; name: string; status: string; addresses: string[] }[];
  /** Services the cloud does not have, e.g. 'compute (Nova)': nothing of that kind is listed. */
  missing?: string[];
}

/** What createProvider / updateProvider take (type on create only; a null credential removes it). */
export interface ProviderInput {
  name?: string;
  type?: ProviderType;
  config?: ProviderConfig;
  credentialId?: string | null;
  becomeCredentialId?: string | null;
}

export const isTerminalRequestStatus = (status: RequestStatus): boolean =>
  status === 'finished' || status === 'failed' || status === 'canceled';

export const isTerminalJobStatus = (status: JobStatus): boolean =>
  status === 'successful' || status === 'failed' || status === 'error' || status === 'canceled';
