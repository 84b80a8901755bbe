/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AlarmFilter = {
  kinds?: Array<AlarmKind> | null | undefined;
  /** true: open alarms only; false: cleared only; absent: both. */
  open?: boolean | null | undefined;
  severities?: Array<AlarmSeverity> | null | undefined;
};

/** request_failed: an order, retirement, reconfiguration or rollback failed; provider_down: a health check failed; worker_lost: a worker died mid-run; queue_backlog: a queue's oldest waiting job has waited longer than ALARM_QUEUE_WAIT_SECONDS (no worker takes its work); threshold_crossed: a performance job's metric crossed a threshold (cleared when it is back). */
export type AlarmKind =
  | 'provider_down'
  | 'queue_backlog'
  | 'request_failed'
  | 'threshold_crossed'
  | 'worker_lost';

/** critical, major, minor or warning. */
export type AlarmSeverity =
  | 'critical'
  | 'major'
  | 'minor'
  | 'warning';

/** Every field given must match (and). */
export type AuditFilter = {
  /** Exactly this action, e.g. createProvider, login.failed, git.push. */
  action?: string | null | undefined;
  /** The username contains this (any case). */
  actor?: string | null | undefined;
  /** At or after this time. */
  from?: string | null | undefined;
  objectId?: string | null | undefined;
  objectType?: string | null | undefined;
  outcome?: AuditOutcome | null | undefined;
  /** At or before this time. */
  to?: string | null | undefined;
};

/** success; failure (it was tried and failed: see errorCode); denied (UNAUTHENTICATED or FORBIDDEN: it was not tried). */
export type AuditOutcome =
  | 'denied'
  | 'failure'
  | 'success';

export type CreateCredentialInput = {
  /** Non-secret fields of the type, as { field: "text" }. */
  inputs?: unknown;
  /** A name of your choice: letters, digits, . _ - */
  name: string;
  /** Secret fields of the type, as { field: "text" }; encrypted, never returned. */
  secrets?: unknown;
  /** The tenant it belongs to (yours when left out); only providers of that tenant may use it. */
  tenantId?: string | null | undefined;
  /** One of credentialTypes, e.g. ssh_key. */
  type: string;
};

export type CreateGitRepoInput = {
  branch?: string | null | undefined;
  /** A git_token (https) or git_ssh_key (ssh) credential to fetch with. */
  credentialId?: string | null | undefined;
  /** Host the repository in the portal: push to it over HTTP instead of fetching from elsewhere. */
  hosted?: boolean;
  /** A name of your choice: letters, digits, . _ - */
  name: string;
  /** Refresh on a schedule, every this many seconds (at least 60). */
  refreshIntervalSeconds?: number | null | undefined;
  /** Refresh before a run when the last refresh is older than this many seconds (0: before every run). */
  refreshMaxAgeSeconds?: number | null | undefined;
  /** The tenant it belongs to (yours when left out). */
  tenantId?: string | null | undefined;
  /** https://host/path, ssh://host/path, user@host:path or file:///path; leave empty for a hosted repository. */
  url?: string | null | undefined;
};

export type CreatePerformanceJobInput = {
  /** k8s_ready_replicas: the Deployment’s name. */
  deployment?: string | null | undefined;
  /** Seconds between samples, 5 to 86400 (playbook_stat: 60 or more). */
  intervalSeconds: number;
  metric: PerformanceMetric;
  name: string;
  /** k8s_ready_replicas: the namespace (default: default). */
  namespace?: string | null | undefined;
  /** playbook_stat: a playbook of the service’s repository at the commit the service runs (e.g. measure/load.yml), run on its placement each interval. */
  playbook?: string | null | undefined;
  /** k8s_ready_replicas, heat_stack_complete: one of the service’s providers, of the type the metric reads. */
  providerId?: string | null | undefined;
  serviceId: string;
  /** heat_stack_complete: the stack’s name. */
  stack?: string | null | undefined;
  /** playbook_stat: the set_stats key whose value (a number) is the sample: a plain identifier. */
  stat?: string | null | undefined;
  /** http_up, http_latency_ms: the http(s) URL to probe; refused when it resolves to a loopback or link-local address (PROBE_ALLOW_LOOPBACK allows loopback). */
  url?: string | null | undefined;
};

export type CreatePerformanceThresholdInput = {
  jobId: string;
  /** >, >=, < or <=. */
  operator: string;
  severity?: AlarmSeverity;
  value: number;
};

export type CreateProviderPerformanceJobInput = {
  /** k8s_ready_replicas: the Deployment’s name. */
  deployment?: string | null | undefined;
  /** Seconds between samples, 5 to 86400. */
  intervalSeconds: number;
  /** k8s_ready_replicas or heat_stack_complete. */
  metric: PerformanceMetric;
  name: string;
  /** k8s_ready_replicas: the namespace (default: default). */
  namespace?: string | null | undefined;
  /** The provider, of the type the metric reads (kubernetes for k8s_ready_replicas, openstack for heat_stack_complete). */
  providerId: string;
  /** heat_stack_complete: the stack’s name. */
  stack?: string | null | undefined;
};

/** A scheduled operation: what (an order, a heal, a retirement) and when (runAt, or cron with a time zone). */
export type CreateScheduledOperationInput = {
  action: ScheduleAction;
  /** Repeatedly: a five-field cron expression (minute hour day month weekday), e.g. "0 2 * * *". */
  cron?: string | null | undefined;
  /** order: the dialog values, validated now as an order would be. */
  dialogValues?: unknown;
  /** False: created paused. */
  enabled?: boolean | null | undefined;
  /** order: ansible-playbook options the item allows. */
  jobOptions?: JobOptionsInput | null | undefined;
  name: string;
  /** Once, at this date (in the future). Give runAt or cron, not both. */
  runAt?: string | null | undefined;
  /** heal, retire: the service. */
  serviceId?: string | null | undefined;
  /** order: the catalog item. */
  templateId?: string | null | undefined;
  /** The IANA time zone the cron expression is read in (UTC when left out). */
  timezone?: string | null | undefined;
};

export type CreateUserInput = {
  displayName?: string | null | undefined;
  email?: string | null | undefined;
  /** The groups to put the user in (their roles are the user’s). */
  groupIds?: Array<string> | null | undefined;
  /** At least 10 characters, not a common password. The user must change it at first sign-in. */
  password: string;
  /** The tenant the user belongs to (the root when left out). */
  tenantId?: string | null | undefined;
  /** Letters, digits, ".", "_", "-" and "@"; 1 to 64 characters; unique. */
  username: string;
};

/** MANAGEIQ: a ManageIQ service dialog export (YAML). AWX_SURVEY: an AWX job template survey spec (JSON). */
export type DialogImportFormat =
  | 'AWX_SURVEY'
  | 'MANAGEIQ';

export type GroupInput = {
  description?: string | null | undefined;
  /** Its members (replaces the list). */
  memberIds?: Array<string> | null | undefined;
  /** 1 to 100 characters; unique. */
  name: string;
  /** Roles its members get: administrator, operator, designer, approver, requester, auditor. */
  roles: Array<string>;
  /** The tenant its roles apply in, with every tenant below (the root when left out). */
  tenantId?: string | null | undefined;
};

/** online: its heartbeat is fresh; lost: no heartbeat for longer than a run lease (15 s: the process died or cannot reach the database); stopped: it stopped cleanly. */
export type InstanceState =
  | 'lost'
  | 'online'
  | 'stopped';

export type InventoryInput = {
  description?: string | null | undefined;
  name?: string | null | undefined;
  sites?: Array<InventorySiteInput> | null | undefined;
  /** The tenant it belongs to (yours when left out; create only). */
  tenantId?: string | null | undefined;
};

export type InventorySiteInput = {
  hosts?: Array<string> | null | undefined;
  name: string;
  providerId: string;
  variables?: unknown;
};

/** ansible-playbook options for this order; only those the catalog item allows. */
export type JobOptionsInput = {
  /** Check mode (--check): report what would change. */
  check?: boolean | null | undefined;
  diff?: boolean | null | undefined;
  forks?: number | null | undefined;
  /** Host pattern (--limit). */
  limit?: string | null | undefined;
  skipTags?: Array<string> | null | undefined;
  tags?: Array<string> | null | undefined;
  /** 0 to 4 (-v to -vvvv). */
  verbosity?: number | null | undefined;
};

/** AWX's job statuses. */
export type JobStatus =
  | 'canceled'
  | 'error'
  | 'failed'
  | 'new'
  | 'pending'
  | 'running'
  | 'successful'
  | 'waiting';

/** in_app (the bell), email (to your address), webhook (a signed POST to an endpoint). */
export type NotificationChannel =
  | 'email'
  | 'in_app'
  | 'webhook';

/** What one may subscribe to: REQUEST_FINISHED, REQUEST_FAILED, REQUEST_AWAITING_APPROVAL, REQUEST_DENIED, SERVICE_RETIRING_SOON, ALARM_RAISED, ALARM_CLEARED, CATALOG_ITEM_CHANGED, REPOSITORY_REFRESHED, VNF_PACKAGE_CHANGED. */
export type NotificationEvent =
  | 'ALARM_CLEARED'
  | 'ALARM_RAISED'
  | 'CATALOG_ITEM_CHANGED'
  | 'REPOSITORY_REFRESHED'
  | 'REQUEST_AWAITING_APPROVAL'
  | 'REQUEST_DENIED'
  | 'REQUEST_FAILED'
  | 'REQUEST_FINISHED'
  | 'SERVICE_RETIRING_SOON'
  | 'VNF_PACKAGE_CHANGED';

export type NotificationSubscriptionInput = {
  channel: NotificationChannel;
  /** For a webhook: one of the tenant’s endpoints. */
  endpointId?: string | null | undefined;
  eventTypes: Array<NotificationEvent>;
  /** A tenant where you have notifications:tenant (operators, administrators): every event of it. None: your own. */
  tenantId?: string | null | undefined;
};

export type OrderServiceInput = {
  /** The dialog values: { fieldName: value }. */
  dialogValues: unknown;
  jobOptions?: JobOptionsInput | null | undefined;
  /** When the service should be retired (within its item’s longest lifetime); none: its item’s default lifetime, or no date. */
  retiresAt?: string | null | undefined;
  templateId: string;
};

/** http_up: 1 when the URL answers 2xx or 3xx within 5 s, else 0; http_latency_ms: its answer time (no value while it does not answer); k8s_ready_replicas: the ready replicas of a Deployment on one of the service’s Kubernetes providers (0 when it is gone); heat_stack_complete: 1 when a Heat stack on one of the service’s OpenStack providers is *_COMPLETE, else 0 (its status in the sample’s note); playbook_stat: a number a playbook of the service’s repository gives with set_stats, run on the service’s placement (a measure request) without changing it. */
export type PerformanceMetric =
  | 'heat_stack_complete'
  | 'http_latency_ms'
  | 'http_up'
  | 'k8s_ready_replicas'
  | 'playbook_stat';

/** Where to move a service: a provider for one site of a multi-site item, or (no site) the provider of a single playbook. */
export type PlacementInput = {
  /** The provider it moves to. */
  providerId: string;
  /** The site moved (multi-site items); none for a single playbook. */
  site?: string | null | undefined;
};

export type ProviderInput = {
  /** null removes it; leave it out to keep it. */
  becomeCredentialId?: string | null | undefined;
  /** ssh: { hosts: [{ name, address, port, variables }], user, sshArgs, variables }; openstack: { authUrl, region, interface }; kubernetes: { apiUrl, namespace }. */
  config?: unknown;
  /** null removes it; leave it out to keep it. */
  credentialId?: string | null | undefined;
  /** Jobs at once on this provider; null removes the limit, leave it out to keep it. */
  maxConcurrentJobs?: number | null | undefined;
  /** lower_snake_case: it names the inventory group. */
  name?: string | null | undefined;
  /** The tenant it belongs to (yours when left out; create only). */
  tenantId?: string | null | undefined;
  /** local, ssh, openstack or kubernetes (create only). */
  type?: string | null | undefined;
};

/** The BullMQ queues: requests (provisioning steps and playbook runs), maintenance, git (refreshes, syntax checks), providers (health checks), lifecycle (retirement dates), notify (notification deliveries), monitor (performance jobs), schedules (scheduled operations). */
export type QueueName =
  | 'git'
  | 'lifecycle'
  | 'maintenance'
  | 'monitor'
  | 'notify'
  | 'providers'
  | 'requests'
  | 'schedules';

export type QuotaInput = {
  dimension: string;
  /** 0 or more; an order that would take the use above it is refused (QUOTA_EXCEEDED). */
  limit: number;
  /** A tenant’s quota (set by an administrator of the tenant above it; the root’s by a root administrator). */
  tenantId?: string | null | undefined;
  /** Or a user’s quota. */
  userId?: string | null | undefined;
};

/** A request's type: provision (makes a service), retire or reconfigure (a service), rollback (undoes what a failed request deployed), preview (an order's items in check mode with --diff: changes nothing, makes no service), heal and migrate (a service), measure (a playbook run on a service's placement for a performance job: its set_stats become a sample, the service is not changed). */
export type RequestAction =
  | 'heal'
  | 'measure'
  | 'migrate'
  | 'preview'
  | 'provision'
  | 'reconfigure'
  | 'retire'
  | 'rollback';

/** What a request list sorts on (requests not finished come last by finishedAt). */
export type RequestSortField =
  | 'action'
  | 'createdAt'
  | 'finishedAt'
  | 'status'
  | 'updatedAt';

/** pending → queued → running (↔ pending_approval while it waits for approvers) → finished | failed | canceled | denied */
export type RequestStatus =
  | 'canceled'
  | 'denied'
  | 'failed'
  | 'finished'
  | 'pending'
  | 'pending_approval'
  | 'queued'
  | 'running';

/** order: order a catalog item with the dialog values given; heal, retire: heal or retire a service. */
export type ScheduleAction =
  | 'heal'
  | 'order'
  | 'retire';

/** Which services a list shows: every condition given must hold (a list in one means any of its values). */
export type ServiceFilter = {
  /** Created at or after. */
  createdAfter?: string | null | undefined;
  /** Created at or before. */
  createdBefore?: string | null | undefined;
  /** Part of its name, in any case. */
  nameContains?: string | null | undefined;
  ownerId?: string | null | undefined;
  statuses?: Array<ServiceStatus> | null | undefined;
  /** The catalog item that made it. */
  templateId?: string | null | undefined;
  tenantId?: string | null | undefined;
};

/** Which service requests a list shows: every condition given must hold (a list in one means any of its values). */
export type ServiceRequestFilter = {
  /** The types (provision, retire, reconfigure, rollback, heal, migrate, preview, measure); left out, every type but measure (a performance job’s). */
  actions?: Array<RequestAction> | null | undefined;
  /** Created at or after. */
  createdAfter?: string | null | undefined;
  /** Created at or before. */
  createdBefore?: string | null | undefined;
  requesterId?: string | null | undefined;
  statuses?: Array<RequestStatus> | null | undefined;
  /** The catalog item ordered (or whose service is changed). */
  templateId?: string | null | undefined;
  tenantId?: string | null | undefined;
};

/** How a request list is sorted; ties go newest first. */
export type ServiceRequestSort = {
  direction?: SortDirection;
  field?: RequestSortField;
};

/** How a service list is sorted; ties go newest first. */
export type ServiceSort = {
  direction?: SortDirection;
  field?: ServiceSortField;
};

/** What a service list sorts on. */
export type ServiceSortField =
  | 'createdAt'
  | 'name'
  | 'status';

/** active, or retired. */
export type ServiceStatus =
  | 'active'
  | 'retired';

export type ServiceTemplateInput = {
  /** The item as a catalog file (templates/*.yaml) holds it, `kind` left out: name, type, dialog, catalog, published, provision... or items... */
  definition: unknown;
  /** The item to change; none to create one. */
  id?: string | null | undefined;
};

/** ASC: oldest, smallest or first in the alphabet first; DESC: the reverse. */
export type SortDirection =
  | 'ASC'
  | 'DESC';

export type TenantInput = {
  description?: string | null | undefined;
  /** 1 to 100 characters; unique. */
  name: string;
  /** The parent tenant (the root when left out). The root tenant has none. */
  parentId?: string | null | undefined;
};

/** The type of a credential cannot change. */
export type UpdateCredentialInput = {
  /** When given, replaces all non-secret fields. */
  inputs?: unknown;
  name?: string | null | undefined;
  /** Secret fields to change. A field left out, or given as "", keeps its stored value; null removes an optional one. */
  secrets?: unknown;
};

export type UpdateGitRepoInput = {
  branch?: string | null | undefined;
  /** null removes the credential; leave it out to keep it. */
  credentialId?: string | null | undefined;
  enabled?: boolean | null | undefined;
  name?: string | null | undefined;
  /** null turns the schedule off; leave it out to keep it. */
  refreshIntervalSeconds?: number | null | undefined;
  /** null turns the before-run refresh off; leave it out to keep it. */
  refreshMaxAgeSeconds?: number | null | undefined;
  url?: string | null | undefined;
};

/** What changes on a scheduled operation: its name, its timing (runAt, or cron and time zone), pause (enabled: false) or resume. */
export type UpdateScheduledOperationInput = {
  /** On this cron expression instead (the date is dropped). */
  cron?: string | null | undefined;
  /** False pauses it; true resumes it (its next run counted from now). */
  enabled?: boolean | null | undefined;
  name?: string | null | undefined;
  /** Once at this date instead (the cron is dropped). */
  runAt?: string | null | undefined;
  timezone?: string | null | undefined;
};

export type UpdateUserInput = {
  /** Disable (true) or enable (false); a disabled user’s tokens stop working at once. */
  disabled?: boolean | null | undefined;
  displayName?: string | null | undefined;
  email?: string | null | undefined;
  /** The groups the user belongs to (replaces the list). */
  groupIds?: Array<string> | null | undefined;
  /** Move the user to another tenant (their earlier requests stay where they were made). */
  tenantId?: string | null | undefined;
};

export type VnfPackageFilterInput = {
  /** Only the packages of this repository. */
  repoId?: string | null | undefined;
  state?: VnfPackageState | null | undefined;
};

/** A filter of vnfPackages: enabled or disabled (operational state), in use, or waiting to be deleted once no longer in use. */
export type VnfPackageState =
  | 'deletion_pending'
  | 'disabled'
  | 'enabled'
  | 'in_use';

export type WebhookEndpointInput = {
  /** 1 to 100 characters, unique in its tenant. */
  name: string;
  /** Default: your own tenant. */
  tenantId?: string | null | undefined;
  /** http(s); refused when it resolves to a loopback or link-local address (WEBHOOK_ALLOW_LOOPBACK allows loopback). */
  url: string;
};

export type WebhookEndpointUpdate = {
  enabled?: boolean | null | undefined;
  url?: string | null | undefined;
};

export type SsoProvidersQueryVariables = Exact<{ [key: string]: never; }>;


export type SsoProvidersQuery = { ssoProviders: Array<{ name: string, loginUrl: string }> };

export type ChangePasswordMutationVariables = Exact<{
  currentPassword: string;
  newPassword: string;
}>;


export type ChangePasswordMutation = { changePassword: { id: string, mustChangePassword: boolean } };

export type AlarmFieldsFragment = { id: string, kind: AlarmKind, severity: AlarmSeverity, objectType: string, objectId: string, tenantId: string | null, message: string, raisedAt: string, acknowledgedAt: string | null, acknowledgedBy: string | null, clearedAt: string | null, clearReason: string | null };

export type AlarmsQueryVariables = Exact<{
  filter?: AlarmFilter | null | undefined;
  skip?: number | null | undefined;
  take?: number | null | undefined;
}>;


export type AlarmsQuery = { alarmCount: number, alarms: Array<{ id: string, kind: AlarmKind, severity: AlarmSeverity, objectType: string, objectId: string, tenantId: string | null, message: string, raisedAt: string, acknowledgedAt: string | null, acknowledgedBy: string | null, clearedAt: string | null, clearReason: string | null }> };

export type AlarmQueryVariables = Exact<{
  id: string;
}>;


export type AlarmQuery = { alarm: { id: string, kind: AlarmKind, severity: AlarmSeverity, objectType: string, objectId: string, tenantId: string | null, message: string, raisedAt: string, acknowledgedAt: string | null, acknowledgedBy: string | null, clearedAt: string | null, clearReason: string | null } | null };

export type AcknowledgeAlarmMutationVariables = Exact<{
  id: string;
}>;


export type AcknowledgeAlarmMutation = { acknowledgeAlarm: { id: string, kind: AlarmKind, severity: AlarmSeverity, objectType: string, objectId: string, tenantId: string | null, message: string, raisedAt: string, acknowledgedAt: string | null, acknowledgedBy: string | null, clearedAt: string | null, clearReason: string | null } };

export type ClearAlarmMutationVariables = Exact<{
  id: string;
}>;


export type ClearAlarmMutation = { clearAlarm: { id: string, kind: AlarmKind, severity: AlarmSeverity, objectType: string, objectId: string, tenantId: string | null, message: string, raisedAt: string, acknowledgedAt: string | null, acknowledgedBy: string | null, clearedAt: string | null, clearReason: string | null } };

export type OpenAlarmCountSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type OpenAlarmCountSubscription = { openAlarmCount: number };

export type ApiTokenFieldsFragment = { id: string, name: string, createdAt: string, expiresAt: string | null, lastUsedAt: string | null, scopes: Array<string> };

export type ApiTokensQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiTokensQuery = { apiTokens: Array<{ id: string, name: string, createdAt: string, expiresAt: string | null, lastUsedAt: string | null, scopes: Array<string> }> };

export type CreateApiTokenMutationVariables = Exact<{
  name: string;
  expiresInDays?: number | null | undefined;
  scopes?: Array<string> | string | null | undefined;
}>;


export type CreateApiTokenMutation = { createApiToken: { token: string, apiToken: { id: string, name: string, createdAt: string, expiresAt: string | null, lastUsedAt: string | null, scopes: Array<string> } } };

export type RevokeApiTokenMutationVariables = Exact<{
  id: string;
}>;


export type RevokeApiTokenMutation = { revokeApiToken: boolean };

export type RequestApprovalFieldsFragment = { approval: { approvals: number, reason: string, timeoutHours: number, deadline: string | null, canDecide: boolean, approvers: Array<{ id: string, username: string }>, decisions: Array<{ approverId: string | null, approverName: string, decision: string, reason: string | null, at: string }> } | null };

export type ApprovalInboxQueryVariables = Exact<{
  skip?: number | null | undefined;
  take?: number | null | undefined;
}>;


export type ApprovalInboxQuery = { approvalInbox: { total: number, requests: Array<{ id: string, status: RequestStatus, action: RequestAction, tenantId: string, message: string | null, createdAt: string, updatedAt: string, finishedAt: string | null, dialogValues: unknown, state: string | null, stateAttempt: number, template: { id: string, name: string, type: string } | null, requester: { id: string, username: string } | null, jobs: Array<{ id: string, status: JobStatus, playbook: string, commit: string, returnCode: number | null, startedAt: string | null, finishedAt: string | null, cancelRequestedAt: string | null, artifacts: unknown, eventCount: number, eventsEmitted: number | null, eventsComplete: boolean | null, outputPurgedAt: string | null, hostSummaries: Array<{ host: string, ok: number, changed: number, failures: number, unreachable: number, skipped: number, rescued: number, ignored: number }> }>, service: { id: string, name: string, status: string } | null, approval: { approvals: number, reason: string, timeoutHours: number, deadline: string | null, canDecide: boolean, approvers: Array<{ id: string, username: string }>, decisions: Array<{ approverId: string | null, approverName: string, decision: string, reason: string | null, at: string }> } | null, transitions: Array<{ state: string, event: string, attempt: number, message: string | null, at: string }>, items: Array<{ id: string, name: string, index: number, site: string | null, status: string, jobId: string | null, playbook: string, commit: string, outputs: unknown, message: string | null, startedAt: string | null, finishedAt: string | null }> }> } };

export type ApproveServiceRequestMutationVariables = Exact<{
  id: string;
  reason?: string | null | undefined;
}>;


export type ApproveServiceRequestMutation = { approveServiceRequest: { id: string, status: RequestStatus, action: RequestAction, tenantId: string, message: string | null, createdAt: string, updatedAt: string, finishedAt: string | null, dialogValues: unknown, state: string | null, stateAttempt: number, scheduledBy: { id: string, name: string } | null, machine: { name: string, action: string, serviceId: string | null, rollbackOf: string | null, onFailure: string, states: Array<{ name: string, method: string }> } | null, template: { id: string, name: string, type: string, dialog: unknown } | null, requester: { id: string, username: string } | null, jobs: Array<{ id: string, status: JobStatus, playbook: string, commit: string, returnCode: number | null, startedAt: string | null, finishedAt: string | null, cancelRequestedAt: string | null, artifacts: unknown, eventCount: number, eventsEmitted: number | null, eventsComplete: boolean | null, outputPurgedAt: string | null, hostSummaries: Array<{ host: string, ok: number, changed: number, failures: number, unreachable: number, skipped: number, rescued: number, ignored: number }> }>, service: { id: string, name: string, status: string } | null, approval: { approvals: number, reason: string, timeoutHours: number, deadline: string | null, canDecide: boolean, approvers: Array<{ id: string, username: string }>, decisions: Array<{ approverId: string | null, approverName: string, decision: string, reason: string | null, at: string }> } | null, transitions: Array<{ state: string, event: string, attempt: number, message: string | null, at: string }>, items: Array<{ id: string, name: string, index: number, site: string | null, status: string, jobId: string | null, playbook: string, commit: string, outputs: unknown, message: string | null, startedAt: string | null, finishedAt: string | null }> } };

export type DenyServiceRequestMutationVariables = Exact<{
  id: string;
  reason: string;
}>;


export type DenyServiceRequestMutation = { denyServiceRequest: { id: string, status: RequestStatus, action: RequestAction, tenantId: string, message: string | null, createdAt: string, updatedAt: string, finishedAt: string | null, dialogValues: unknown, state: string | null, stateAttempt: number, scheduledBy: { id: string, name: string } | null, machine: { name: string, action: string, serviceId: string | null, rollbackOf: string | null, onFailure: string, states: Array<{ name: string, method: string }> } | null, template: { id: string, name: string, type: string, dialog: unknown } | null, requester: { id: string, username: string } | null, jobs: Array<{ id: string, status: JobStatus, playbook: string, commit: string, returnCode: number | null, startedAt: string | null, finishedAt: string | null, cancelRequestedAt: string | null, artifacts: unknown, eventCount: number, eventsEmitted: number | null, eventsComplete: boolean | null, outputPurgedAt: string | null, hostSummaries: Array<{ host: string, ok: number, changed: number, failures: number, unreachable: number, skipped: number, rescued: number, ignored: number }> }>, service: { id: string, name: string, status: string } | null, approval: { approvals: number, reason: string, timeoutHours: number, deadline: string | null, canDecide: boolean, approvers: Array<{ id: string, username: string }>, decisions: Array<{ approverId: string | null, approverName: string, decision: string, reason: string | null, at: string }> } | null, transitions: Array<{ state: string, event: string, attempt: number, message: string | null, at: string }>, items: Array<{ id: string, name: string, index: number, site: string | null, status: string, jobId: string | null, playbook: string, commit: string, outputs: unknown, message: string | null, startedAt: string | null, finishedAt: string | null }> } };

export type ApprovalInboxCountSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ApprovalInboxCountSubscription = { approvalInboxCount: number };

export type AuditEventFieldsFragment = { id: string, at: string, actorId: string | null, actorName: string, action: string, objectType: string | null, objectId: string | null, outcome: AuditOutcome, errorCode: string | null, message: string | null, ip: string, details: unknown };

export type AuditEventsQueryVariables = Exact<{
  filter?: AuditFilter | null | undefined;
  skip?: number | null | undefined;
  take?: number | null | undefined;
}>;


export type AuditEventsQuery = { auditEventCount: number, auditEvents: Array<{ id: string, at: string, actorId: string | null, actorName: string, action: string, objectType: string | null, objectId: string | null, outcome: AuditOutcome, errorCode: string | null, message: string | null, ip: string, details: unknown }> };

export type LoginMutationVariables = Exact<{
  username: string;
  password: string;
}>;


export type LoginMutation = { login: { token: string, user: { id: string, username: string } } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, username: string, displayName: string, roles: Array<string>, mustChangePassword: boolean, tenant: { id: string, name: string } } };

export type MyPermissionsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyPermissionsQuery = { myPermissions: Array<string> };

export type CatalogCardFieldsFragment = { id: string, name: string, description: string | null, catalog: string, icon: string | null, published: boolean, type: string };

export type CatalogItemFieldsFragment = { id: string, name: string, description: string | null, catalog: string, longDescription: string | null, icon: string | null, published: boolean, type: string, dialog: unknown, orderOptions: Array<string>, lifetime: unknown, approval: { mode: string, approvals: number, timeoutHours: number } | null };

export type CatalogPageQueryVariables = Exact<{
  search?: string | null | undefined;
  catalog?: string | null | undefined;
  skip: number;
  take: number;
}>;


export type CatalogPageQuery = { serviceTemplateCount: number, serviceTemplates: Array<{ id: string, name: string, description: string | null, catalog: string, icon: string | null, published: boolean, type: string }> };

export type CatalogItemQueryVariables = Exact<{
  id: string;
}>;


export type CatalogItemQuery = { serviceTemplate: { id: string, name: string, description: string | null, catalog: string, longDescription: string | null, icon: string | null, published: boolean, type: string, dialog: unknown, orderOptions: Array<string>, lifetime: unknown, approval: { mode: string, approvals: number, timeoutHours: number } | null } | null };

export type ServiceCatalogsQueryVariables = Exact<{ [key: string]: never; }>;


export type ServiceCatalogsQuery = { serviceCatalogs: Array<{ name: string, count: number }> };

export type CredentialFieldsFragment = { id: string, name: string, type: string, inputs: unknown, secretFields: Array<string>, createdAt: string, updatedAt: string };

export type CredentialsQueryVariables = Exact<{ [key: string]: never; }>;


export type CredentialsQuery = { credentials: Array<{ id: string, name: string, type: string, inputs: unknown, secretFields: Array<string>, createdAt: string, updatedAt: string }> };

export type CredentialQueryVariables = Exact<{
  id: string;
}>;


export type CredentialQuery = { credential: { id: string, name: string, type: string, inputs: unknown, secretFields: Array<string>, createdAt: string, updatedAt: string } | null };

export type CredentialTypesQueryVariables = Exact<{ [key: string]: never; }>;


export type CredentialTypesQuery = { credentialTypes: Array<{ name: string, label: string, description: string, fields: Array<{ name: string, label: string, secret: boolean, required: boolean, multiline: boolean, help: string | null }> }> };

export type CreateCredentialMutationVariables = Exact<{
  input: CreateCredentialInput;
}>;


export type CreateCredentialMutation = { createCredential: { id: string, name: string, type: string, inputs: unknown, secretFields: Array<string>, createdAt: string, updatedAt: string } };

export type UpdateCredentialMutationVariables = Exact<{
  id: string;
  input: UpdateCredentialInput;
}>;


export type UpdateCredentialMutation = { updateCredential: { id: string, name: string, type: string, inputs: unknown, secretFields: Array<string>, createdAt: string, updatedAt: string } };

export type DeleteCredentialMutationVariables = Exact<{
  id: string;
}>;


export type DeleteCredentialMutation = { deleteCredential: boolean };

export type DashboardQueryVariables = Exact<{
  days?: number | null | undefined;
  timeZone?: string | null | undefined;
}>;


export type DashboardQuery = { dashboard: { days: number, timeZone: string, firstDay: string, lastDay: string, orders: number, finished: number, failed: number, successRate: number | null, pendingApprovals: number, runningJobs: number, runningRequests: number, ordersPerDay: Array<{ day: string, total: number, finished: number, failed: number, stopped: number, open: number }>, items: Array<{ templateId: string, total: number, finished: number, failed: number, durationP50Seconds: number | null, durationP95Seconds: number | null, template: { name: string } | null }>, failingItems: Array<{ templateId: string, total: number, finished: number, failed: number, durationP50Seconds: number | null, durationP95Seconds: number | null, template: { name: string } | null }>, providerHealth: Array<{ providerId: string, name: string, type: string, status: string, days: Array<{ day: string, checks: number, up: number }> }> } };

export type DashboardItemFieldsFragment = { templateId: string, total: number, finished: number, failed: number, durationP50Seconds: number | null, durationP95Seconds: number | null, template: { name: string } | null };

export type DialogFieldsFragment = { id: string, name: string, label: string, description: string | null, origin: string, updatedAt: string, tenantId: string, sharedWith: Array<string>, fields: Array<{ name: string, label: string, type: string, required: boolean, dynamic: boolean, pending: boolean, dependsOn: Array<string>, boundFrom: string | null }> };

export type DialogDetailFieldsFragment = { form: unknown, definition: unknown, id: string, name: string, label: string, description: string | null, origin: string, updatedAt: string, tenantId: string, sharedWith: Array<string>, fields: Array<{ name: string, label: string, type: string, required: boolean, dynamic: boolean, pending: boolean, dependsOn: Array<string>, boundFrom: string | null }> };

export type DialogsQueryVariables = Exact<{ [key: string]: never; }>;


export type DialogsQuery = { dialogs: Array<{ id: string, name: string, label: string, description: string | null, origin: string, updatedAt: string, tenantId: string, sharedWith: Array<string>, fields: Array<{ name: string, label: string, type: string, required: boolean, dynamic: boolean, pending: boolean, dependsOn: Array<string>, boundFrom: string | null }> }> };

export type DialogQueryVariables = Exact<{
  id: string;
}>;


export type DialogQuery = { dialog: { form: unknown, definition: unknown, id: string, name: string, label: string, description: string | null, origin: string, updatedAt: string, tenantId: string, sharedWith: Array<string>, fields: Array<{ name: string, label: string, type: string, required: boolean, dynamic: boolean, pending: boolean, dependsOn: Array<string>, boundFrom: string | null }> } | null };

export type DeleteDialogMutationVariables = Exact<{
  id: string;
}>;


export type DeleteDialogMutation = { deleteDialog: boolean };

export type ImportDialogMutationVariables = Exact<{
  f: DialogImportFormat;
  c: string;
  n?: string | null | undefined;
}>;


export type ImportDialogMutation = { importDialog: Array<{ importWarnings: Array<string>, id: string, name: string, label: string, description: string | null, origin: string, updatedAt: string, tenantId: string, sharedWith: Array<string>, fields: Array<{ name: string, label: string, type: string, required: boolean, dynamic: boolean, pending: boolean, dependsOn: Array<string>, boundFrom: string | null }> }> };

export type SaveDialogMutationVariables = Exact<{
  d: unknown;
}>;


export type SaveDialogMutation = { saveDialog: { form: unknown, definition: unknown, id: string, name: string, label: string, description: string | null, origin: string, updatedAt: string, tenantId: string, sharedWith: Array<string>, fields: Array<{ name: string, label: string, type: string, required: boolean, dynamic: boolean, pending: boolean, dependsOn: Array<string>, boundFrom: string | null }> } };

export type BindDialogFieldMutationVariables = Exact<{
  id: string;
  f: string;
  s?: unknown;
  d?: Array<string> | string | null | undefined;
}>;


export type BindDialogFieldMutation = { bindDialogField: { form: unknown, definition: unknown, id: string, name: string, label: string, description: string | null, origin: string, updatedAt: string, tenantId: string, sharedWith: Array<string>, fields: Array<{ name: string, label: string, type: string, required: boolean, dynamic: boolean, pending: boolean, dependsOn: Array<string>, boundFrom: string | null }> } };

export type ShareDialogMutationVariables = Exact<{
  id: string;
  tenantIds: Array<string> | string;
}>;


export type ShareDialogMutation = { shareDialog: { form: unknown, definition: unknown, id: string, name: string, label: string, description: string | null, origin: string, updatedAt: string, tenantId: string, sharedWith: Array<string>, fields: Array<{ name: string, label: string, type: string, required: boolean, dynamic: boolean, pending: boolean, dependsOn: Array<string>, boundFrom: string | null }> } };

export type RefreshDialogFieldQueryVariables = Exact<{
  d: string;
  f: string;
  v: unknown;
}>;


export type RefreshDialogFieldQuery = { refreshDialogField: { default: unknown, choices: Array<{ value: string, label: string }> } };

export type GitRepoFieldsFragment = { id: string, name: string, url: string, branch: string, commit: string | null, lastRefreshedAt: string | null, refreshStatus: string, refreshError: string | null, builtin: boolean, hosted: boolean, enabled: boolean, refreshMaxAgeSeconds: number | null, refreshIntervalSeconds: number | null, cloneUrl: string | null, webhookUrl: string | null, tenantId: string, sharedWith: Array<string>, credentialId: string | null, playbooks: Array<{ path: string, syntaxStatus: string, syntaxError: string | null }> };

export type GitRefreshFieldsFragment = { id: string, status: string, commit: string | null, previousCommit: string | null, durationMs: number | null, error: string | null, added: Array<string>, changed: Array<string>, removed: Array<string>, startedAt: string, finishedAt: string | null };

export type GitRepoDetailFieldsFragment = { id: string, name: string, url: string, branch: string, commit: string | null, lastRefreshedAt: string | null, refreshStatus: string, refreshError: string | null, builtin: boolean, hosted: boolean, enabled: boolean, refreshMaxAgeSeconds: number | null, refreshIntervalSeconds: number | null, cloneUrl: string | null, webhookUrl: string | null, tenantId: string, sharedWith: Array<string>, credentialId: string | null, refreshes: Array<{ id: string, status: string, commit: string | null, previousCommit: string | null, durationMs: number | null, error: string | null, added: Array<string>, changed: Array<string>, removed: Array<string>, startedAt: string, finishedAt: string | null }>, playbooks: Array<{ path: string, syntaxStatus: string, syntaxError: string | null }> };

export type GitReposQueryVariables = Exact<{ [key: string]: never; }>;


export type GitReposQuery = { gitRepos: Array<{ id: string, name: string, url: string, branch: string, commit: string | null, lastRefreshedAt: string | null, refreshStatus: string, refreshError: string | null, builtin: boolean, hosted: boolean, enabled: boolean, refreshMaxAgeSeconds: number | null, refreshIntervalSeconds: number | null, cloneUrl: string | null, webhookUrl: string | null, tenantId: string, sharedWith: Array<string>, credentialId: string | null, playbooks: Array<{ path: string, syntaxStatus: string, syntaxError: string | null }> }> };

export type GitRepoQueryVariables = Exact<{
  id: string;
}>;


export type GitRepoQuery = { gitRepo: { id: string, name: string, url: string, branch: string, commit: string | null, lastRefreshedAt: string | null, refreshStatus: string, refreshError: string | null, builtin: boolean, hosted: boolean, enabled: boolean, refreshMaxAgeSeconds: number | null, refreshIntervalSeconds: number | null, cloneUrl: string | null, webhookUrl: string | null, tenantId: string, sharedWith: Array<string>, credentialId: string | null, refreshes: Array<{ id: string, status: string, commit: string | null, previousCommit: string | null, durationMs: number | null, error: string | null, added: Array<string>, changed: Array<string>, removed: Array<string>, startedAt: string, finishedAt: string | null }>, playbooks: Array<{ path: string, syntaxStatus: string, syntaxError: string | null }> } | null };

export type CreateGitRepoMutationVariables = Exact<{
  input: CreateGitRepoInput;
}>;


export type CreateGitRepoMutation = { createGitRepo: { id: string, name: string, url: string, branch: string, commit: string | null, lastRefreshedAt: string | null, refreshStatus: string, refreshError: string | null, builtin: boolean, hosted: boolean, enabled: boolean, refreshMaxAgeSeconds: number | null, refreshIntervalSeconds: number | null, cloneUrl: string | null, webhookUrl: string | null, tenantId: string, sharedWith: Array<string>, credentialId: string | null, refreshes: Array<{ id: string, status: string, commit: string | null, previousCommit: string | null, durationMs: number | null, error: string | null, added: Array<string>, changed: Array<string>, removed: Array<string>, startedAt: string, finishedAt: string | null }>, playbooks: Array<{ path: string, syntaxStatus: string, syntaxError: string | null }> } };

export type UpdateGitRepoMutationVariables = Exact<{
  id: string;
  input: UpdateGitRepoInput;
}>;


export type UpdateGitRepoMutation = { updateGitRepo: { id: string, name: string, url: string, branch: string, commit: string | null, lastRefreshedAt: string | null, refreshStatus: string, refreshError: string | null, builtin: boolean, hosted: boolean, enabled: boolean, refreshMaxAgeSeconds: number | null, refreshIntervalSeconds: number | null, cloneUrl: string | null, webhookUrl: string | null, tenantId: string, sharedWith: Array<string>, credentialId: string | null, refreshes: Array<{ id: string, status: string, commit: string | null, previousCommit: string | null, durationMs: number | null, error: string | null, added: Array<string>, changed: Array<string>, removed: Array<string>, startedAt: string, finishedAt: string | null }>, playbooks: Array<{ path: string, syntaxStatus: string, syntaxError: string | null }> } };

export type DeleteGitRepoMutationVariables = Exact<{
  id: string;
}>;


export type DeleteGitRepoMutation = { deleteGitRepo: boolean };

export type RefreshGitRepoMutationVariables = Exact<{
  id: string;
}>;


export type RefreshGitRepoMutation = { refreshGitRepo: { id: string, name: string, url: string, branch: string, commit: string | null, lastRefreshedAt: string | null, refreshStatus: string, refreshError: string | null, builtin: boolean, hosted: boolean, enabled: boolean, refreshMaxAgeSeconds: number | null, refreshIntervalSeconds: number | null, cloneUrl: string | null, webhookUrl: string | null, tenantId: string, sharedWith: Array<string>, credentialId: string | null, refreshes: Array<{ id: string, status: string, commit: string | null, previousCommit: string | null, durationMs: number | null, error: string | null, added: Array<string>, changed: Array<string>, removed: Array<string>, startedAt: string, finishedAt: string | null }>, playbooks: Array<{ path: string, syntaxStatus: string, syntaxError: string | null }> } };

export type RefreshAllGitReposMutationVariables = Exact<{ [key: string]: never; }>;


export type RefreshAllGitReposMutation = { refreshAllGitRepos: Array<{ id: string, name: string, url: string, branch: string, commit: string | null, lastRefreshedAt: string | null, refreshStatus: string, refreshError: string | null, builtin: boolean, hosted: boolean, enabled: boolean, refreshMaxAgeSeconds: number | null, refreshIntervalSeconds: number | null, cloneUrl: string | null, webhookUrl: string | null, tenantId: string, sharedWith: Array<string>, credentialId: string | null, playbooks: Array<{ path: string, syntaxStatus: string, syntaxError: string | null }> }> };

export type ShareGitRepoMutationVariables = Exact<{
  id: string;
  tenantIds: Array<string> | string;
}>;


export type ShareGitRepoMutation = { shareGitRepo: { id: string, name: string, url: string, branch: string, commit: string | null, lastRefreshedAt: string | null, refreshStatus: string, refreshError: string | null, builtin: boolean, hosted: boolean, enabled: boolean, refreshMaxAgeSeconds: number | null, refreshIntervalSeconds: number | null, cloneUrl: string | null, webhookUrl: string | null, tenantId: string, sharedWith: Array<string>, credentialId: string | null, refreshes: Array<{ id: string, status: string, commit: string | null, previousCommit: string | null, durationMs: number | null, error: string | null, added: Array<string>, changed: Array<string>, removed: Array<string>, startedAt: string, finishedAt: string | null }>, playbooks: Array<{ path: string, syntaxStatus: string, syntaxError: string | null }> } };

export type EnableGitWebhookMutationVariables = Exact<{
  id: string;
}>;


export type EnableGitWebhookMutation = { enableGitWebhook: { url: string, secret: string } };

export type DisableGitWebhookMutationVariables = Exact<{
  id: string;
}>;


export type DisableGitWebhookMutation = { disableGitWebhook: { id: string, name: string, url: string, branch: string, commit: string | null, lastRefreshedAt: string | null, refreshStatus: string, refreshError: string | null, builtin: boolean, hosted: boolean, enabled: boolean, refreshMaxAgeSeconds: number | null, refreshIntervalSeconds: number | null, cloneUrl: string | null, webhookUrl: string | null, tenantId: string, sharedWith: Array<string>, credentialId: string | null, refreshes: Array<{ id: string, status: string, commit: string | null, previousCommit: string | null, durationMs: number | null, error: string | null, added: Array<string>, changed: Array<string>, removed: Array<string>, startedAt: string, finishedAt: string | null }>, playbooks: Array<{ path: string, syntaxStatus: string, syntaxError: string | null }> } };

export type GroupFieldsFragment = { id: string, name: string, description: string, roles: Array<string>, createdAt: string, members: Array<{ id: string, username: string }>, tenant: { id: string, name: string } };

export type GroupsQueryVariables = Exact<{ [key: string]: never; }>;


export type GroupsQuery = { groups: Array<{ id: string, name: string, description: string, roles: Array<string>, createdAt: string, members: Array<{ id: string, username: string }>, tenant: { id: string, name: string } }> };

export type GroupQueryVariables = Exact<{
  id: string;
}>;


export type GroupQuery = { group: { id: string, name: string, description: string, roles: Array<string>, createdAt: string, members: Array<{ id: string, username: string }>, tenant: { id: string, name: string } } | null };

export type RolesQueryVariables = Exact<{ [key: string]: never; }>;


export type RolesQuery = { roles: Array<{ name: string, description: string, permissions: Array<string> }> };

export type CreateGroupMutationVariables = Exact<{
  input: GroupInput;
}>;


export type CreateGroupMutation = { createGroup: { id: string, name: string, description: string, roles: Array<string>, createdAt: string, members: Array<{ id: string, username: string }>, tenant: { id: string, name: string } } };

export type UpdateGroupMutationVariables = Exact<{
  id: string;
  input: GroupInput;
}>;


export type UpdateGroupMutation = { updateGroup: { id: string, name: string, description: string, roles: Array<string>, createdAt: string, members: Array<{ id: string, username: string }>, tenant: { id: string, name: string } } };

export type DeleteGroupMutationVariables = Exact<{
  id: string;
}>;


export type DeleteGroupMutation = { deleteGroup: boolean };

export type InstancesQueryVariables = Exact<{ [key: string]: never; }>;


export type InstancesQuery = { instances: Array<{ id: string, hostname: string, role: string, version: string, concurrency: number, runningJobs: number, startedAt: string, heartbeatAt: string, state: InstanceState }> };

export type InventoryFieldsFragment = { id: string, name: string, description: string | null, createdAt: string, updatedAt: string, tenantId: string, sharedWith: Array<string>, sites: Array<{ name: string, providerId: string, hosts: Array<string> | null, variables: unknown }> };

export type InventoryDetailFieldsFragment = { rendered: unknown, id: string, name: string, description: string | null, createdAt: string, updatedAt: string, tenantId: string, sharedWith: Array<string>, sites: Array<{ name: string, providerId: string, hosts: Array<string> | null, variables: unknown }> };

export type InventoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type InventoriesQuery = { inventories: Array<{ id: string, name: string, description: string | null, createdAt: string, updatedAt: string, tenantId: string, sharedWith: Array<string>, sites: Array<{ name: string, providerId: string, hosts: Array<string> | null, variables: unknown }> }> };

export type InventoryQueryVariables = Exact<{
  id: string;
}>;


export type InventoryQuery = { inventory: { rendered: unknown, id: string, name: string, description: string | null, createdAt: string, updatedAt: string, tenantId: string, sharedWith: Array<string>, sites: Array<{ name: string, providerId: string, hosts: Array<string> | null, variables: unknown }> } | null };

export type CreateInventoryMutationVariables = Exact<{
  input: InventoryInput;
}>;


export type CreateInventoryMutation = { createInventory: { rendered: unknown, id: string, name: string, description: string | null, createdAt: string, updatedAt: string, tenantId: string, sharedWith: Array<string>, sites: Array<{ name: string, providerId: string, hosts: Array<string> | null, variables: unknown }> } };

export type UpdateInventoryMutationVariables = Exact<{
  id: string;
  input: InventoryInput;
}>;


export type UpdateInventoryMutation = { updateInventory: { rendered: unknown, id: string, name: string, description: string | null, createdAt: string, updatedAt: string, tenantId: string, sharedWith: Array<string>, sites: Array<{ name: string, providerId: string, hosts: Array<string> | null, variables: unknown }> } };

export type ShareInventoryMutationVariables = Exact<{
  id: string;
  tenantIds: Array<string> | string;
}>;


export type ShareInventoryMutation = { shareInventory: { rendered: unknown, id: string, name: string, description: string | null, createdAt: string, updatedAt: string, tenantId: string, sharedWith: Array<string>, sites: Array<{ name: string, providerId: string, hosts: Array<string> | null, variables: unknown }> } };

export type DeleteInventoryMutationVariables = Exact<{
  id: string;
}>;


export type DeleteInventoryMutation = { deleteInventory: boolean };

export type NotificationFieldsFragment = { id: string, eventType: NotificationEvent, title: string, data: unknown, createdAt: string, readAt: string | null };

export type NotificationSubscriptionFieldsFragment = { id: string, eventTypes: Array<NotificationEvent>, channel: NotificationChannel, tenantId: string | null, endpointId: string | null, enabled: boolean, createdAt: string };

export type MyNotificationsQueryVariables = Exact<{
  unreadOnly: boolean;
  skip?: number | null | undefined;
  take?: number | null | undefined;
}>;


export type MyNotificationsQuery = { myNotifications: Array<{ id: string, eventType: NotificationEvent, title: string, data: unknown, createdAt: string, readAt: string | null }> };

export type MarkNotificationsReadMutationVariables = Exact<{
  ids?: Array<string> | string | null | undefined;
}>;


export type MarkNotificationsReadMutation = { markNotificationsRead: number };

export type UnreadNotificationCountSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type UnreadNotificationCountSubscription = { unreadNotificationCount: number };

export type NotificationSubscriptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type NotificationSubscriptionsQuery = { notificationSubscriptions: Array<{ id: string, eventTypes: Array<NotificationEvent>, channel: NotificationChannel, tenantId: string | null, endpointId: string | null, enabled: boolean, createdAt: string }> };

export type SubscribeToNotificationsMutationVariables = Exact<{
  input: NotificationSubscriptionInput;
}>;


export type SubscribeToNotificationsMutation = { subscribeToNotifications: { id: string, eventTypes: Array<NotificationEvent>, channel: NotificationChannel, tenantId: string | null, endpointId: string | null, enabled: boolean, createdAt: string } };

export type SetNotificationSubscriptionEnabledMutationVariables = Exact<{
  id: string;
  enabled: boolean;
}>;


export type SetNotificationSubscriptionEnabledMutation = { setNotificationSubscriptionEnabled: { id: string, eventTypes: Array<NotificationEvent>, channel: NotificationChannel, tenantId: string | null, endpointId: string | null, enabled: boolean, createdAt: string } };

export type UnsubscribeFromNotificationsMutationVariables = Exact<{
  id: string;
}>;


export type UnsubscribeFromNotificationsMutation = { unsubscribeFromNotifications: boolean };

export type OidcGroupMappingFieldsFragment = { id: string, claim: string, createdAt: string, group: { id: string, name: string }, tenant: { id: string, name: string } };

export type OidcGroupMappingsQueryVariables = Exact<{ [key: string]: never; }>;


export type OidcGroupMappingsQuery = { oidcGroupMappings: Array<{ id: string, claim: string, createdAt: string, group: { id: string, name: string }, tenant: { id: string, name: string } }> };

export type CreateOidcGroupMappingMutationVariables = Exact<{
  claim: string;
  groupId: string;
}>;


export type CreateOidcGroupMappingMutation = { createOidcGroupMapping: { id: string, claim: string, createdAt: string, group: { id: string, name: string }, tenant: { id: string, name: string } } };

export type DeleteOidcGroupMappingMutationVariables = Exact<{
  id: string;
}>;


export type DeleteOidcGroupMappingMutation = { deleteOidcGroupMapping: boolean };

export type PerformanceJobFieldsFragment = { id: string, name: string, metric: PerformanceMetric, url: string | null, providerId: string | null, namespace: string | null, deployment: string | null, stack: string | null, playbook: string | null, stat: string | null, intervalSeconds: number, thresholds: Array<{ id: string, operator: string, value: number, severity: AlarmSeverity, crossed: boolean }>, samples: Array<{ at: string, value: number | null, error: string | null }> };

export type PerformanceJobsQueryVariables = Exact<{
  serviceId: string;
  minutes: number;
}>;


export type PerformanceJobsQuery = { performanceJobs: Array<{ id: string, name: string, metric: PerformanceMetric, url: string | null, providerId: string | null, namespace: string | null, deployment: string | null, stack: string | null, playbook: string | null, stat: string | null, intervalSeconds: number, thresholds: Array<{ id: string, operator: string, value: number, severity: AlarmSeverity, crossed: boolean }>, samples: Array<{ at: string, value: number | null, error: string | null }> }> };

export type ProviderPerformanceJobsQueryVariables = Exact<{
  providerId: string;
  minutes: number;
}>;


export type ProviderPerformanceJobsQuery = { providerPerformanceJobs: Array<{ id: string, name: string, metric: PerformanceMetric, url: string | null, providerId: string | null, namespace: string | null, deployment: string | null, stack: string | null, playbook: string | null, stat: string | null, intervalSeconds: number, thresholds: Array<{ id: string, operator: string, value: number, severity: AlarmSeverity, crossed: boolean }>, samples: Array<{ at: string, value: number | null, error: string | null }> }> };

export type CreatePerformanceJobMutationVariables = Exact<{
  input: CreatePerformanceJobInput;
}>;


export type CreatePerformanceJobMutation = { createPerformanceJob: { id: string } };

export type CreateProviderPerformanceJobMutationVariables = Exact<{
  input: CreateProviderPerformanceJobInput;
}>;


export type CreateProviderPerformanceJobMutation = { createProviderPerformanceJob: { id: string } };

export type DeletePerformanceJobMutationVariables = Exact<{
  id: string;
}>;


export type DeletePerformanceJobMutation = { deletePerformanceJob: boolean };

export type CreatePerformanceThresholdMutationVariables = Exact<{
  input: CreatePerformanceThresholdInput;
}>;


export type CreatePerformanceThresholdMutation = { createPerformanceThreshold: { id: string } };

export type DeletePerformanceThresholdMutationVariables = Exact<{
  id: string;
}>;


export type DeletePerformanceThresholdMutation = { deletePerformanceThreshold: boolean };

export type ProviderFieldsFragment = { id: string, name: string, type: string, config: unknown, credentialId: string | null, becomeCredentialId: string | null, healthStatus: string, healthMessage: string | null, healthCheckedAt: string | null, createdAt: string, tenantId: string, sharedWith: Array<string> };

export type ProviderHealthFieldsFragment = { providerId: string, status: string, message: string | null, latencyMs: number | null, changed: boolean, checkedAt: string };

export type ProviderDetailFieldsFragment = { inventory: unknown, resourcesRefreshedAt: string | null, id: string, name: string, type: string, config: unknown, credentialId: string | null, becomeCredentialId: string | null, healthStatus: string, healthMessage: string | null, healthCheckedAt: string | null, createdAt: string, tenantId: string, sharedWith: Array<string>, healthHistory: Array<{ providerId: string, status: string, message: string | null, latencyMs: number | null, changed: boolean, checkedAt: string }>, resources:
    | { __typename: 'KubernetesResources', namespaces: Array<string>, deployments: Array<{ namespace: string, name: string, replicas: number | null, ready: number }>, services: Array<{ namespace: string, name: string, type: string, address: string | null, ports: Array<number> }> }
    | { __typename: 'OpenStackResources', missing: Array<string>, stacks: Array<{ id: string, name: string, status: string, reason: string | null, createdAt: string | null }>, servers: Array<{ id: string, name: string, status: string, addresses: Array<string> }> }
   | null };

export type ProvidersQueryVariables = Exact<{ [key: string]: never; }>;


export type ProvidersQuery = { providers: Array<{ id: string, name: string, type: string, config: unknown, credentialId: string | null, becomeCredentialId: string | null, healthStatus: string, healthMessage: string | null, healthCheckedAt: string | null, createdAt: string, tenantId: string, sharedWith: Array<string> }> };

export type ProviderQueryVariables = Exact<{
  id: string;
}>;


export type ProviderQuery = { provider: { inventory: unknown, resourcesRefreshedAt: string | null, id: string, name: string, type: string, config: unknown, credentialId: string | null, becomeCredentialId: string | null, healthStatus: string, healthMessage: string | null, healthCheckedAt: string | null, createdAt: string, tenantId: string, sharedWith: Array<string>, healthHistory: Array<{ providerId: string, status: string, message: string | null, latencyMs: number | null, changed: boolean, checkedAt: string }>, resources:
      | { __typename: 'KubernetesResources', namespaces: Array<string>, deployments: Array<{ namespace: string, name: string, replicas: number | null, ready: number }>, services: Array<{ namespace: string, name: string, type: string, address: string | null, ports: Array<number> }> }
      | { __typename: 'OpenStackResources', missing: Array<string>, stacks: Array<{ id: string, name: string, status: string, reason: string | null, createdAt: string | null }>, servers: Array<{ id: string, name: string, status: string, addresses: Array<string> }> }
     | null } | null };

export type CreateProviderMutationVariables = Exact<{
  input: ProviderInput;
}>;


export type CreateProviderMutation = { createProvider: { id: string, name: string, type: string, config: unknown, credentialId: string | null, becomeCredentialId: string | null, healthStatus: string, healthMessage: string | null, healthCheckedAt: string | null, createdAt: string, tenantId: string, sharedWith: Array<string> } };

export type UpdateProviderMutationVariables = Exact<{
  id: string;
  input: ProviderInput;
}>;


export type UpdateProviderMutation = { updateProvider: { inventory: unknown, resourcesRefreshedAt: string | null, id: string, name: string, type: string, config: unknown, credentialId: string | null, becomeCredentialId: string | null, healthStatus: string, healthMessage: string | null, healthCheckedAt: string | null, createdAt: string, tenantId: string, sharedWith: Array<string>, healthHistory: Array<{ providerId: string, status: string, message: string | null, latencyMs: number | null, changed: boolean, checkedAt: string }>, resources:
      | { __typename: 'KubernetesResources', namespaces: Array<string>, deployments: Array<{ namespace: string, name: string, replicas: number | null, ready: number }>, services: Array<{ namespace: string, name: string, type: string, address: string | null, ports: Array<number> }> }
      | { __typename: 'OpenStackResources', missing: Array<string>, stacks: Array<{ id: string, name: string, status: string, reason: string | null, createdAt: string | null }>, servers: Array<{ id: string, name: string, status: string, addresses: Array<string> }> }
     | null } };

export type DeleteProviderMutationVariables = Exact<{
  id: string;
}>;


export type DeleteProviderMutation = { deleteProvider: boolean };

export type CheckProviderHealthMutationVariables = Exact<{
  id: string;
}>;


export type CheckProviderHealthMutation = { checkProviderHealth: { inventory: unknown, resourcesRefreshedAt: string | null, id: string, name: string, type: string, config: unknown, credentialId: string | null, becomeCredentialId: string | null, healthStatus: string, healthMessage: string | null, healthCheckedAt: string | null, createdAt: string, tenantId: string, sharedWith: Array<string>, healthHistory: Array<{ providerId: string, status: string, message: string | null, latencyMs: number | null, changed: boolean, checkedAt: string }>, resources:
      | { __typename: 'KubernetesResources', namespaces: Array<string>, deployments: Array<{ namespace: string, name: string, replicas: number | null, ready: number }>, services: Array<{ namespace: string, name: string, type: string, address: string | null, ports: Array<number> }> }
      | { __typename: 'OpenStackResources', missing: Array<string>, stacks: Array<{ id: string, name: string, status: string, reason: string | null, createdAt: string | null }>, servers: Array<{ id: string, name: string, status: string, addresses: Array<string> }> }
     | null } };

export type RefreshProviderResourcesMutationVariables = Exact<{
  id: string;
}>;


export type RefreshProviderResourcesMutation = { refreshProviderResources: { inventory: unknown, resourcesRefreshedAt: string | null, id: string, name: string, type: string, config: unknown, credentialId: string | null, becomeCredentialId: string | null, healthStatus: string, healthMessage: string | null, healthCheckedAt: string | null, createdAt: string, tenantId: string, sharedWith: Array<string>, healthHistory: Array<{ providerId: string, status: string, message: string | null, latencyMs: number | null, changed: boolean, checkedAt: string }>, resources:
      | { __typename: 'KubernetesResources', namespaces: Array<string>, deployments: Array<{ namespace: string, name: string, replicas: number | null, ready: number }>, services: Array<{ namespace: string, name: string, type: string, address: string | null, ports: Array<number> }> }
      | { __typename: 'OpenStackResources', missing: Array<string>, stacks: Array<{ id: string, name: string, status: string, reason: string | null, createdAt: string | null }>, servers: Array<{ id: string, name: string, status: string, addresses: Array<string> }> }
     | null } };

export type ShareProviderMutationVariables = Exact<{
  id: string;
  tenantIds: Array<string> | string;
}>;


export type ShareProviderMutation = { shareProvider: { inventory: unknown, resourcesRefreshedAt: string | null, id: string, name: string, type: string, config: unknown, credentialId: string | null, becomeCredentialId: string | null, healthStatus: string, healthMessage: string | null, healthCheckedAt: string | null, createdAt: string, tenantId: string, sharedWith: Array<string>, healthHistory: Array<{ providerId: string, status: string, message: string | null, latencyMs: number | null, changed: boolean, checkedAt: string }>, resources:
      | { __typename: 'KubernetesResources', namespaces: Array<string>, deployments: Array<{ namespace: string, name: string, replicas: number | null, ready: number }>, services: Array<{ namespace: string, name: string, type: string, address: string | null, ports: Array<number> }> }
      | { __typename: 'OpenStackResources', missing: Array<string>, stacks: Array<{ id: string, name: string, status: string, reason: string | null, createdAt: string | null }>, servers: Array<{ id: string, name: string, status: string, addresses: Array<string> }> }
     | null } };

export type ProviderAlarmsQueryVariables = Exact<{
  take: number;
}>;


export type ProviderAlarmsQuery = { providerAlarms: Array<{ providerId: string, status: string, message: string | null, latencyMs: number | null, changed: boolean, checkedAt: string }> };

export type QueuesQueryVariables = Exact<{ [key: string]: never; }>;


export type QueuesQuery = { queues: Array<{ name: QueueName, waiting: number, active: number, delayed: number, prioritized: number, failed: number, completed: number, oldestWaitingSince: string | null, oldestWaitingSeconds: number | null, workers: Array<{ name: string | null, address: string, connectedSeconds: number, idleSeconds: number }> }> };

export type FailedQueueJobsQueryVariables = Exact<{
  queue: QueueName;
  take?: number | null | undefined;
}>;


export type FailedQueueJobsQuery = { failedQueueJobs: Array<{ queue: QueueName, id: string, name: string, error: string, attempts: number, queuedAt: string, failedAt: string | null }> };

export type RetryQueueJobMutationVariables = Exact<{
  queue: QueueName;
  id: string;
}>;


export type RetryQueueJobMutation = { retryQueueJob: boolean };

export type QuotaFieldsFragment = { id: string, dimension: string, limit: number, used: number, tenant: { id: string, name: string } | null, user: { id: string, username: string } | null };

export type QuotasQueryVariables = Exact<{
  tenantId?: string | null | undefined;
  userId?: string | null | undefined;
}>;


export type QuotasQuery = { quotas: Array<{ id: string, dimension: string, limit: number, used: number, tenant: { id: string, name: string } | null, user: { id: string, username: string } | null }> };

export type MyQuotasQueryVariables = Exact<{ [key: string]: never; }>;


export type MyQuotasQuery = { myQuotas: Array<{ id: string, dimension: string, limit: number, used: number, tenant: { id: string, name: string } | null, user: { id: string, username: string } | null }> };

export type SetQuotaMutationVariables = Exact<{
  input: QuotaInput;
}>;


export type SetQuotaMutation = { setQuota: { id: string, dimension: string, limit: number, used: number, tenant: { id: string, name: string } | null, user: { id: string, username: string } | null } };

export type DeleteQuotaMutationVariables = Exact<{
  id: string;
}>;


export type DeleteQuotaMutation = { deleteQuota: boolean };

export type ScheduledOperationFieldsFragment = { id: string, name: string, action: ScheduleAction, templateId: string | null, serviceId: string | null, targetName: string | null, runAt: string | null, cron: string | null, timezone: string, enabled: boolean, nextRunAt: string | null, lastRunAt: string | null, lastRequestId: string | null, lastError: string | null, runCount: number, createdAt: string };

export type ScheduledOperationsQueryVariables = Exact<{
  serviceId?: string | null | undefined;
  skip?: number | null | undefined;
  take?: number | null | undefined;
}>;


export type ScheduledOperationsQuery = { scheduledOperationsCount: number, scheduledOperations: Array<{ id: string, name: string, action: ScheduleAction, templateId: string | null, serviceId: string | null, targetName: string | null, runAt: string | null, cron: string | null, timezone: string, enabled: boolean, nextRunAt: string | null, lastRunAt: string | null, lastRequestId: string | null, lastError: string | null, runCount: number, createdAt: string }> };

export type ScheduledOperationQueryVariables = Exact<{
  id: string;
}>;


export type ScheduledOperationQuery = { scheduledOperation: { id: string, name: string, action: ScheduleAction, templateId: string | null, serviceId: string | null, targetName: string | null, runAt: string | null, cron: string | null, timezone: string, enabled: boolean, nextRunAt: string | null, lastRunAt: string | null, lastRequestId: string | null, lastError: string | null, runCount: number, createdAt: string } };

export type CreateScheduledOperationMutationVariables = Exact<{
  input: CreateScheduledOperationInput;
}>;


export type CreateScheduledOperationMutation = { createScheduledOperation: { id: string, name: string, action: ScheduleAction, templateId: string | null, serviceId: string | null, targetName: string | null, runAt: string | null, cron: string | null, timezone: string, enabled: boolean, nextRunAt: string | null, lastRunAt: string | null, lastRequestId: string | null, lastError: string | null, runCount: number, createdAt: string } };

export type UpdateScheduledOperationMutationVariables = Exact<{
  id: string;
  input: UpdateScheduledOperationInput;
}>;


export type UpdateScheduledOperationMutation = { updateScheduledOperation: { id: string, name: string, action: ScheduleAction, templateId: string | null, serviceId: string | null, targetName: string | null, runAt: string | null, cron: string | null, timezone: string, enabled: boolean, nextRunAt: string | null, lastRunAt: string | null, lastRequestId: string | null, lastError: string | null, runCount: number, createdAt: string } };

export type DeleteScheduledOperationMutationVariables = Exact<{
  id: string;
}>;


export type DeleteScheduledOperationMutation = { deleteScheduledOperation: boolean };

export type JobFieldsFragment = { id: string, status: JobStatus, playbook: string, commit: string, returnCode: number | null, startedAt: string | null, finishedAt: string | null, cancelRequestedAt: string | null, artifacts: unknown, eventCount: number, eventsEmitted: number | null, eventsComplete: boolean | null, outputPurgedAt: string | null, hostSummaries: Array<{ host: string, ok: number, changed: number, failures: number, unreachable: number, skipped: number, rescued: number, ignored: number }> };

export type JobEventFieldsFragment = { seq: number, event: string, host: string | null, task: string | null, play: string | null, changed: boolean, failed: boolean, stdout: string | null, createdAt: string };

export type RequestBundleFieldsFragment = { state: string | null, stateAttempt: number, transitions: Array<{ state: string, event: string, attempt: number, message: string | null, at: string }>, items: Array<{ id: string, name: string, index: number, site: string | null, status: string, jobId: string | null, playbook: string, commit: string, outputs: unknown, message: string | null, startedAt: string | null, finishedAt: string | null }> };

export type RequestListFieldsFragment = { id: string, status: RequestStatus, action: RequestAction, tenantId: string, message: string | null, createdAt: string, updatedAt: string, finishedAt: string | null, dialogValues: unknown, state: string | null, stateAttempt: number, template: { id: string, name: string, type: string } | null, requester: { id: string, username: string } | null, jobs: Array<{ id: string, status: JobStatus, playbook: string, commit: string, returnCode: number | null, startedAt: string | null, finishedAt: string | null, cancelRequestedAt: string | null, artifacts: unknown, eventCount: number, eventsEmitted: number | null, eventsComplete: boolean | null, outputPurgedAt: string | null, hostSummaries: Array<{ host: string, ok: number, changed: number, failures: number, unreachable: number, skipped: number, rescued: number, ignored: number }> }>, service: { id: string, name: string, status: string } | null, transitions: Array<{ state: string, event: string, attempt: number, message: string | null, at: string }>, items: Array<{ id: string, name: string, index: number, site: string | null, status: string, jobId: string | null, playbook: string, commit: string, outputs: unknown, message: string | null, startedAt: string | null, finishedAt: string | null }> };

export type RequestFieldsFragment = { id: string, status: RequestStatus, action: RequestAction, tenantId: string, message: string | null, createdAt: string, updatedAt: string, finishedAt: string | null, dialogValues: unknown, state: string | null, stateAttempt: number, scheduledBy: { id: string, name: string } | null, machine: { name: string, action: string, serviceId: string | null, rollbackOf: string | null, onFailure: string, states: Array<{ name: string, method: string }> } | null, template: { id: string, name: string, type: string, dialog: unknown } | null, requester: { id: string, username: string } | null, jobs: Array<{ id: string, status: JobStatus, playbook: string, commit: string, returnCode: number | null, startedAt: string | null, finishedAt: string | null, cancelRequestedAt: string | null, artifacts: unknown, eventCount: number, eventsEmitted: number | null, eventsComplete: boolean | null, outputPurgedAt: string | null, hostSummaries: Array<{ host: string, ok: number, changed: number, failures: number, unreachable: number, skipped: number, rescued: number, ignored: number }> }>, service: { id: string, name: string, status: string } | null, approval: { approvals: number, reason: string, timeoutHours: number, deadline: string | null, canDecide: boolean, approvers: Array<{ id: string, username: string }>, decisions: Array<{ approverId: string | null, approverName: string, decision: string, reason: string | null, at: string }> } | null, transitions: Array<{ state: string, event: string, attempt: number, message: string | null, at: string }>, items: Array<{ id: string, name: string, index: number, site: string | null, status: string, jobId: string | null, playbook: string, commit: string, outputs: unknown, message: string | null, startedAt: string | null, finishedAt: string | null }> };

export type ServiceRequestsQueryVariables = Exact<{
  skip?: number | null | undefined;
  take?: number | null | undefined;
  filter?: ServiceRequestFilter | null | undefined;
  sort?: ServiceRequestSort | null | undefined;
}>;


export type ServiceRequestsQuery = { serviceRequestCount: number, serviceRequests: Array<{ id: string, status: RequestStatus, action: RequestAction, tenantId: string, message: string | null, createdAt: string, updatedAt: string, finishedAt: string | null, dialogValues: unknown, state: string | null, stateAttempt: number, template: { id: string, name: string, type: string } | null, requester: { id: string, username: string } | null, jobs: Array<{ id: string, status: JobStatus, playbook: string, commit: string, returnCode: number | null, startedAt: string | null, finishedAt: string | null, cancelRequestedAt: string | null, artifacts: unknown, eventCount: number, eventsEmitted: number | null, eventsComplete: boolean | null, outputPurgedAt: string | null, hostSummaries: Array<{ host: string, ok: number, changed: number, failures: number, unreachable: number, skipped: number, rescued: number, ignored: number }> }>, service: { id: string, name: string, status: string } | null, transitions: Array<{ state: string, event: string, attempt: number, message: string | null, at: string }>, items: Array<{ id: string, name: string, index: number, site: string | null, status: string, jobId: string | null, playbook: string, commit: string, outputs: unknown, message: string | null, startedAt: string | null, finishedAt: string | null }> }> };

export type RequestFilterChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type RequestFilterChoicesQuery = { serviceRequestFilterChoices: { requesters: Array<{ id: string, username: string }>, tenants: Array<{ id: string, name: string }> } };

export type ServiceRequestQueryVariables = Exact<{
  id: string;
}>;


export type ServiceRequestQuery = { serviceRequest: { id: string, status: RequestStatus, action: RequestAction, tenantId: string, message: string | null, createdAt: string, updatedAt: string, finishedAt: string | null, dialogValues: unknown, state: string | null, stateAttempt: number, scheduledBy: { id: string, name: string } | null, machine: { name: string, action: string, serviceId: string | null, rollbackOf: string | null, onFailure: string, states: Array<{ name: string, method: string }> } | null, template: { id: string, name: string, type: string, dialog: unknown } | null, requester: { id: string, username: string } | null, jobs: Array<{ id: string, status: JobStatus, playbook: string, commit: string, returnCode: number | null, startedAt: string | null, finishedAt: string | null, cancelRequestedAt: string | null, artifacts: unknown, eventCount: number, eventsEmitted: number | null, eventsComplete: boolean | null, outputPurgedAt: string | null, hostSummaries: Array<{ host: string, ok: number, changed: number, failures: number, unreachable: number, skipped: number, rescued: number, ignored: number }> }>, service: { id: string, name: string, status: string } | null, approval: { approvals: number, reason: string, timeoutHours: number, deadline: string | null, canDecide: boolean, approvers: Array<{ id: string, username: string }>, decisions: Array<{ approverId: string | null, approverName: string, decision: string, reason: string | null, at: string }> } | null, transitions: Array<{ state: string, event: string, attempt: number, message: string | null, at: string }>, items: Array<{ id: string, name: string, index: number, site: string | null, status: string, jobId: string | null, playbook: string, commit: string, outputs: unknown, message: string | null, startedAt: string | null, finishedAt: string | null }> } | null };

export type OrderServiceMutationVariables = Exact<{
  input: OrderServiceInput;
}>;


export type OrderServiceMutation = { orderService: { id: string, status: RequestStatus, action: RequestAction, tenantId: string, message: string | null, createdAt: string, updatedAt: string, finishedAt: string | null, dialogValues: unknown, state: string | null, stateAttempt: number, scheduledBy: { id: string, name: string } | null, machine: { name: string, action: string, serviceId: string | null, rollbackOf: string | null, onFailure: string, states: Array<{ name: string, method: string }> } | null, template: { id: string, name: string, type: string, dialog: unknown } | null, requester: { id: string, username: string } | null, jobs: Array<{ id: string, status: JobStatus, playbook: string, commit: string, returnCode: number | null, startedAt: string | null, finishedAt: string | null, cancelRequestedAt: string | null, artifacts: unknown, eventCount: number, eventsEmitted: number | null, eventsComplete: boolean | null, outputPurgedAt: string | null, hostSummaries: Array<{ host: string, ok: number, changed: number, failures: number, unreachable: number, skipped: number, rescued: number, ignored: number }> }>, service: { id: string, name: string, status: string } | null, approval: { approvals: number, reason: string, timeoutHours: number, deadline: string | null, canDecide: boolean, approvers: Array<{ id: string, username: string }>, decisions: Array<{ approverId: string | null, approverName: string, decision: string, reason: string | null, at: string }> } | null, transitions: Array<{ state: string, event: string, attempt: number, message: string | null, at: string }>, items: Array<{ id: string, name: string, index: number, site: string | null, status: string, jobId: string | null, playbook: string, commit: string, outputs: unknown, message: string | null, startedAt: string | null, finishedAt: string | null }> } };

export type PreviewOrderMutationVariables = Exact<{
  input: OrderServiceInput;
}>;


export type PreviewOrderMutation = { previewOrder: { id: string, status: RequestStatus, action: RequestAction, tenantId: string, message: string | null, createdAt: string, updatedAt: string, finishedAt: string | null, dialogValues: unknown, state: string | null, stateAttempt: number, scheduledBy: { id: string, name: string } | null, machine: { name: string, action: string, serviceId: string | null, rollbackOf: string | null, onFailure: string, states: Array<{ name: string, method: string }> } | null, template: { id: string, name: string, type: string, dialog: unknown } | null, requester: { id: string, username: string } | null, jobs: Array<{ id: string, status: JobStatus, playbook: string, commit: string, returnCode: number | null, startedAt: string | null, finishedAt: string | null, cancelRequestedAt: string | null, artifacts: unknown, eventCount: number, eventsEmitted: number | null, eventsComplete: boolean | null, outputPurgedAt: string | null, hostSummaries: Array<{ host: string, ok: number, changed: number, failures: number, unreachable: number, skipped: number, rescued: number, ignored: number }> }>, service: { id: string, name: string, status: string } | null, approval: { approvals: number, reason: string, timeoutHours: number, deadline: string | null, canDecide: boolean, approvers: Array<{ id: string, username: string }>, decisions: Array<{ approverId: string | null, approverName: string, decision: string, reason: string | null, at: string }> } | null, transitions: Array<{ state: string, event: string, attempt: number, message: string | null, at: string }>, items: Array<{ id: string, name: string, index: number, site: string | null, status: string, jobId: string | null, playbook: string, commit: string, outputs: unknown, message: string | null, startedAt: string | null, finishedAt: string | null }> } };

export type ReconfigureServiceMutationVariables = Exact<{
  id: string;
  values: unknown;
}>;


export type ReconfigureServiceMutation = { reconfigureService: { id: string, status: RequestStatus, action: RequestAction, tenantId: string, message: string | null, createdAt: string, updatedAt: string, finishedAt: string | null, dialogValues: unknown, state: string | null, stateAttempt: number, scheduledBy: { id: string, name: string } | null, machine: { name: string, action: string, serviceId: string | null, rollbackOf: string | null, onFailure: string, states: Array<{ name: string, method: string }> } | null, template: { id: string, name: string, type: string, dialog: unknown } | null, requester: { id: string, username: string } | null, jobs: Array<{ id: string, status: JobStatus, playbook: string, commit: string, returnCode: number | null, startedAt: string | null, finishedAt: string | null, cancelRequestedAt: string | null, artifacts: unknown, eventCount: number, eventsEmitted: number | null, eventsComplete: boolean | null, outputPurgedAt: string | null, hostSummaries: Array<{ host: string, ok: number, changed: number, failures: number, unreachable: number, skipped: number, rescued: number, ignored: number }> }>, service: { id: string, name: string, status: string } | null, approval: { approvals: number, reason: string, timeoutHours: number, deadline: string | null, canDecide: boolean, approvers: Array<{ id: string, username: string }>, decisions: Array<{ approverId: string | null, approverName: string, decision: string, reason: string | null, at: string }> } | null, transitions: Array<{ state: string, event: string, attempt: number, message: string | null, at: string }>, items: Array<{ id: string, name: string, index: number, site: string | null, status: string, jobId: string | null, playbook: string, commit: string, outputs: unknown, message: string | null, startedAt: string | null, finishedAt: string | null }> } };

export type ResumeServiceRequestMutationVariables = Exact<{
  id: string;
}>;


export type ResumeServiceRequestMutation = { resumeServiceRequest: { id: string, status: RequestStatus, action: RequestAction, tenantId: string, message: string | null, createdAt: string, updatedAt: string, finishedAt: string | null, dialogValues: unknown, state: string | null, stateAttempt: number, scheduledBy: { id: string, name: string } | null, machine: { name: string, action: string, serviceId: string | null, rollbackOf: string | null, onFailure: string, states: Array<{ name: string, method: string }> } | null, template: { id: string, name: string, type: string, dialog: unknown } | null, requester: { id: string, username: string } | null, jobs: Array<{ id: string, status: JobStatus, playbook: string, commit: string, returnCode: number | null, startedAt: string | null, finishedAt: string | null, cancelRequestedAt: string | null, artifacts: unknown, eventCount: number, eventsEmitted: number | null, eventsComplete: boolean | null, outputPurgedAt: string | null, hostSummaries: Array<{ host: string, ok: number, changed: number, failures: number, unreachable: number, skipped: number, rescued: number, ignored: number }> }>, service: { id: string, name: string, status: string } | null, approval: { approvals: number, reason: string, timeoutHours: number, deadline: string | null, canDecide: boolean, approvers: Array<{ id: string, username: string }>, decisions: Array<{ approverId: string | null, approverName: string, decision: string, reason: string | null, at: string }> } | null, transitions: Array<{ state: string, event: string, attempt: number, message: string | null, at: string }>, items: Array<{ id: string, name: string, index: number, site: string | null, status: string, jobId: string | null, playbook: string, commit: string, outputs: unknown, message: string | null, startedAt: string | null, finishedAt: string | null }> } };

export type CancelServiceRequestMutationVariables = Exact<{
  id: string;
}>;


export type CancelServiceRequestMutation = { cancelServiceRequest: { id: string, status: RequestStatus, action: RequestAction, tenantId: string, message: string | null, createdAt: string, updatedAt: string, finishedAt: string | null, dialogValues: unknown, state: string | null, stateAttempt: number, scheduledBy: { id: string, name: string } | null, machine: { name: string, action: string, serviceId: string | null, rollbackOf: string | null, onFailure: string, states: Array<{ name: string, method: string }> } | null, template: { id: string, name: string, type: string, dialog: unknown } | null, requester: { id: string, username: string } | null, jobs: Array<{ id: string, status: JobStatus, playbook: string, commit: string, returnCode: number | null, startedAt: string | null, finishedAt: string | null, cancelRequestedAt: string | null, artifacts: unknown, eventCount: number, eventsEmitted: number | null, eventsComplete: boolean | null, outputPurgedAt: string | null, hostSummaries: Array<{ host: string, ok: number, changed: number, failures: number, unreachable: number, skipped: number, rescued: number, ignored: number }> }>, service: { id: string, name: string, status: string } | null, approval: { approvals: number, reason: string, timeoutHours: number, deadline: string | null, canDecide: boolean, approvers: Array<{ id: string, username: string }>, decisions: Array<{ approverId: string | null, approverName: string, decision: string, reason: string | null, at: string }> } | null, transitions: Array<{ state: string, event: string, attempt: number, message: string | null, at: string }>, items: Array<{ id: string, name: string, index: number, site: string | null, status: string, jobId: string | null, playbook: string, commit: string, outputs: unknown, message: string | null, startedAt: string | null, finishedAt: string | null }> } };

export type JobQueryVariables = Exact<{
  id: string;
}>;


export type JobQuery = { job: { stdout: string, id: string, status: JobStatus, playbook: string, commit: string, returnCode: number | null, startedAt: string | null, finishedAt: string | null, cancelRequestedAt: string | null, artifacts: unknown, eventCount: number, eventsEmitted: number | null, eventsComplete: boolean | null, outputPurgedAt: string | null, hostSummaries: Array<{ host: string, ok: number, changed: number, failures: number, unreachable: number, skipped: number, rescued: number, ignored: number }> } | null };

export type CancelJobMutationVariables = Exact<{
  id: string;
}>;


export type CancelJobMutation = { cancelJob: { id: string, status: JobStatus, playbook: string, commit: string, returnCode: number | null, startedAt: string | null, finishedAt: string | null, cancelRequestedAt: string | null, artifacts: unknown, eventCount: number, eventsEmitted: number | null, eventsComplete: boolean | null, outputPurgedAt: string | null, hostSummaries: Array<{ host: string, ok: number, changed: number, failures: number, unreachable: number, skipped: number, rescued: number, ignored: number }> } };

export type JobEventsQueryVariables = Exact<{
  id: string;
  afterSeq?: number | null | undefined;
}>;


export type JobEventsQuery = { job: { events: Array<{ seq: number, event: string, host: string | null, task: string | null, play: string | null, changed: boolean, failed: boolean, stdout: string | null, createdAt: string }> } | null };

export type ServiceRequestUpdatedSubscriptionVariables = Exact<{
  id: string;
}>;


export type ServiceRequestUpdatedSubscription = { serviceRequestUpdated: { id: string, status: RequestStatus, action: RequestAction, tenantId: string, message: string | null, createdAt: string, updatedAt: string, finishedAt: string | null, dialogValues: unknown, state: string | null, stateAttempt: number, scheduledBy: { id: string, name: string } | null, machine: { name: string, action: string, serviceId: string | null, rollbackOf: string | null, onFailure: string, states: Array<{ name: string, method: string }> } | null, template: { id: string, name: string, type: string, dialog: unknown } | null, requester: { id: string, username: string } | null, jobs: Array<{ id: string, status: JobStatus, playbook: string, commit: string, returnCode: number | null, startedAt: string | null, finishedAt: string | null, cancelRequestedAt: string | null, artifacts: unknown, eventCount: number, eventsEmitted: number | null, eventsComplete: boolean | null, outputPurgedAt: string | null, hostSummaries: Array<{ host: string, ok: number, changed: number, failures: number, unreachable: number, skipped: number, rescued: number, ignored: number }> }>, service: { id: string, name: string, status: string } | null, approval: { approvals: number, reason: string, timeoutHours: number, deadline: string | null, canDecide: boolean, approvers: Array<{ id: string, username: string }>, decisions: Array<{ approverId: string | null, approverName: string, decision: string, reason: string | null, at: string }> } | null, transitions: Array<{ state: string, event: string, attempt: number, message: string | null, at: string }>, items: Array<{ id: string, name: string, index: number, site: string | null, status: string, jobId: string | null, playbook: string, commit: string, outputs: unknown, message: string | null, startedAt: string | null, finishedAt: string | null }> } };

export type JobLogSubscriptionVariables = Exact<{
  jobId: string;
  offset?: number | null | undefined;
}>;


export type JobLogSubscription = { jobLog: { offset: number, text: string } };

export type JobEventsLiveSubscriptionVariables = Exact<{
  jobId: string;
  afterSeq?: number | null | undefined;
}>;


export type JobEventsLiveSubscription = { jobEvents: { seq: number, event: string, host: string | null, task: string | null, play: string | null, changed: boolean, failed: boolean, stdout: string | null, createdAt: string } };

export type ServiceFieldsFragment = { id: string, name: string, status: string, outputs: unknown, createdAt: string, providerIds: Array<string>, retiresAt: string | null, maxRetiresAt: string | null, retirementWarnDays: number, retirementWarnedAt: string | null, owner: { id: string, username: string } | null, request: { id: string, status: RequestStatus, template: { id: string, name: string } | null } | null, configuration: { dialog: string | null, values: unknown, reconfigurableFields: Array<string> } };

export type ServicesQueryVariables = Exact<{
  skip?: number | null | undefined;
  take?: number | null | undefined;
  filter?: ServiceFilter | null | undefined;
  sort?: ServiceSort | null | undefined;
}>;


export type ServicesQuery = { serviceCount: number, services: Array<{ id: string, name: string, status: string, outputs: unknown, createdAt: string, providerIds: Array<string>, retiresAt: string | null, maxRetiresAt: string | null, retirementWarnDays: number, retirementWarnedAt: string | null, owner: { id: string, username: string } | null, request: { id: string, status: RequestStatus, template: { id: string, name: string } | null } | null, configuration: { dialog: string | null, values: unknown, reconfigurableFields: Array<string> } }> };

export type ServiceQueryVariables = Exact<{
  id: string;
}>;


export type ServiceQuery = { service: { retirementPlaybooks: Array<string>, id: string, name: string, status: string, outputs: unknown, createdAt: string, providerIds: Array<string>, retiresAt: string | null, maxRetiresAt: string | null, retirementWarnDays: number, retirementWarnedAt: string | null, placements: Array<{ site: string | null, providerId: string, providerTypes: Array<string> | null }>, requests: Array<{ id: string, status: RequestStatus, action: RequestAction, createdAt: string, finishedAt: string | null, requester: { id: string, username: string } | null }>, owner: { id: string, username: string } | null, request: { id: string, status: RequestStatus, template: { id: string, name: string } | null } | null, configuration: { dialog: string | null, values: unknown, reconfigurableFields: Array<string> } } | null };

export type ExtendServiceRetirementMutationVariables = Exact<{
  id: string;
  retiresAt: string;
}>;


export type ExtendServiceRetirementMutation = { extendServiceRetirement: { id: string, retiresAt: string | null, retirementWarnedAt: string | null } };

export type RetireServiceMutationVariables = Exact<{
  id: string;
}>;


export type RetireServiceMutation = { retireService: { id: string, status: RequestStatus, action: RequestAction, tenantId: string, message: string | null, createdAt: string, updatedAt: string, finishedAt: string | null, dialogValues: unknown, state: string | null, stateAttempt: number, scheduledBy: { id: string, name: string } | null, machine: { name: string, action: string, serviceId: string | null, rollbackOf: string | null, onFailure: string, states: Array<{ name: string, method: string }> } | null, template: { id: string, name: string, type: string, dialog: unknown } | null, requester: { id: string, username: string } | null, jobs: Array<{ id: string, status: JobStatus, playbook: string, commit: string, returnCode: number | null, startedAt: string | null, finishedAt: string | null, cancelRequestedAt: string | null, artifacts: unknown, eventCount: number, eventsEmitted: number | null, eventsComplete: boolean | null, outputPurgedAt: string | null, hostSummaries: Array<{ host: string, ok: number, changed: number, failures: number, unreachable: number, skipped: number, rescued: number, ignored: number }> }>, service: { id: string, name: string, status: string } | null, approval: { approvals: number, reason: string, timeoutHours: number, deadline: string | null, canDecide: boolean, approvers: Array<{ id: string, username: string }>, decisions: Array<{ approverId: string | null, approverName: string, decision: string, reason: string | null, at: string }> } | null, transitions: Array<{ state: string, event: string, attempt: number, message: string | null, at: string }>, items: Array<{ id: string, name: string, index: number, site: string | null, status: string, jobId: string | null, playbook: string, commit: string, outputs: unknown, message: string | null, startedAt: string | null, finishedAt: string | null }> } };

export type ForceRetireServiceMutationVariables = Exact<{
  id: string;
  reason: string;
}>;


export type ForceRetireServiceMutation = { forceRetireService: { id: string, status: string } };

export type HealServiceMutationVariables = Exact<{
  id: string;
}>;


export type HealServiceMutation = { healService: { id: string, status: RequestStatus, action: RequestAction, tenantId: string, message: string | null, createdAt: string, updatedAt: string, finishedAt: string | null, dialogValues: unknown, state: string | null, stateAttempt: number, scheduledBy: { id: string, name: string } | null, machine: { name: string, action: string, serviceId: string | null, rollbackOf: string | null, onFailure: string, states: Array<{ name: string, method: string }> } | null, template: { id: string, name: string, type: string, dialog: unknown } | null, requester: { id: string, username: string } | null, jobs: Array<{ id: string, status: JobStatus, playbook: string, commit: string, returnCode: number | null, startedAt: string | null, finishedAt: string | null, cancelRequestedAt: string | null, artifacts: unknown, eventCount: number, eventsEmitted: number | null, eventsComplete: boolean | null, outputPurgedAt: string | null, hostSummaries: Array<{ host: string, ok: number, changed: number, failures: number, unreachable: number, skipped: number, rescued: number, ignored: number }> }>, service: { id: string, name: string, status: string } | null, approval: { approvals: number, reason: string, timeoutHours: number, deadline: string | null, canDecide: boolean, approvers: Array<{ id: string, username: string }>, decisions: Array<{ approverId: string | null, approverName: string, decision: string, reason: string | null, at: string }> } | null, transitions: Array<{ state: string, event: string, attempt: number, message: string | null, at: string }>, items: Array<{ id: string, name: string, index: number, site: string | null, status: string, jobId: string | null, playbook: string, commit: string, outputs: unknown, message: string | null, startedAt: string | null, finishedAt: string | null }> } };

export type MigrateServiceMutationVariables = Exact<{
  id: string;
  placements: Array<PlacementInput> | PlacementInput;
}>;


export type MigrateServiceMutation = { migrateService: { id: string, status: RequestStatus, action: RequestAction, tenantId: string, message: string | null, createdAt: string, updatedAt: string, finishedAt: string | null, dialogValues: unknown, state: string | null, stateAttempt: number, scheduledBy: { id: string, name: string } | null, machine: { name: string, action: string, serviceId: string | null, rollbackOf: string | null, onFailure: string, states: Array<{ name: string, method: string }> } | null, template: { id: string, name: string, type: string, dialog: unknown } | null, requester: { id: string, username: string } | null, jobs: Array<{ id: string, status: JobStatus, playbook: string, commit: string, returnCode: number | null, startedAt: string | null, finishedAt: string | null, cancelRequestedAt: string | null, artifacts: unknown, eventCount: number, eventsEmitted: number | null, eventsComplete: boolean | null, outputPurgedAt: string | null, hostSummaries: Array<{ host: string, ok: number, changed: number, failures: number, unreachable: number, skipped: number, rescued: number, ignored: number }> }>, service: { id: string, name: string, status: string } | null, approval: { approvals: number, reason: string, timeoutHours: number, deadline: string | null, canDecide: boolean, approvers: Array<{ id: string, username: string }>, decisions: Array<{ approverId: string | null, approverName: string, decision: string, reason: string | null, at: string }> } | null, transitions: Array<{ state: string, event: string, attempt: number, message: string | null, at: string }>, items: Array<{ id: string, name: string, index: number, site: string | null, status: string, jobId: string | null, playbook: string, commit: string, outputs: unknown, message: string | null, startedAt: string | null, finishedAt: string | null }> } };

export type DeleteServiceMutationVariables = Exact<{
  id: string;
}>;


export type DeleteServiceMutation = { deleteService: boolean };

export type TemplateEditorFieldsFragment = { id: string, name: string, description: string | null, catalog: string, type: string, published: boolean, source: string | null, definition: unknown, tenantId: string, sharedWith: Array<string> };

export type TemplatesPageQueryVariables = Exact<{
  search?: string | null | undefined;
  skip: number;
  take: number;
}>;


export type TemplatesPageQuery = { serviceTemplateCount: number, serviceTemplates: Array<{ id: string, name: string, description: string | null, catalog: string, type: string, published: boolean, source: string | null, definition: unknown, tenantId: string, sharedWith: Array<string> }> };

export type TemplateQueryVariables = Exact<{
  id: string;
}>;


export type TemplateQuery = { serviceTemplate: { id: string, name: string, description: string | null, catalog: string, type: string, published: boolean, source: string | null, definition: unknown, tenantId: string, sharedWith: Array<string> } | null };

export type SaveServiceTemplateMutationVariables = Exact<{
  i: ServiceTemplateInput;
}>;


export type SaveServiceTemplateMutation = { saveServiceTemplate: { id: string, name: string, description: string | null, catalog: string, type: string, published: boolean, source: string | null, definition: unknown, tenantId: string, sharedWith: Array<string> } };

export type DeleteServiceTemplateMutationVariables = Exact<{
  id: string;
}>;


export type DeleteServiceTemplateMutation = { deleteServiceTemplate: boolean };

export type ShareServiceTemplateMutationVariables = Exact<{
  id: string;
  tenantIds: Array<string> | string;
}>;


export type ShareServiceTemplateMutation = { shareServiceTemplate: { id: string, name: string, description: string | null, catalog: string, type: string, published: boolean, source: string | null, definition: unknown, tenantId: string, sharedWith: Array<string> } };

export type StateMachinesQueryVariables = Exact<{ [key: string]: never; }>;


export type StateMachinesQuery = { stateMachines: Array<{ name: string, description: string | null, states: Array<string> }> };

export type TenantFieldsFragment = { id: string, name: string, description: string, parentId: string | null, createdAt: string };

export type TenantsQueryVariables = Exact<{ [key: string]: never; }>;


export type TenantsQuery = { tenants: Array<{ id: string, name: string, description: string, parentId: string | null, createdAt: string }> };

export type CreateTenantMutationVariables = Exact<{
  input: TenantInput;
}>;


export type CreateTenantMutation = { createTenant: { id: string, name: string, description: string, parentId: string | null, createdAt: string } };

export type UpdateTenantMutationVariables = Exact<{
  id: string;
  input: TenantInput;
}>;


export type UpdateTenantMutation = { updateTenant: { id: string, name: string, description: string, parentId: string | null, createdAt: string } };

export type DeleteTenantMutationVariables = Exact<{
  id: string;
}>;


export type DeleteTenantMutation = { deleteTenant: boolean };

export type UserFieldsFragment = { id: string, username: string, displayName: string, email: string, disabled: boolean, mustChangePassword: boolean, roles: Array<string>, createdAt: string, groups: Array<{ id: string, name: string }>, tenant: { id: string, name: string } };

export type UsersQueryVariables = Exact<{ [key: string]: never; }>;


export type UsersQuery = { users: Array<{ id: string, username: string, displayName: string, email: string, disabled: boolean, mustChangePassword: boolean, roles: Array<string>, createdAt: string, groups: Array<{ id: string, name: string }>, tenant: { id: string, name: string } }> };

export type UserQueryVariables = Exact<{
  id: string;
}>;


export type UserQuery = { user: { id: string, username: string, displayName: string, email: string, disabled: boolean, mustChangePassword: boolean, roles: Array<string>, createdAt: string, groups: Array<{ id: string, name: string }>, tenant: { id: string, name: string } } | null };

export type CreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreateUserMutation = { createUser: { id: string, username: string, displayName: string, email: string, disabled: boolean, mustChangePassword: boolean, roles: Array<string>, createdAt: string, groups: Array<{ id: string, name: string }>, tenant: { id: string, name: string } } };

export type UpdateUserMutationVariables = Exact<{
  id: string;
  input: UpdateUserInput;
}>;


export type UpdateUserMutation = { updateUser: { id: string, username: string, displayName: string, email: string, disabled: boolean, mustChangePassword: boolean, roles: Array<string>, createdAt: string, groups: Array<{ id: string, name: string }>, tenant: { id: string, name: string } } };

export type DeleteUserMutationVariables = Exact<{
  id: string;
}>;


export type DeleteUserMutation = { deleteUser: boolean };

export type ResetUserPasswordMutationVariables = Exact<{
  id: string;
  password: string;
}>;


export type ResetUserPasswordMutation = { resetUserPassword: { id: string, username: string, displayName: string, email: string, disabled: boolean, mustChangePassword: boolean, roles: Array<string>, createdAt: string, groups: Array<{ id: string, name: string }>, tenant: { id: string, name: string } } };

export type VnfPackageFieldsFragment = { id: string, name: string, repoId: string, repoName: string, path: string, vnfdId: string, provider: string, productName: string, softwareVersion: string, vnfdVersion: string, commit: string, onboardingState: string, operationalState: string, usageState: string, usedBy: Array<string>, deletionState: string | null, deleted: boolean, createdAt: string, updatedAt: string, artifacts: Array<{ path: string, size: number, sha256: string }> };

export type VnfPackageDetailFieldsFragment = { id: string, name: string, repoId: string, repoName: string, path: string, vnfdId: string, provider: string, productName: string, softwareVersion: string, vnfdVersion: string, commit: string, onboardingState: string, operationalState: string, usageState: string, usedBy: Array<string>, deletionState: string | null, deleted: boolean, createdAt: string, updatedAt: string, vdus: Array<{ vduId: string, name: string, description: string | null, vduParent: string | null, parentMandatory: boolean, bareMetal: boolean, technology: string, image: string | null, descriptors: Array<string>, depth: number }>, connectionPoints: Array<{ cpdId: string, kind: string, of: string | null, exposedPods: Array<string>, ports: Array<{ name: string | null, port: number, protocol: string, targetPort: string | null }> }>, artifacts: Array<{ path: string, size: number, sha256: string }> };

export type VnfPackagesQueryVariables = Exact<{
  filter?: VnfPackageFilterInput | null | undefined;
}>;


export type VnfPackagesQuery = { vnfPackages: Array<{ id: string, name: string, repoId: string, repoName: string, path: string, vnfdId: string, provider: string, productName: string, softwareVersion: string, vnfdVersion: string, commit: string, onboardingState: string, operationalState: string, usageState: string, usedBy: Array<string>, deletionState: string | null, deleted: boolean, createdAt: string, updatedAt: string, artifacts: Array<{ path: string, size: number, sha256: string }> }> };

export type VnfPackageQueryVariables = Exact<{
  id: string;
}>;


export type VnfPackageQuery = { vnfPackage: { id: string, name: string, repoId: string, repoName: string, path: string, vnfdId: string, provider: string, productName: string, softwareVersion: string, vnfdVersion: string, commit: string, onboardingState: string, operationalState: string, usageState: string, usedBy: Array<string>, deletionState: string | null, deleted: boolean, createdAt: string, updatedAt: string, vdus: Array<{ vduId: string, name: string, description: string | null, vduParent: string | null, parentMandatory: boolean, bareMetal: boolean, technology: string, image: string | null, descriptors: Array<string>, depth: number }>, connectionPoints: Array<{ cpdId: string, kind: string, of: string | null, exposedPods: Array<string>, ports: Array<{ name: string | null, port: number, protocol: string, targetPort: string | null }> }>, artifacts: Array<{ path: string, size: number, sha256: string }> } };

export type EnableVnfPackageMutationVariables = Exact<{
  id: string;
}>;


export type EnableVnfPackageMutation = { enableVnfPackage: { id: string, name: string, repoId: string, repoName: string, path: string, vnfdId: string, provider: string, productName: string, softwareVersion: string, vnfdVersion: string, commit: string, onboardingState: string, operationalState: string, usageState: string, usedBy: Array<string>, deletionState: string | null, deleted: boolean, createdAt: string, updatedAt: string, vdus: Array<{ vduId: string, name: string, description: string | null, vduParent: string | null, parentMandatory: boolean, bareMetal: boolean, technology: string, image: string | null, descriptors: Array<string>, depth: number }>, connectionPoints: Array<{ cpdId: string, kind: string, of: string | null, exposedPods: Array<string>, ports: Array<{ name: string | null, port: number, protocol: string, targetPort: string | null }> }>, artifacts: Array<{ path: string, size: number, sha256: string }> } };

export type DisableVnfPackageMutationVariables = Exact<{
  id: string;
}>;


export type DisableVnfPackageMutation = { disableVnfPackage: { id: string, name: string, repoId: string, repoName: string, path: string, vnfdId: string, provider: string, productName: string, softwareVersion: string, vnfdVersion: string, commit: string, onboardingState: string, operationalState: string, usageState: string, usedBy: Array<string>, deletionState: string | null, deleted: boolean, createdAt: string, updatedAt: string, vdus: Array<{ vduId: string, name: string, description: string | null, vduParent: string | null, parentMandatory: boolean, bareMetal: boolean, technology: string, image: string | null, descriptors: Array<string>, depth: number }>, connectionPoints: Array<{ cpdId: string, kind: string, of: string | null, exposedPods: Array<string>, ports: Array<{ name: string | null, port: number, protocol: string, targetPort: string | null }> }>, artifacts: Array<{ path: string, size: number, sha256: string }> } };

export type DeleteVnfPackageMutationVariables = Exact<{
  id: string;
}>;


export type DeleteVnfPackageMutation = { deleteVnfPackage: { id: string, name: string, repoId: string, repoName: string, path: string, vnfdId: string, provider: string, productName: string, softwareVersion: string, vnfdVersion: string, commit: string, onboardingState: string, operationalState: string, usageState: string, usedBy: Array<string>, deletionState: string | null, deleted: boolean, createdAt: string, updatedAt: string, artifacts: Array<{ path: string, size: number, sha256: string }> } };

export type AbortVnfPackageDeletionMutationVariables = Exact<{
  id: string;
}>;


export type AbortVnfPackageDeletionMutation = { abortVnfPackageDeletion: { id: string, name: string, repoId: string, repoName: string, path: string, vnfdId: string, provider: string, productName: string, softwareVersion: string, vnfdVersion: string, commit: string, onboardingState: string, operationalState: string, usageState: string, usedBy: Array<string>, deletionState: string | null, deleted: boolean, createdAt: string, updatedAt: string, vdus: Array<{ vduId: string, name: string, description: string | null, vduParent: string | null, parentMandatory: boolean, bareMetal: boolean, technology: string, image: string | null, descriptors: Array<string>, depth: number }>, connectionPoints: Array<{ cpdId: string, kind: string, of: string | null, exposedPods: Array<string>, ports: Array<{ name: string | null, port: number, protocol: string, targetPort: string | null }> }>, artifacts: Array<{ path: string, size: number, sha256: string }> } };

export type VnfPackageArtifactQueryVariables = Exact<{
  id: string;
  path: string;
}>;


export type VnfPackageArtifactQuery = { vnfPackageArtifact: { path: string, size: number, sha256: string, encoding: string, content: string } };

export type WebhookEndpointFieldsFragment = { id: string, tenantId: string, name: string, url: string, enabled: boolean, createdAt: string, secretRotatedAt: string };

export type NotificationDeliveryFieldsFragment = { id: string, eventType: NotificationEvent, title: string, channel: NotificationChannel, status: string, attempts: number, responseCode: number | null, lastError: string | null, nextAttemptAt: string | null, deliveredAt: string | null, createdAt: string };

export type WebhookEndpointsQueryVariables = Exact<{ [key: string]: never; }>;


export type WebhookEndpointsQuery = { webhookEndpoints: Array<{ id: string, tenantId: string, name: string, url: string, enabled: boolean, createdAt: string, secretRotatedAt: string }> };

export type CreateWebhookEndpointMutationVariables = Exact<{
  input: WebhookEndpointInput;
}>;


export type CreateWebhookEndpointMutation = { createWebhookEndpoint: { secret: string, endpoint: { id: string, tenantId: string, name: string, url: string, enabled: boolean, createdAt: string, secretRotatedAt: string } } };

export type UpdateWebhookEndpointMutationVariables = Exact<{
  id: string;
  input: WebhookEndpointUpdate;
}>;


export type UpdateWebhookEndpointMutation = { updateWebhookEndpoint: { id: string, tenantId: string, name: string, url: string, enabled: boolean, createdAt: string, secretRotatedAt: string } };

export type RotateWebhookSecretMutationVariables = Exact<{
  id: string;
}>;


export type RotateWebhookSecretMutation = { rotateWebhookSecret: { secret: string, endpoint: { id: string, tenantId: string, name: string, url: string, enabled: boolean, createdAt: string, secretRotatedAt: string } } };

export type DeleteWebhookEndpointMutationVariables = Exact<{
  id: string;
}>;


export type DeleteWebhookEndpointMutation = { deleteWebhookEndpoint: boolean };

export type WebhookDeliveriesQueryVariables = Exact<{
  endpointId: string;
  skip?: number | null | undefined;
  take?: number | null | undefined;
}>;


export type WebhookDeliveriesQuery = { webhookDeliveries: Array<{ id: string, eventType: NotificationEvent, title: string, channel: NotificationChannel, status: string, attempts: number, responseCode: number | null, lastError: string | null, nextAttemptAt: string | null, deliveredAt: string | null, createdAt: string }> };

export type ResendWebhookDeliveryMutationVariables = Exact<{
  id: string;
}>;


export type ResendWebhookDeliveryMutation = { resendWebhookDelivery: { id: string, eventType: NotificationEvent, title: string, channel: NotificationChannel, status: string, attempts: number, responseCode: number | null, lastError: string | null, nextAttemptAt: string | null, deliveredAt: string | null, createdAt: string } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const AlarmFieldsFragmentDoc = new TypedDocumentString(`
    fragment AlarmFields on Alarm {
  id
  kind
  severity
  objectType
  objectId
  tenantId
  message
  raisedAt
  acknowledgedAt
  acknowledgedBy
  clearedAt
  clearReason
}
    `, {"fragmentName":"AlarmFields"}) as unknown as TypedDocumentString<AlarmFieldsFragment, unknown>;
export const ApiTokenFieldsFragmentDoc = new TypedDocumentString(`
    fragment ApiTokenFields on ApiToken {
  id
  name
  createdAt
  expiresAt
  lastUsedAt
  scopes
}
    `, {"fragmentName":"ApiTokenFields"}) as unknown as TypedDocumentString<ApiTokenFieldsFragment, unknown>;
export const AuditEventFieldsFragmentDoc = new TypedDocumentString(`
    fragment AuditEventFields on AuditEvent {
  id
  at
  actorId
  actorName
  action
  objectType
  objectId
  outcome
  errorCode
  message
  ip
  details
}
    `, {"fragmentName":"AuditEventFields"}) as unknown as TypedDocumentString<AuditEventFieldsFragment, unknown>;
export const CatalogCardFieldsFragmentDoc = new TypedDocumentString(`
    fragment CatalogCardFields on ServiceTemplate {
  id
  name
  description
  catalog
  icon
  published
  type
}
    `, {"fragmentName":"CatalogCardFields"}) as unknown as TypedDocumentString<CatalogCardFieldsFragment, unknown>;
export const CatalogItemFieldsFragmentDoc = new TypedDocumentString(`
    fragment CatalogItemFields on ServiceTemplate {
  id
  name
  description
  catalog
  longDescription
  icon
  published
  type
  dialog
  orderOptions
  lifetime
  approval {
    mode
    approvals
    timeoutHours
  }
}
    `, {"fragmentName":"CatalogItemFields"}) as unknown as TypedDocumentString<CatalogItemFieldsFragment, unknown>;
export const CredentialFieldsFragmentDoc = new TypedDocumentString(`
    fragment CredentialFields on Credential {
  id
  name
  type
  inputs
  secretFields
  createdAt
  updatedAt
}
    `, {"fragmentName":"CredentialFields"}) as unknown as TypedDocumentString<CredentialFieldsFragment, unknown>;
export const DashboardItemFieldsFragmentDoc = new TypedDocumentString(`
    fragment DashboardItemFields on DashboardItem {
  templateId
  template {
    name
  }
  total
  finished
  failed
  durationP50Seconds
  durationP95Seconds
}
    `, {"fragmentName":"DashboardItemFields"}) as unknown as TypedDocumentString<DashboardItemFieldsFragment, unknown>;
export const DialogFieldsFragmentDoc = new TypedDocumentString(`
    fragment DialogFields on Dialog {
  id
  name
  label
  description
  origin
  updatedAt
  tenantId
  sharedWith
  fields {
    name
    label
    type
    required
    dynamic
    pending
    dependsOn
    boundFrom
  }
}
    `, {"fragmentName":"DialogFields"}) as unknown as TypedDocumentString<DialogFieldsFragment, unknown>;
export const DialogDetailFieldsFragmentDoc = new TypedDocumentString(`
    fragment DialogDetailFields on Dialog {
  ...DialogFields
  form
  definition
}
    fragment DialogFields on Dialog {
  id
  name
  label
  description
  origin
  updatedAt
  tenantId
  sharedWith
  fields {
    name
    label
    type
    required
    dynamic
    pending
    dependsOn
    boundFrom
  }
}`, {"fragmentName":"DialogDetailFields"}) as unknown as TypedDocumentString<DialogDetailFieldsFragment, unknown>;
export const GitRepoFieldsFragmentDoc = new TypedDocumentString(`
    fragment GitRepoFields on GitRepo {
  id
  name
  url
  branch
  commit
  lastRefreshedAt
  refreshStatus
  refreshError
  builtin
  hosted
  enabled
  refreshMaxAgeSeconds
  refreshIntervalSeconds
  cloneUrl
  webhookUrl
  tenantId
  sharedWith
  credentialId
  playbooks {
    path
    syntaxStatus
    syntaxError
  }
}
    `, {"fragmentName":"GitRepoFields"}) as unknown as TypedDocumentString<GitRepoFieldsFragment, unknown>;
export const GitRefreshFieldsFragmentDoc = new TypedDocumentString(`
    fragment GitRefreshFields on GitRefresh {
  id
  status
  commit
  previousCommit
  durationMs
  error
  added
  changed
  removed
  startedAt
  finishedAt
}
    `, {"fragmentName":"GitRefreshFields"}) as unknown as TypedDocumentString<GitRefreshFieldsFragment, unknown>;
export const GitRepoDetailFieldsFragmentDoc = new TypedDocumentString(`
    fragment GitRepoDetailFields on GitRepo {
  ...GitRepoFields
  refreshes(take: 20) {
    ...GitRefreshFields
  }
}
    fragment GitRepoFields on GitRepo {
  id
  name
  url
  branch
  commit
  lastRefreshedAt
  refreshStatus
  refreshError
  builtin
  hosted
  enabled
  refreshMaxAgeSeconds
  refreshIntervalSeconds
  cloneUrl
  webhookUrl
  tenantId
  sharedWith
  credentialId
  playbooks {
    path
    syntaxStatus
    syntaxError
  }
}
fragment GitRefreshFields on GitRefresh {
  id
  status
  commit
  previousCommit
  durationMs
  error
  added
  changed
  removed
  startedAt
  finishedAt
}`, {"fragmentName":"GitRepoDetailFields"}) as unknown as TypedDocumentString<GitRepoDetailFieldsFragment, unknown>;
export const GroupFieldsFragmentDoc = new TypedDocumentString(`
    fragment GroupFields on Group {
  id
  name
  description
  roles
  members {
    id
    username
  }
  tenant {
    id
    name
  }
  createdAt
}
    `, {"fragmentName":"GroupFields"}) as unknown as TypedDocumentString<GroupFieldsFragment, unknown>;
export const InventoryFieldsFragmentDoc = new TypedDocumentString(`
    fragment InventoryFields on Inventory {
  id
  name
  description
  sites {
    name
    providerId
    hosts
    variables
  }
  createdAt
  updatedAt
  tenantId
  sharedWith
}
    `, {"fragmentName":"InventoryFields"}) as unknown as TypedDocumentString<InventoryFieldsFragment, unknown>;
export const InventoryDetailFieldsFragmentDoc = new TypedDocumentString(`
    fragment InventoryDetailFields on Inventory {
  ...InventoryFields
  rendered
}
    fragment InventoryFields on Inventory {
  id
  name
  description
  sites {
    name
    providerId
    hosts
    variables
  }
  createdAt
  updatedAt
  tenantId
  sharedWith
}`, {"fragmentName":"InventoryDetailFields"}) as unknown as TypedDocumentString<InventoryDetailFieldsFragment, unknown>;
export const NotificationFieldsFragmentDoc = new TypedDocumentString(`
    fragment NotificationFields on Notification {
  id
  eventType
  title
  data
  createdAt
  readAt
}
    `, {"fragmentName":"NotificationFields"}) as unknown as TypedDocumentString<NotificationFieldsFragment, unknown>;
export const NotificationSubscriptionFieldsFragmentDoc = new TypedDocumentString(`
    fragment NotificationSubscriptionFields on NotificationSubscription {
  id
  eventTypes
  channel
  tenantId
  endpointId
  enabled
  createdAt
}
    `, {"fragmentName":"NotificationSubscriptionFields"}) as unknown as TypedDocumentString<NotificationSubscriptionFieldsFragment, unknown>;
export const OidcGroupMappingFieldsFragmentDoc = new TypedDocumentString(`
    fragment OidcGroupMappingFields on OidcGroupMapping {
  id
  claim
  group {
    id
    name
  }
  tenant {
    id
    name
  }
  createdAt
}
    `, {"fragmentName":"OidcGroupMappingFields"}) as unknown as TypedDocumentString<OidcGroupMappingFieldsFragment, unknown>;
export const PerformanceJobFieldsFragmentDoc = new TypedDocumentString(`
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
    `, {"fragmentName":"PerformanceJobFields"}) as unknown as TypedDocumentString<PerformanceJobFieldsFragment, unknown>;
export const ProviderFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProviderFields on Provider {
  id
  name
  type
  config
  credentialId
  becomeCredentialId
  healthStatus
  healthMessage
  healthCheckedAt
  createdAt
  tenantId
  sharedWith
}
    `, {"fragmentName":"ProviderFields"}) as unknown as TypedDocumentString<ProviderFieldsFragment, unknown>;
export const ProviderHealthFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProviderHealthFields on ProviderHealthCheck {
  providerId
  status
  message
  latencyMs
  changed
  checkedAt
}
    `, {"fragmentName":"ProviderHealthFields"}) as unknown as TypedDocumentString<ProviderHealthFieldsFragment, unknown>;
export const ProviderDetailFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProviderDetailFields on Provider {
  ...ProviderFields
  inventory
  healthHistory(take: 50) {
    ...ProviderHealthFields
  }
  resources {
    __typename
    ... on KubernetesResources {
      namespaces
      deployments {
        namespace
        name
        replicas
        ready
      }
      services {
        namespace
        name
        type
        address
        ports
      }
    }
    ... on OpenStackResources {
      stacks {
        id
        name
        status
        reason
        createdAt
      }
      servers {
        id
        name
        status
        addresses
      }
      missing
    }
  }
  resourcesRefreshedAt
}
    fragment ProviderFields on Provider {
  id
  name
  type
  config
  credentialId
  becomeCredentialId
  healthStatus
  healthMessage
  healthCheckedAt
  createdAt
  tenantId
  sharedWith
}
fragment ProviderHealthFields on ProviderHealthCheck {
  providerId
  status
  message
  latencyMs
  changed
  checkedAt
}`, {"fragmentName":"ProviderDetailFields"}) as unknown as TypedDocumentString<ProviderDetailFieldsFragment, unknown>;
export const QuotaFieldsFragmentDoc = new TypedDocumentString(`
    fragment QuotaFields on Quota {
  id
  dimension
  limit
  used
  tenant {
    id
    name
  }
  user {
    id
    username
  }
}
    `, {"fragmentName":"QuotaFields"}) as unknown as TypedDocumentString<QuotaFieldsFragment, unknown>;
export const ScheduledOperationFieldsFragmentDoc = new TypedDocumentString(`
    fragment ScheduledOperationFields on ScheduledOperation {
  id
  name
  action
  templateId
  serviceId
  targetName
  runAt
  cron
  timezone
  enabled
  nextRunAt
  lastRunAt
  lastRequestId
  lastError
  runCount
  createdAt
}
    `, {"fragmentName":"ScheduledOperationFields"}) as unknown as TypedDocumentString<ScheduledOperationFieldsFragment, unknown>;
export const JobEventFieldsFragmentDoc = new TypedDocumentString(`
    fragment JobEventFields on JobEvent {
  seq
  event
  host
  task
  play
  changed
  failed
  stdout
  createdAt
}
    `, {"fragmentName":"JobEventFields"}) as unknown as TypedDocumentString<JobEventFieldsFragment, unknown>;
export const RequestBundleFieldsFragmentDoc = new TypedDocumentString(`
    fragment RequestBundleFields on ServiceRequest {
  state
  stateAttempt
  transitions {
    state
    event
    attempt
    message
    at
  }
  items {
    id
    name
    index
    site
    status
    jobId
    playbook
    commit
    outputs
    message
    startedAt
    finishedAt
  }
}
    `, {"fragmentName":"RequestBundleFields"}) as unknown as TypedDocumentString<RequestBundleFieldsFragment, unknown>;
export const JobFieldsFragmentDoc = new TypedDocumentString(`
    fragment JobFields on Job {
  id
  status
  playbook
  commit
  returnCode
  startedAt
  finishedAt
  cancelRequestedAt
  artifacts
  eventCount
  eventsEmitted
  eventsComplete
  outputPurgedAt
  hostSummaries {
    host
    ok
    changed
    failures
    unreachable
    skipped
    rescued
    ignored
  }
}
    `, {"fragmentName":"JobFields"}) as unknown as TypedDocumentString<JobFieldsFragment, unknown>;
export const RequestListFieldsFragmentDoc = new TypedDocumentString(`
    fragment RequestListFields on ServiceRequest {
  id
  status
  action
  tenantId
  message
  createdAt
  updatedAt
  finishedAt
  dialogValues
  ...RequestBundleFields
  template {
    id
    name
    type
  }
  requester {
    id
    username
  }
  jobs {
    ...JobFields
  }
  service {
    id
    name
    status
  }
}
    fragment JobFields on Job {
  id
  status
  playbook
  commit
  returnCode
  startedAt
  finishedAt
  cancelRequestedAt
  artifacts
  eventCount
  eventsEmitted
  eventsComplete
  outputPurgedAt
  hostSummaries {
    host
    ok
    changed
    failures
    unreachable
    skipped
    rescued
    ignored
  }
}
fragment RequestBundleFields on ServiceRequest {
  state
  stateAttempt
  transitions {
    state
    event
    attempt
    message
    at
  }
  items {
    id
    name
    index
    site
    status
    jobId
    playbook
    commit
    outputs
    message
    startedAt
    finishedAt
  }
}`, {"fragmentName":"RequestListFields"}) as unknown as TypedDocumentString<RequestListFieldsFragment, unknown>;
export const RequestApprovalFieldsFragmentDoc = new TypedDocumentString(`
    fragment RequestApprovalFields on ServiceRequest {
  approval {
    approvals
    reason
    timeoutHours
    deadline
    canDecide
    approvers {
      id
      username
    }
    decisions {
      approverId
      approverName
      decision
      reason
      at
    }
  }
}
    `, {"fragmentName":"RequestApprovalFields"}) as unknown as TypedDocumentString<RequestApprovalFieldsFragment, unknown>;
export const RequestFieldsFragmentDoc = new TypedDocumentString(`
    fragment RequestFields on ServiceRequest {
  ...RequestListFields
  scheduledBy {
    id
    name
  }
  machine {
    name
    states {
      name
      method
    }
    action
    serviceId
    rollbackOf
    onFailure
  }
  template {
    id
    name
    type
    dialog
  }
  ...RequestApprovalFields
}
    fragment RequestApprovalFields on ServiceRequest {
  approval {
    approvals
    reason
    timeoutHours
    deadline
    canDecide
    approvers {
      id
      username
    }
    decisions {
      approverId
      approverName
      decision
      reason
      at
    }
  }
}
fragment JobFields on Job {
  id
  status
  playbook
  commit
  returnCode
  startedAt
  finishedAt
  cancelRequestedAt
  artifacts
  eventCount
  eventsEmitted
  eventsComplete
  outputPurgedAt
  hostSummaries {
    host
    ok
    changed
    failures
    unreachable
    skipped
    rescued
    ignored
  }
}
fragment RequestBundleFields on ServiceRequest {
  state
  stateAttempt
  transitions {
    state
    event
    attempt
    message
    at
  }
  items {
    id
    name
    index
    site
    status
    jobId
    playbook
    commit
    outputs
    message
    startedAt
    finishedAt
  }
}
fragment RequestListFields on ServiceRequest {
  id
  status
  action
  tenantId
  message
  createdAt
  updatedAt
  finishedAt
  dialogValues
  ...RequestBundleFields
  template {
    id
    name
    type
  }
  requester {
    id
    username
  }
  jobs {
    ...JobFields
  }
  service {
    id
    name
    status
  }
}`, {"fragmentName":"RequestFields"}) as unknown as TypedDocumentString<RequestFieldsFragment, unknown>;
export const ServiceFieldsFragmentDoc = new TypedDocumentString(`
    fragment ServiceFields on Service {
  id
  name
  status
  outputs
  createdAt
  providerIds
  retiresAt
  maxRetiresAt
  retirementWarnDays
  retirementWarnedAt
  owner {
    id
    username
  }
  request {
    id
    status
    template {
      id
      name
    }
  }
  configuration {
    dialog
    values
    reconfigurableFields
  }
}
    `, {"fragmentName":"ServiceFields"}) as unknown as TypedDocumentString<ServiceFieldsFragment, unknown>;
export const TemplateEditorFieldsFragmentDoc = new TypedDocumentString(`
    fragment TemplateEditorFields on ServiceTemplate {
  id
  name
  description
  catalog
  type
  published
  source
  definition
  tenantId
  sharedWith
}
    `, {"fragmentName":"TemplateEditorFields"}) as unknown as TypedDocumentString<TemplateEditorFieldsFragment, unknown>;
export const TenantFieldsFragmentDoc = new TypedDocumentString(`
    fragment TenantFields on Tenant {
  id
  name
  description
  parentId
  createdAt
}
    `, {"fragmentName":"TenantFields"}) as unknown as TypedDocumentString<TenantFieldsFragment, unknown>;
export const UserFieldsFragmentDoc = new TypedDocumentString(`
    fragment UserFields on User {
  id
  username
  displayName
  email
  disabled
  mustChangePassword
  roles
  groups {
    id
    name
  }
  tenant {
    id
    name
  }
  createdAt
}
    `, {"fragmentName":"UserFields"}) as unknown as TypedDocumentString<UserFieldsFragment, unknown>;
export const VnfPackageFieldsFragmentDoc = new TypedDocumentString(`
    fragment VnfPackageFields on VnfPackage {
  id
  name
  repoId
  repoName
  path
  vnfdId
  provider
  productName
  softwareVersion
  vnfdVersion
  commit
  onboardingState
  operationalState
  usageState
  usedBy
  deletionState
  deleted
  artifacts {
    path
    size
    sha256
  }
  createdAt
  updatedAt
}
    `, {"fragmentName":"VnfPackageFields"}) as unknown as TypedDocumentString<VnfPackageFieldsFragment, unknown>;
export const VnfPackageDetailFieldsFragmentDoc = new TypedDocumentString(`
    fragment VnfPackageDetailFields on VnfPackage {
  ...VnfPackageFields
  vdus {
    vduId
    name
    description
    vduParent
    parentMandatory
    bareMetal
    technology
    image
    descriptors
    depth
  }
  connectionPoints {
    cpdId
    kind
    of
    exposedPods
    ports {
      name
      port
      protocol
      targetPort
    }
  }
}
    fragment VnfPackageFields on VnfPackage {
  id
  name
  repoId
  repoName
  path
  vnfdId
  provider
  productName
  softwareVersion
  vnfdVersion
  commit
  onboardingState
  operationalState
  usageState
  usedBy
  deletionState
  deleted
  artifacts {
    path
    size
    sha256
  }
  createdAt
  updatedAt
}`, {"fragmentName":"VnfPackageDetailFields"}) as unknown as TypedDocumentString<VnfPackageDetailFieldsFragment, unknown>;
export const WebhookEndpointFieldsFragmentDoc = new TypedDocumentString(`
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  tenantId
  name
  url
  enabled
  createdAt
  secretRotatedAt
}
    `, {"fragmentName":"WebhookEndpointFields"}) as unknown as TypedDocumentString<WebhookEndpointFieldsFragment, unknown>;
export const NotificationDeliveryFieldsFragmentDoc = new TypedDocumentString(`
    fragment NotificationDeliveryFields on NotificationDelivery {
  id
  eventType
  title
  channel
  status
  attempts
  responseCode
  lastError
  nextAttemptAt
  deliveredAt
  createdAt
}
    `, {"fragmentName":"NotificationDeliveryFields"}) as unknown as TypedDocumentString<NotificationDeliveryFieldsFragment, unknown>;
export const SsoProvidersDocument = new TypedDocumentString(`
    query SsoProviders {
  ssoProviders {
    name
    loginUrl
  }
}
    `) as unknown as TypedDocumentString<SsoProvidersQuery, SsoProvidersQueryVariables>;
export const ChangePasswordDocument = new TypedDocumentString(`
    mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
    id
    mustChangePassword
  }
}
    `) as unknown as TypedDocumentString<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const AlarmsDocument = new TypedDocumentString(`
    query Alarms($filter: AlarmFilter, $skip: Int, $take: Int) {
  alarms(filter: $filter, skip: $skip, take: $take) {
    ...AlarmFields
  }
  alarmCount(filter: $filter)
}
    fragment AlarmFields on Alarm {
  id
  kind
  severity
  objectType
  objectId
  tenantId
  message
  raisedAt
  acknowledgedAt
  acknowledgedBy
  clearedAt
  clearReason
}`) as unknown as TypedDocumentString<AlarmsQuery, AlarmsQueryVariables>;
export const AlarmDocument = new TypedDocumentString(`
    query Alarm($id: ID!) {
  alarm(id: $id) {
    ...AlarmFields
  }
}
    fragment AlarmFields on Alarm {
  id
  kind
  severity
  objectType
  objectId
  tenantId
  message
  raisedAt
  acknowledgedAt
  acknowledgedBy
  clearedAt
  clearReason
}`) as unknown as TypedDocumentString<AlarmQuery, AlarmQueryVariables>;
export const AcknowledgeAlarmDocument = new TypedDocumentString(`
    mutation AcknowledgeAlarm($id: ID!) {
  acknowledgeAlarm(id: $id) {
    ...AlarmFields
  }
}
    fragment AlarmFields on Alarm {
  id
  kind
  severity
  objectType
  objectId
  tenantId
  message
  raisedAt
  acknowledgedAt
  acknowledgedBy
  clearedAt
  clearReason
}`) as unknown as TypedDocumentString<AcknowledgeAlarmMutation, AcknowledgeAlarmMutationVariables>;
export const ClearAlarmDocument = new TypedDocumentString(`
    mutation ClearAlarm($id: ID!) {
  clearAlarm(id: $id) {
    ...AlarmFields
  }
}
    fragment AlarmFields on Alarm {
  id
  kind
  severity
  objectType
  objectId
  tenantId
  message
  raisedAt
  acknowledgedAt
  acknowledgedBy
  clearedAt
  clearReason
}`) as unknown as TypedDocumentString<ClearAlarmMutation, ClearAlarmMutationVariables>;
export const OpenAlarmCountDocument = new TypedDocumentString(`
    subscription OpenAlarmCount {
  openAlarmCount
}
    `) as unknown as TypedDocumentString<OpenAlarmCountSubscription, OpenAlarmCountSubscriptionVariables>;
export const ApiTokensDocument = new TypedDocumentString(`
    query ApiTokens {
  apiTokens {
    ...ApiTokenFields
  }
}
    fragment ApiTokenFields on ApiToken {
  id
  name
  createdAt
  expiresAt
  lastUsedAt
  scopes
}`) as unknown as TypedDocumentString<ApiTokensQuery, ApiTokensQueryVariables>;
export const CreateApiTokenDocument = new TypedDocumentString(`
    mutation CreateApiToken($name: String!, $expiresInDays: Int, $scopes: [String!]) {
  createApiToken(name: $name, expiresInDays: $expiresInDays, scopes: $scopes) {
    token
    apiToken {
      ...ApiTokenFields
    }
  }
}
    fragment ApiTokenFields on ApiToken {
  id
  name
  createdAt
  expiresAt
  lastUsedAt
  scopes
}`) as unknown as TypedDocumentString<CreateApiTokenMutation, CreateApiTokenMutationVariables>;
export const RevokeApiTokenDocument = new TypedDocumentString(`
    mutation RevokeApiToken($id: ID!) {
  revokeApiToken(id: $id)
}
    `) as unknown as TypedDocumentString<RevokeApiTokenMutation, RevokeApiTokenMutationVariables>;
export const ApprovalInboxDocument = new TypedDocumentString(`
    query ApprovalInbox($skip: Int, $take: Int) {
  approvalInbox(skip: $skip, take: $take) {
    total
    requests {
      ...RequestListFields
      ...RequestApprovalFields
    }
  }
}
    fragment RequestApprovalFields on ServiceRequest {
  approval {
    approvals
    reason
    timeoutHours
    deadline
    canDecide
    approvers {
      id
      username
    }
    decisions {
      approverId
      approverName
      decision
      reason
      at
    }
  }
}
fragment JobFields on Job {
  id
  status
  playbook
  commit
  returnCode
  startedAt
  finishedAt
  cancelRequestedAt
  artifacts
  eventCount
  eventsEmitted
  eventsComplete
  outputPurgedAt
  hostSummaries {
    host
    ok
    changed
    failures
    unreachable
    skipped
    rescued
    ignored
  }
}
fragment RequestBundleFields on ServiceRequest {
  state
  stateAttempt
  transitions {
    state
    event
    attempt
    message
    at
  }
  items {
    id
    name
    index
    site
    status
    jobId
    playbook
    commit
    outputs
    message
    startedAt
    finishedAt
  }
}
fragment RequestListFields on ServiceRequest {
  id
  status
  action
  tenantId
  message
  createdAt
  updatedAt
  finishedAt
  dialogValues
  ...RequestBundleFields
  template {
    id
    name
    type
  }
  requester {
    id
    username
  }
  jobs {
    ...JobFields
  }
  service {
    id
    name
    status
  }
}`) as unknown as TypedDocumentString<ApprovalInboxQuery, ApprovalInboxQueryVariables>;
export const ApproveServiceRequestDocument = new TypedDocumentString(`
    mutation ApproveServiceRequest($id: ID!, $reason: String) {
  approveServiceRequest(id: $id, reason: $reason) {
    ...RequestFields
  }
}
    fragment RequestApprovalFields on ServiceRequest {
  approval {
    approvals
    reason
    timeoutHours
    deadline
    canDecide
    approvers {
      id
      username
    }
    decisions {
      approverId
      approverName
      decision
      reason
      at
    }
  }
}
fragment JobFields on Job {
  id
  status
  playbook
  commit
  returnCode
  startedAt
  finishedAt
  cancelRequestedAt
  artifacts
  eventCount
  eventsEmitted
  eventsComplete
  outputPurgedAt
  hostSummaries {
    host
    ok
    changed
    failures
    unreachable
    skipped
    rescued
    ignored
  }
}
fragment RequestBundleFields on ServiceRequest {
  state
  stateAttempt
  transitions {
    state
    event
    attempt
    message
    at
  }
  items {
    id
    name
    index
    site
    status
    jobId
    playbook
    commit
    outputs
    message
    startedAt
    finishedAt
  }
}
fragment RequestListFields on ServiceRequest {
  id
  status
  action
  tenantId
  message
  createdAt
  updatedAt
  finishedAt
  dialogValues
  ...RequestBundleFields
  template {
    id
    name
    type
  }
  requester {
    id
    username
  }
  jobs {
    ...JobFields
  }
  service {
    id
    name
    status
  }
}
fragment RequestFields on ServiceRequest {
  ...RequestListFields
  scheduledBy {
    id
    name
  }
  machine {
    name
    states {
      name
      method
    }
    action
    serviceId
    rollbackOf
    onFailure
  }
  template {
    id
    name
    type
    dialog
  }
  ...RequestApprovalFields
}`) as unknown as TypedDocumentString<ApproveServiceRequestMutation, ApproveServiceRequestMutationVariables>;
export const DenyServiceRequestDocument = new TypedDocumentString(`
    mutation DenyServiceRequest($id: ID!, $reason: String!) {
  denyServiceRequest(id: $id, reason: $reason) {
    ...RequestFields
  }
}
    fragment RequestApprovalFields on ServiceRequest {
  approval {
    approvals
    reason
    timeoutHours
    deadline
    canDecide
    approvers {
      id
      username
    }
    decisions {
      approverId
      approverName
      decision
      reason
      at
    }
  }
}
fragment JobFields on Job {
  id
  status
  playbook
  commit
  returnCode
  startedAt
  finishedAt
  cancelRequestedAt
  artifacts
  eventCount
  eventsEmitted
  eventsComplete
  outputPurgedAt
  hostSummaries {
    host
    ok
    changed
    failures
    unreachable
    skipped
    rescued
    ignored
  }
}
fragment RequestBundleFields on ServiceRequest {
  state
  stateAttempt
  transitions {
    state
    event
    attempt
    message
    at
  }
  items {
    id
    name
    index
    site
    status
    jobId
    playbook
    commit
    outputs
    message
    startedAt
    finishedAt
  }
}
fragment RequestListFields on ServiceRequest {
  id
  status
  action
  tenantId
  message
  createdAt
  updatedAt
  finishedAt
  dialogValues
  ...RequestBundleFields
  template {
    id
    name
    type
  }
  requester {
    id
    username
  }
  jobs {
    ...JobFields
  }
  service {
    id
    name
    status
  }
}
fragment RequestFields on ServiceRequest {
  ...RequestListFields
  scheduledBy {
    id
    name
  }
  machine {
    name
    states {
      name
      method
    }
    action
    serviceId
    rollbackOf
    onFailure
  }
  template {
    id
    name
    type
    dialog
  }
  ...RequestApprovalFields
}`) as unknown as TypedDocumentString<DenyServiceRequestMutation, DenyServiceRequestMutationVariables>;
export const ApprovalInboxCountDocument = new TypedDocumentString(`
    subscription ApprovalInboxCount {
  approvalInboxCount
}
    `) as unknown as TypedDocumentString<ApprovalInboxCountSubscription, ApprovalInboxCountSubscriptionVariables>;
export const AuditEventsDocument = new TypedDocumentString(`
    query AuditEvents($filter: AuditFilter, $skip: Int, $take: Int) {
  auditEvents(filter: $filter, skip: $skip, take: $take) {
    ...AuditEventFields
  }
  auditEventCount(filter: $filter)
}
    fragment AuditEventFields on AuditEvent {
  id
  at
  actorId
  actorName
  action
  objectType
  objectId
  outcome
  errorCode
  message
  ip
  details
}`) as unknown as TypedDocumentString<AuditEventsQuery, AuditEventsQueryVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password) {
    token
    user {
      id
      username
    }
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    username
    displayName
    roles
    mustChangePassword
    tenant {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const MyPermissionsDocument = new TypedDocumentString(`
    query MyPermissions {
  myPermissions
}
    `) as unknown as TypedDocumentString<MyPermissionsQuery, MyPermissionsQueryVariables>;
export const CatalogPageDocument = new TypedDocumentString(`
    query CatalogPage($search: String, $catalog: String, $skip: Int!, $take: Int!) {
  serviceTemplates(search: $search, catalog: $catalog, skip: $skip, take: $take) {
    ...CatalogCardFields
  }
  serviceTemplateCount(search: $search, catalog: $catalog)
}
    fragment CatalogCardFields on ServiceTemplate {
  id
  name
  description
  catalog
  icon
  published
  type
}`) as unknown as TypedDocumentString<CatalogPageQuery, CatalogPageQueryVariables>;
export const CatalogItemDocument = new TypedDocumentString(`
    query CatalogItem($id: ID!) {
  serviceTemplate(id: $id) {
    ...CatalogItemFields
  }
}
    fragment CatalogItemFields on ServiceTemplate {
  id
  name
  description
  catalog
  longDescription
  icon
  published
  type
  dialog
  orderOptions
  lifetime
  approval {
    mode
    approvals
    timeoutHours
  }
}`) as unknown as TypedDocumentString<CatalogItemQuery, CatalogItemQueryVariables>;
export const ServiceCatalogsDocument = new TypedDocumentString(`
    query ServiceCatalogs {
  serviceCatalogs {
    name
    count
  }
}
    `) as unknown as TypedDocumentString<ServiceCatalogsQuery, ServiceCatalogsQueryVariables>;
export const CredentialsDocument = new TypedDocumentString(`
    query Credentials {
  credentials {
    ...CredentialFields
  }
}
    fragment CredentialFields on Credential {
  id
  name
  type
  inputs
  secretFields
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<CredentialsQuery, CredentialsQueryVariables>;
export const CredentialDocument = new TypedDocumentString(`
    query Credential($id: ID!) {
  credential(id: $id) {
    ...CredentialFields
  }
}
    fragment CredentialFields on Credential {
  id
  name
  type
  inputs
  secretFields
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<CredentialQuery, CredentialQueryVariables>;
export const CredentialTypesDocument = new TypedDocumentString(`
    query CredentialTypes {
  credentialTypes {
    name
    label
    description
    fields {
      name
      label
      secret
      required
      multiline
      help
    }
  }
}
    `) as unknown as TypedDocumentString<CredentialTypesQuery, CredentialTypesQueryVariables>;
export const CreateCredentialDocument = new TypedDocumentString(`
    mutation CreateCredential($input: CreateCredentialInput!) {
  createCredential(input: $input) {
    ...CredentialFields
  }
}
    fragment CredentialFields on Credential {
  id
  name
  type
  inputs
  secretFields
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<CreateCredentialMutation, CreateCredentialMutationVariables>;
export const UpdateCredentialDocument = new TypedDocumentString(`
    mutation UpdateCredential($id: ID!, $input: UpdateCredentialInput!) {
  updateCredential(id: $id, input: $input) {
    ...CredentialFields
  }
}
    fragment CredentialFields on Credential {
  id
  name
  type
  inputs
  secretFields
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<UpdateCredentialMutation, UpdateCredentialMutationVariables>;
export const DeleteCredentialDocument = new TypedDocumentString(`
    mutation DeleteCredential($id: ID!) {
  deleteCredential(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteCredentialMutation, DeleteCredentialMutationVariables>;
export const DashboardDocument = new TypedDocumentString(`
    query Dashboard($days: Int, $timeZone: String) {
  dashboard(days: $days, timeZone: $timeZone) {
    days
    timeZone
    firstDay
    lastDay
    ordersPerDay {
      day
      total
      finished
      failed
      stopped
      open
    }
    orders
    finished
    failed
    successRate
    items {
      ...DashboardItemFields
    }
    failingItems {
      ...DashboardItemFields
    }
    pendingApprovals
    runningJobs
    runningRequests
    providerHealth {
      providerId
      name
      type
      status
      days {
        day
        checks
        up
      }
    }
  }
}
    fragment DashboardItemFields on DashboardItem {
  templateId
  template {
    name
  }
  total
  finished
  failed
  durationP50Seconds
  durationP95Seconds
}`) as unknown as TypedDocumentString<DashboardQuery, DashboardQueryVariables>;
export const DialogsDocument = new TypedDocumentString(`
    query Dialogs {
  dialogs {
    ...DialogFields
  }
}
    fragment DialogFields on Dialog {
  id
  name
  label
  description
  origin
  updatedAt
  tenantId
  sharedWith
  fields {
    name
    label
    type
    required
    dynamic
    pending
    dependsOn
    boundFrom
  }
}`) as unknown as TypedDocumentString<DialogsQuery, DialogsQueryVariables>;
export const DialogDocument = new TypedDocumentString(`
    query Dialog($id: ID!) {
  dialog(id: $id) {
    ...DialogDetailFields
  }
}
    fragment DialogFields on Dialog {
  id
  name
  label
  description
  origin
  updatedAt
  tenantId
  sharedWith
  fields {
    name
    label
    type
    required
    dynamic
    pending
    dependsOn
    boundFrom
  }
}
fragment DialogDetailFields on Dialog {
  ...DialogFields
  form
  definition
}`) as unknown as TypedDocumentString<DialogQuery, DialogQueryVariables>;
export const DeleteDialogDocument = new TypedDocumentString(`
    mutation DeleteDialog($id: ID!) {
  deleteDialog(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteDialogMutation, DeleteDialogMutationVariables>;
export const ImportDialogDocument = new TypedDocumentString(`
    mutation ImportDialog($f: DialogImportFormat!, $c: String!, $n: String) {
  importDialog(format: $f, content: $c, name: $n) {
    ...DialogFields
    importWarnings
  }
}
    fragment DialogFields on Dialog {
  id
  name
  label
  description
  origin
  updatedAt
  tenantId
  sharedWith
  fields {
    name
    label
    type
    required
    dynamic
    pending
    dependsOn
    boundFrom
  }
}`) as unknown as TypedDocumentString<ImportDialogMutation, ImportDialogMutationVariables>;
export const SaveDialogDocument = new TypedDocumentString(`
    mutation SaveDialog($d: JSON!) {
  saveDialog(definition: $d) {
    ...DialogDetailFields
  }
}
    fragment DialogFields on Dialog {
  id
  name
  label
  description
  origin
  updatedAt
  tenantId
  sharedWith
  fields {
    name
    label
    type
    required
    dynamic
    pending
    dependsOn
    boundFrom
  }
}
fragment DialogDetailFields on Dialog {
  ...DialogFields
  form
  definition
}`) as unknown as TypedDocumentString<SaveDialogMutation, SaveDialogMutationVariables>;
export const BindDialogFieldDocument = new TypedDocumentString(`
    mutation BindDialogField($id: ID!, $f: String!, $s: JSON, $d: [String!]) {
  bindDialogField(dialogId: $id, field: $f, dataSource: $s, dependsOn: $d) {
    ...DialogDetailFields
  }
}
    fragment DialogFields on Dialog {
  id
  name
  label
  description
  origin
  updatedAt
  tenantId
  sharedWith
  fields {
    name
    label
    type
    required
    dynamic
    pending
    dependsOn
    boundFrom
  }
}
fragment DialogDetailFields on Dialog {
  ...DialogFields
  form
  definition
}`) as unknown as TypedDocumentString<BindDialogFieldMutation, BindDialogFieldMutationVariables>;
export const ShareDialogDocument = new TypedDocumentString(`
    mutation ShareDialog($id: ID!, $tenantIds: [ID!]!) {
  shareDialog(id: $id, tenantIds: $tenantIds) {
    ...DialogDetailFields
  }
}
    fragment DialogFields on Dialog {
  id
  name
  label
  description
  origin
  updatedAt
  tenantId
  sharedWith
  fields {
    name
    label
    type
    required
    dynamic
    pending
    dependsOn
    boundFrom
  }
}
fragment DialogDetailFields on Dialog {
  ...DialogFields
  form
  definition
}`) as unknown as TypedDocumentString<ShareDialogMutation, ShareDialogMutationVariables>;
export const RefreshDialogFieldDocument = new TypedDocumentString(`
    query RefreshDialogField($d: String!, $f: String!, $v: JSON!) {
  refreshDialogField(dialog: $d, field: $f, values: $v) {
    choices {
      value
      label
    }
    default
  }
}
    `) as unknown as TypedDocumentString<RefreshDialogFieldQuery, RefreshDialogFieldQueryVariables>;
export const GitReposDocument = new TypedDocumentString(`
    query GitRepos {
  gitRepos {
    ...GitRepoFields
  }
}
    fragment GitRepoFields on GitRepo {
  id
  name
  url
  branch
  commit
  lastRefreshedAt
  refreshStatus
  refreshError
  builtin
  hosted
  enabled
  refreshMaxAgeSeconds
  refreshIntervalSeconds
  cloneUrl
  webhookUrl
  tenantId
  sharedWith
  credentialId
  playbooks {
    path
    syntaxStatus
    syntaxError
  }
}`) as unknown as TypedDocumentString<GitReposQuery, GitReposQueryVariables>;
export const GitRepoDocument = new TypedDocumentString(`
    query GitRepo($id: ID!) {
  gitRepo(id: $id) {
    ...GitRepoDetailFields
  }
}
    fragment GitRepoFields on GitRepo {
  id
  name
  url
  branch
  commit
  lastRefreshedAt
  refreshStatus
  refreshError
  builtin
  hosted
  enabled
  refreshMaxAgeSeconds
  refreshIntervalSeconds
  cloneUrl
  webhookUrl
  tenantId
  sharedWith
  credentialId
  playbooks {
    path
    syntaxStatus
    syntaxError
  }
}
fragment GitRefreshFields on GitRefresh {
  id
  status
  commit
  previousCommit
  durationMs
  error
  added
  changed
  removed
  startedAt
  finishedAt
}
fragment GitRepoDetailFields on GitRepo {
  ...GitRepoFields
  refreshes(take: 20) {
    ...GitRefreshFields
  }
}`) as unknown as TypedDocumentString<GitRepoQuery, GitRepoQueryVariables>;
export const CreateGitRepoDocument = new TypedDocumentString(`
    mutation CreateGitRepo($input: CreateGitRepoInput!) {
  createGitRepo(input: $input) {
    ...GitRepoDetailFields
  }
}
    fragment GitRepoFields on GitRepo {
  id
  name
  url
  branch
  commit
  lastRefreshedAt
  refreshStatus
  refreshError
  builtin
  hosted
  enabled
  refreshMaxAgeSeconds
  refreshIntervalSeconds
  cloneUrl
  webhookUrl
  tenantId
  sharedWith
  credentialId
  playbooks {
    path
    syntaxStatus
    syntaxError
  }
}
fragment GitRefreshFields on GitRefresh {
  id
  status
  commit
  previousCommit
  durationMs
  error
  added
  changed
  removed
  startedAt
  finishedAt
}
fragment GitRepoDetailFields on GitRepo {
  ...GitRepoFields
  refreshes(take: 20) {
    ...GitRefreshFields
  }
}`) as unknown as TypedDocumentString<CreateGitRepoMutation, CreateGitRepoMutationVariables>;
export const UpdateGitRepoDocument = new TypedDocumentString(`
    mutation UpdateGitRepo($id: ID!, $input: UpdateGitRepoInput!) {
  updateGitRepo(id: $id, input: $input) {
    ...GitRepoDetailFields
  }
}
    fragment GitRepoFields on GitRepo {
  id
  name
  url
  branch
  commit
  lastRefreshedAt
  refreshStatus
  refreshError
  builtin
  hosted
  enabled
  refreshMaxAgeSeconds
  refreshIntervalSeconds
  cloneUrl
  webhookUrl
  tenantId
  sharedWith
  credentialId
  playbooks {
    path
    syntaxStatus
    syntaxError
  }
}
fragment GitRefreshFields on GitRefresh {
  id
  status
  commit
  previousCommit
  durationMs
  error
  added
  changed
  removed
  startedAt
  finishedAt
}
fragment GitRepoDetailFields on GitRepo {
  ...GitRepoFields
  refreshes(take: 20) {
    ...GitRefreshFields
  }
}`) as unknown as TypedDocumentString<UpdateGitRepoMutation, UpdateGitRepoMutationVariables>;
export const DeleteGitRepoDocument = new TypedDocumentString(`
    mutation DeleteGitRepo($id: ID!) {
  deleteGitRepo(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteGitRepoMutation, DeleteGitRepoMutationVariables>;
export const RefreshGitRepoDocument = new TypedDocumentString(`
    mutation RefreshGitRepo($id: ID!) {
  refreshGitRepo(id: $id) {
    ...GitRepoDetailFields
  }
}
    fragment GitRepoFields on GitRepo {
  id
  name
  url
  branch
  commit
  lastRefreshedAt
  refreshStatus
  refreshError
  builtin
  hosted
  enabled
  refreshMaxAgeSeconds
  refreshIntervalSeconds
  cloneUrl
  webhookUrl
  tenantId
  sharedWith
  credentialId
  playbooks {
    path
    syntaxStatus
    syntaxError
  }
}
fragment GitRefreshFields on GitRefresh {
  id
  status
  commit
  previousCommit
  durationMs
  error
  added
  changed
  removed
  startedAt
  finishedAt
}
fragment GitRepoDetailFields on GitRepo {
  ...GitRepoFields
  refreshes(take: 20) {
    ...GitRefreshFields
  }
}`) as unknown as TypedDocumentString<RefreshGitRepoMutation, RefreshGitRepoMutationVariables>;
export const RefreshAllGitReposDocument = new TypedDocumentString(`
    mutation RefreshAllGitRepos {
  refreshAllGitRepos {
    ...GitRepoFields
  }
}
    fragment GitRepoFields on GitRepo {
  id
  name
  url
  branch
  commit
  lastRefreshedAt
  refreshStatus
  refreshError
  builtin
  hosted
  enabled
  refreshMaxAgeSeconds
  refreshIntervalSeconds
  cloneUrl
  webhookUrl
  tenantId
  sharedWith
  credentialId
  playbooks {
    path
    syntaxStatus
    syntaxError
  }
}`) as unknown as TypedDocumentString<RefreshAllGitReposMutation, RefreshAllGitReposMutationVariables>;
export const ShareGitRepoDocument = new TypedDocumentString(`
    mutation ShareGitRepo($id: ID!, $tenantIds: [ID!]!) {
  shareGitRepo(id: $id, tenantIds: $tenantIds) {
    ...GitRepoDetailFields
  }
}
    fragment GitRepoFields on GitRepo {
  id
  name
  url
  branch
  commit
  lastRefreshedAt
  refreshStatus
  refreshError
  builtin
  hosted
  enabled
  refreshMaxAgeSeconds
  refreshIntervalSeconds
  cloneUrl
  webhookUrl
  tenantId
  sharedWith
  credentialId
  playbooks {
    path
    syntaxStatus
    syntaxError
  }
}
fragment GitRefreshFields on GitRefresh {
  id
  status
  commit
  previousCommit
  durationMs
  error
  added
  changed
  removed
  startedAt
  finishedAt
}
fragment GitRepoDetailFields on GitRepo {
  ...GitRepoFields
  refreshes(take: 20) {
    ...GitRefreshFields
  }
}`) as unknown as TypedDocumentString<ShareGitRepoMutation, ShareGitRepoMutationVariables>;
export const EnableGitWebhookDocument = new TypedDocumentString(`
    mutation EnableGitWebhook($id: ID!) {
  enableGitWebhook(id: $id) {
    url
    secret
  }
}
    `) as unknown as TypedDocumentString<EnableGitWebhookMutation, EnableGitWebhookMutationVariables>;
export const DisableGitWebhookDocument = new TypedDocumentString(`
    mutation DisableGitWebhook($id: ID!) {
  disableGitWebhook(id: $id) {
    ...GitRepoDetailFields
  }
}
    fragment GitRepoFields on GitRepo {
  id
  name
  url
  branch
  commit
  lastRefreshedAt
  refreshStatus
  refreshError
  builtin
  hosted
  enabled
  refreshMaxAgeSeconds
  refreshIntervalSeconds
  cloneUrl
  webhookUrl
  tenantId
  sharedWith
  credentialId
  playbooks {
    path
    syntaxStatus
    syntaxError
  }
}
fragment GitRefreshFields on GitRefresh {
  id
  status
  commit
  previousCommit
  durationMs
  error
  added
  changed
  removed
  startedAt
  finishedAt
}
fragment GitRepoDetailFields on GitRepo {
  ...GitRepoFields
  refreshes(take: 20) {
    ...GitRefreshFields
  }
}`) as unknown as TypedDocumentString<DisableGitWebhookMutation, DisableGitWebhookMutationVariables>;
export const GroupsDocument = new TypedDocumentString(`
    query Groups {
  groups {
    ...GroupFields
  }
}
    fragment GroupFields on Group {
  id
  name
  description
  roles
  members {
    id
    username
  }
  tenant {
    id
    name
  }
  createdAt
}`) as unknown as TypedDocumentString<GroupsQuery, GroupsQueryVariables>;
export const GroupDocument = new TypedDocumentString(`
    query Group($id: ID!) {
  group(id: $id) {
    ...GroupFields
  }
}
    fragment GroupFields on Group {
  id
  name
  description
  roles
  members {
    id
    username
  }
  tenant {
    id
    name
  }
  createdAt
}`) as unknown as TypedDocumentString<GroupQuery, GroupQueryVariables>;
export const RolesDocument = new TypedDocumentString(`
    query Roles {
  roles {
    name
    description
    permissions
  }
}
    `) as unknown as TypedDocumentString<RolesQuery, RolesQueryVariables>;
export const CreateGroupDocument = new TypedDocumentString(`
    mutation CreateGroup($input: GroupInput!) {
  createGroup(input: $input) {
    ...GroupFields
  }
}
    fragment GroupFields on Group {
  id
  name
  description
  roles
  members {
    id
    username
  }
  tenant {
    id
    name
  }
  createdAt
}`) as unknown as TypedDocumentString<CreateGroupMutation, CreateGroupMutationVariables>;
export const UpdateGroupDocument = new TypedDocumentString(`
    mutation UpdateGroup($id: ID!, $input: GroupInput!) {
  updateGroup(id: $id, input: $input) {
    ...GroupFields
  }
}
    fragment GroupFields on Group {
  id
  name
  description
  roles
  members {
    id
    username
  }
  tenant {
    id
    name
  }
  createdAt
}`) as unknown as TypedDocumentString<UpdateGroupMutation, UpdateGroupMutationVariables>;
export const DeleteGroupDocument = new TypedDocumentString(`
    mutation DeleteGroup($id: ID!) {
  deleteGroup(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteGroupMutation, DeleteGroupMutationVariables>;
export const InstancesDocument = new TypedDocumentString(`
    query Instances {
  instances {
    id
    hostname
    role
    version
    concurrency
    runningJobs
    startedAt
    heartbeatAt
    state
  }
}
    `) as unknown as TypedDocumentString<InstancesQuery, InstancesQueryVariables>;
export const InventoriesDocument = new TypedDocumentString(`
    query Inventories {
  inventories {
    ...InventoryFields
  }
}
    fragment InventoryFields on Inventory {
  id
  name
  description
  sites {
    name
    providerId
    hosts
    variables
  }
  createdAt
  updatedAt
  tenantId
  sharedWith
}`) as unknown as TypedDocumentString<InventoriesQuery, InventoriesQueryVariables>;
export const InventoryDocument = new TypedDocumentString(`
    query Inventory($id: ID!) {
  inventory(id: $id) {
    ...InventoryDetailFields
  }
}
    fragment InventoryFields on Inventory {
  id
  name
  description
  sites {
    name
    providerId
    hosts
    variables
  }
  createdAt
  updatedAt
  tenantId
  sharedWith
}
fragment InventoryDetailFields on Inventory {
  ...InventoryFields
  rendered
}`) as unknown as TypedDocumentString<InventoryQuery, InventoryQueryVariables>;
export const CreateInventoryDocument = new TypedDocumentString(`
    mutation CreateInventory($input: InventoryInput!) {
  createInventory(input: $input) {
    ...InventoryDetailFields
  }
}
    fragment InventoryFields on Inventory {
  id
  name
  description
  sites {
    name
    providerId
    hosts
    variables
  }
  createdAt
  updatedAt
  tenantId
  sharedWith
}
fragment InventoryDetailFields on Inventory {
  ...InventoryFields
  rendered
}`) as unknown as TypedDocumentString<CreateInventoryMutation, CreateInventoryMutationVariables>;
export const UpdateInventoryDocument = new TypedDocumentString(`
    mutation UpdateInventory($id: ID!, $input: InventoryInput!) {
  updateInventory(id: $id, input: $input) {
    ...InventoryDetailFields
  }
}
    fragment InventoryFields on Inventory {
  id
  name
  description
  sites {
    name
    providerId
    hosts
    variables
  }
  createdAt
  updatedAt
  tenantId
  sharedWith
}
fragment InventoryDetailFields on Inventory {
  ...InventoryFields
  rendered
}`) as unknown as TypedDocumentString<UpdateInventoryMutation, UpdateInventoryMutationVariables>;
export const ShareInventoryDocument = new TypedDocumentString(`
    mutation ShareInventory($id: ID!, $tenantIds: [ID!]!) {
  shareInventory(id: $id, tenantIds: $tenantIds) {
    ...InventoryDetailFields
  }
}
    fragment InventoryFields on Inventory {
  id
  name
  description
  sites {
    name
    providerId
    hosts
    variables
  }
  createdAt
  updatedAt
  tenantId
  sharedWith
}
fragment InventoryDetailFields on Inventory {
  ...InventoryFields
  rendered
}`) as unknown as TypedDocumentString<ShareInventoryMutation, ShareInventoryMutationVariables>;
export const DeleteInventoryDocument = new TypedDocumentString(`
    mutation DeleteInventory($id: ID!) {
  deleteInventory(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteInventoryMutation, DeleteInventoryMutationVariables>;
export const MyNotificationsDocument = new TypedDocumentString(`
    query MyNotifications($unreadOnly: Boolean!, $skip: Int, $take: Int) {
  myNotifications(unreadOnly: $unreadOnly, skip: $skip, take: $take) {
    ...NotificationFields
  }
}
    fragment NotificationFields on Notification {
  id
  eventType
  title
  data
  createdAt
  readAt
}`) as unknown as TypedDocumentString<MyNotificationsQuery, MyNotificationsQueryVariables>;
export const MarkNotificationsReadDocument = new TypedDocumentString(`
    mutation MarkNotificationsRead($ids: [ID!]) {
  markNotificationsRead(ids: $ids)
}
    `) as unknown as TypedDocumentString<MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables>;
export const UnreadNotificationCountDocument = new TypedDocumentString(`
    subscription UnreadNotificationCount {
  unreadNotificationCount
}
    `) as unknown as TypedDocumentString<UnreadNotificationCountSubscription, UnreadNotificationCountSubscriptionVariables>;
export const NotificationSubscriptionsDocument = new TypedDocumentString(`
    query NotificationSubscriptions {
  notificationSubscriptions {
    ...NotificationSubscriptionFields
  }
}
    fragment NotificationSubscriptionFields on NotificationSubscription {
  id
  eventTypes
  channel
  tenantId
  endpointId
  enabled
  createdAt
}`) as unknown as TypedDocumentString<NotificationSubscriptionsQuery, NotificationSubscriptionsQueryVariables>;
export const SubscribeToNotificationsDocument = new TypedDocumentString(`
    mutation SubscribeToNotifications($input: NotificationSubscriptionInput!) {
  subscribeToNotifications(input: $input) {
    ...NotificationSubscriptionFields
  }
}
    fragment NotificationSubscriptionFields on NotificationSubscription {
  id
  eventTypes
  channel
  tenantId
  endpointId
  enabled
  createdAt
}`) as unknown as TypedDocumentString<SubscribeToNotificationsMutation, SubscribeToNotificationsMutationVariables>;
export const SetNotificationSubscriptionEnabledDocument = new TypedDocumentString(`
    mutation SetNotificationSubscriptionEnabled($id: ID!, $enabled: Boolean!) {
  setNotificationSubscriptionEnabled(id: $id, enabled: $enabled) {
    ...NotificationSubscriptionFields
  }
}
    fragment NotificationSubscriptionFields on NotificationSubscription {
  id
  eventTypes
  channel
  tenantId
  endpointId
  enabled
  createdAt
}`) as unknown as TypedDocumentString<SetNotificationSubscriptionEnabledMutation, SetNotificationSubscriptionEnabledMutationVariables>;
export const UnsubscribeFromNotificationsDocument = new TypedDocumentString(`
    mutation UnsubscribeFromNotifications($id: ID!) {
  unsubscribeFromNotifications(id: $id)
}
    `) as unknown as TypedDocumentString<UnsubscribeFromNotificationsMutation, UnsubscribeFromNotificationsMutationVariables>;
export const OidcGroupMappingsDocument = new TypedDocumentString(`
    query OidcGroupMappings {
  oidcGroupMappings {
    ...OidcGroupMappingFields
  }
}
    fragment OidcGroupMappingFields on OidcGroupMapping {
  id
  claim
  group {
    id
    name
  }
  tenant {
    id
    name
  }
  createdAt
}`) as unknown as TypedDocumentString<OidcGroupMappingsQuery, OidcGroupMappingsQueryVariables>;
export const CreateOidcGroupMappingDocument = new TypedDocumentString(`
    mutation CreateOidcGroupMapping($claim: String!, $groupId: ID!) {
  createOidcGroupMapping(claim: $claim, groupId: $groupId) {
    ...OidcGroupMappingFields
  }
}
    fragment OidcGroupMappingFields on OidcGroupMapping {
  id
  claim
  group {
    id
    name
  }
  tenant {
    id
    name
  }
  createdAt
}`) as unknown as TypedDocumentString<CreateOidcGroupMappingMutation, CreateOidcGroupMappingMutationVariables>;
export const DeleteOidcGroupMappingDocument = new TypedDocumentString(`
    mutation DeleteOidcGroupMapping($id: ID!) {
  deleteOidcGroupMapping(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteOidcGroupMappingMutation, DeleteOidcGroupMappingMutationVariables>;
export const PerformanceJobsDocument = new TypedDocumentString(`
    query PerformanceJobs($serviceId: ID!, $minutes: Int!) {
  performanceJobs(serviceId: $serviceId) {
    ...PerformanceJobFields
  }
}
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
}`) as unknown as TypedDocumentString<PerformanceJobsQuery, PerformanceJobsQueryVariables>;
export const ProviderPerformanceJobsDocument = new TypedDocumentString(`
    query ProviderPerformanceJobs($providerId: ID!, $minutes: Int!) {
  providerPerformanceJobs(providerId: $providerId) {
    ...PerformanceJobFields
  }
}
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
}`) as unknown as TypedDocumentString<ProviderPerformanceJobsQuery, ProviderPerformanceJobsQueryVariables>;
export const CreatePerformanceJobDocument = new TypedDocumentString(`
    mutation CreatePerformanceJob($input: CreatePerformanceJobInput!) {
  createPerformanceJob(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreatePerformanceJobMutation, CreatePerformanceJobMutationVariables>;
export const CreateProviderPerformanceJobDocument = new TypedDocumentString(`
    mutation CreateProviderPerformanceJob($input: CreateProviderPerformanceJobInput!) {
  createProviderPerformanceJob(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateProviderPerformanceJobMutation, CreateProviderPerformanceJobMutationVariables>;
export const DeletePerformanceJobDocument = new TypedDocumentString(`
    mutation DeletePerformanceJob($id: ID!) {
  deletePerformanceJob(id: $id)
}
    `) as unknown as TypedDocumentString<DeletePerformanceJobMutation, DeletePerformanceJobMutationVariables>;
export const CreatePerformanceThresholdDocument = new TypedDocumentString(`
    mutation CreatePerformanceThreshold($input: CreatePerformanceThresholdInput!) {
  createPerformanceThreshold(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreatePerformanceThresholdMutation, CreatePerformanceThresholdMutationVariables>;
export const DeletePerformanceThresholdDocument = new TypedDocumentString(`
    mutation DeletePerformanceThreshold($id: ID!) {
  deletePerformanceThreshold(id: $id)
}
    `) as unknown as TypedDocumentString<DeletePerformanceThresholdMutation, DeletePerformanceThresholdMutationVariables>;
export const ProvidersDocument = new TypedDocumentString(`
    query Providers {
  providers {
    ...ProviderFields
  }
}
    fragment ProviderFields on Provider {
  id
  name
  type
  config
  credentialId
  becomeCredentialId
  healthStatus
  healthMessage
  healthCheckedAt
  createdAt
  tenantId
  sharedWith
}`) as unknown as TypedDocumentString<ProvidersQuery, ProvidersQueryVariables>;
export const ProviderDocument = new TypedDocumentString(`
    query Provider($id: ID!) {
  provider(id: $id) {
    ...ProviderDetailFields
  }
}
    fragment ProviderFields on Provider {
  id
  name
  type
  config
  credentialId
  becomeCredentialId
  healthStatus
  healthMessage
  healthCheckedAt
  createdAt
  tenantId
  sharedWith
}
fragment ProviderHealthFields on ProviderHealthCheck {
  providerId
  status
  message
  latencyMs
  changed
  checkedAt
}
fragment ProviderDetailFields on Provider {
  ...ProviderFields
  inventory
  healthHistory(take: 50) {
    ...ProviderHealthFields
  }
  resources {
    __typename
    ... on KubernetesResources {
      namespaces
      deployments {
        namespace
        name
        replicas
        ready
      }
      services {
        namespace
        name
        type
        address
        ports
      }
    }
    ... on OpenStackResources {
      stacks {
        id
        name
        status
        reason
        createdAt
      }
      servers {
        id
        name
        status
        addresses
      }
      missing
    }
  }
  resourcesRefreshedAt
}`) as unknown as TypedDocumentString<ProviderQuery, ProviderQueryVariables>;
export const CreateProviderDocument = new TypedDocumentString(`
    mutation CreateProvider($input: ProviderInput!) {
  createProvider(input: $input) {
    ...ProviderFields
  }
}
    fragment ProviderFields on Provider {
  id
  name
  type
  config
  credentialId
  becomeCredentialId
  healthStatus
  healthMessage
  healthCheckedAt
  createdAt
  tenantId
  sharedWith
}`) as unknown as TypedDocumentString<CreateProviderMutation, CreateProviderMutationVariables>;
export const UpdateProviderDocument = new TypedDocumentString(`
    mutation UpdateProvider($id: ID!, $input: ProviderInput!) {
  updateProvider(id: $id, input: $input) {
    ...ProviderDetailFields
  }
}
    fragment ProviderFields on Provider {
  id
  name
  type
  config
  credentialId
  becomeCredentialId
  healthStatus
  healthMessage
  healthCheckedAt
  createdAt
  tenantId
  sharedWith
}
fragment ProviderHealthFields on ProviderHealthCheck {
  providerId
  status
  message
  latencyMs
  changed
  checkedAt
}
fragment ProviderDetailFields on Provider {
  ...ProviderFields
  inventory
  healthHistory(take: 50) {
    ...ProviderHealthFields
  }
  resources {
    __typename
    ... on KubernetesResources {
      namespaces
      deployments {
        namespace
        name
        replicas
        ready
      }
      services {
        namespace
        name
        type
        address
        ports
      }
    }
    ... on OpenStackResources {
      stacks {
        id
        name
        status
        reason
        createdAt
      }
      servers {
        id
        name
        status
        addresses
      }
      missing
    }
  }
  resourcesRefreshedAt
}`) as unknown as TypedDocumentString<UpdateProviderMutation, UpdateProviderMutationVariables>;
export const DeleteProviderDocument = new TypedDocumentString(`
    mutation DeleteProvider($id: ID!) {
  deleteProvider(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteProviderMutation, DeleteProviderMutationVariables>;
export const CheckProviderHealthDocument = new TypedDocumentString(`
    mutation CheckProviderHealth($id: ID!) {
  checkProviderHealth(id: $id) {
    ...ProviderDetailFields
  }
}
    fragment ProviderFields on Provider {
  id
  name
  type
  config
  credentialId
  becomeCredentialId
  healthStatus
  healthMessage
  healthCheckedAt
  createdAt
  tenantId
  sharedWith
}
fragment ProviderHealthFields on ProviderHealthCheck {
  providerId
  status
  message
  latencyMs
  changed
  checkedAt
}
fragment ProviderDetailFields on Provider {
  ...ProviderFields
  inventory
  healthHistory(take: 50) {
    ...ProviderHealthFields
  }
  resources {
    __typename
    ... on KubernetesResources {
      namespaces
      deployments {
        namespace
        name
        replicas
        ready
      }
      services {
        namespace
        name
        type
        address
        ports
      }
    }
    ... on OpenStackResources {
      stacks {
        id
        name
        status
        reason
        createdAt
      }
      servers {
        id
        name
        status
        addresses
      }
      missing
    }
  }
  resourcesRefreshedAt
}`) as unknown as TypedDocumentString<CheckProviderHealthMutation, CheckProviderHealthMutationVariables>;
export const RefreshProviderResourcesDocument = new TypedDocumentString(`
    mutation RefreshProviderResources($id: ID!) {
  refreshProviderResources(id: $id) {
    ...ProviderDetailFields
  }
}
    fragment ProviderFields on Provider {
  id
  name
  type
  config
  credentialId
  becomeCredentialId
  healthStatus
  healthMessage
  healthCheckedAt
  createdAt
  tenantId
  sharedWith
}
fragment ProviderHealthFields on ProviderHealthCheck {
  providerId
  status
  message
  latencyMs
  changed
  checkedAt
}
fragment ProviderDetailFields on Provider {
  ...ProviderFields
  inventory
  healthHistory(take: 50) {
    ...ProviderHealthFields
  }
  resources {
    __typename
    ... on KubernetesResources {
      namespaces
      deployments {
        namespace
        name
        replicas
        ready
      }
      services {
        namespace
        name
        type
        address
        ports
      }
    }
    ... on OpenStackResources {
      stacks {
        id
        name
        status
        reason
        createdAt
      }
      servers {
        id
        name
        status
        addresses
      }
      missing
    }
  }
  resourcesRefreshedAt
}`) as unknown as TypedDocumentString<RefreshProviderResourcesMutation, RefreshProviderResourcesMutationVariables>;
export const ShareProviderDocument = new TypedDocumentString(`
    mutation ShareProvider($id: ID!, $tenantIds: [ID!]!) {
  shareProvider(id: $id, tenantIds: $tenantIds) {
    ...ProviderDetailFields
  }
}
    fragment ProviderFields on Provider {
  id
  name
  type
  config
  credentialId
  becomeCredentialId
  healthStatus
  healthMessage
  healthCheckedAt
  createdAt
  tenantId
  sharedWith
}
fragment ProviderHealthFields on ProviderHealthCheck {
  providerId
  status
  message
  latencyMs
  changed
  checkedAt
}
fragment ProviderDetailFields on Provider {
  ...ProviderFields
  inventory
  healthHistory(take: 50) {
    ...ProviderHealthFields
  }
  resources {
    __typename
    ... on KubernetesResources {
      namespaces
      deployments {
        namespace
        name
        replicas
        ready
      }
      services {
        namespace
        name
        type
        address
        ports
      }
    }
    ... on OpenStackResources {
      stacks {
        id
        name
        status
        reason
        createdAt
      }
      servers {
        id
        name
        status
        addresses
      }
      missing
    }
  }
  resourcesRefreshedAt
}`) as unknown as TypedDocumentString<ShareProviderMutation, ShareProviderMutationVariables>;
export const ProviderAlarmsDocument = new TypedDocumentString(`
    query ProviderAlarms($take: Int!) {
  providerAlarms(take: $take) {
    ...ProviderHealthFields
  }
}
    fragment ProviderHealthFields on ProviderHealthCheck {
  providerId
  status
  message
  latencyMs
  changed
  checkedAt
}`) as unknown as TypedDocumentString<ProviderAlarmsQuery, ProviderAlarmsQueryVariables>;
export const QueuesDocument = new TypedDocumentString(`
    query Queues {
  queues {
    name
    waiting
    active
    delayed
    prioritized
    failed
    completed
    oldestWaitingSince
    oldestWaitingSeconds
    workers {
      name
      address
      connectedSeconds
      idleSeconds
    }
  }
}
    `) as unknown as TypedDocumentString<QueuesQuery, QueuesQueryVariables>;
export const FailedQueueJobsDocument = new TypedDocumentString(`
    query FailedQueueJobs($queue: QueueName!, $take: Int) {
  failedQueueJobs(queue: $queue, take: $take) {
    queue
    id
    name
    error
    attempts
    queuedAt
    failedAt
  }
}
    `) as unknown as TypedDocumentString<FailedQueueJobsQuery, FailedQueueJobsQueryVariables>;
export const RetryQueueJobDocument = new TypedDocumentString(`
    mutation RetryQueueJob($queue: QueueName!, $id: String!) {
  retryQueueJob(queue: $queue, id: $id)
}
    `) as unknown as TypedDocumentString<RetryQueueJobMutation, RetryQueueJobMutationVariables>;
export const QuotasDocument = new TypedDocumentString(`
    query Quotas($tenantId: ID, $userId: ID) {
  quotas(tenantId: $tenantId, userId: $userId) {
    ...QuotaFields
  }
}
    fragment QuotaFields on Quota {
  id
  dimension
  limit
  used
  tenant {
    id
    name
  }
  user {
    id
    username
  }
}`) as unknown as TypedDocumentString<QuotasQuery, QuotasQueryVariables>;
export const MyQuotasDocument = new TypedDocumentString(`
    query MyQuotas {
  myQuotas {
    ...QuotaFields
  }
}
    fragment QuotaFields on Quota {
  id
  dimension
  limit
  used
  tenant {
    id
    name
  }
  user {
    id
    username
  }
}`) as unknown as TypedDocumentString<MyQuotasQuery, MyQuotasQueryVariables>;
export const SetQuotaDocument = new TypedDocumentString(`
    mutation SetQuota($input: QuotaInput!) {
  setQuota(input: $input) {
    ...QuotaFields
  }
}
    fragment QuotaFields on Quota {
  id
  dimension
  limit
  used
  tenant {
    id
    name
  }
  user {
    id
    username
  }
}`) as unknown as TypedDocumentString<SetQuotaMutation, SetQuotaMutationVariables>;
export const DeleteQuotaDocument = new TypedDocumentString(`
    mutation DeleteQuota($id: ID!) {
  deleteQuota(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteQuotaMutation, DeleteQuotaMutationVariables>;
export const ScheduledOperationsDocument = new TypedDocumentString(`
    query ScheduledOperations($serviceId: ID, $skip: Int, $take: Int) {
  scheduledOperations(serviceId: $serviceId, skip: $skip, take: $take) {
    ...ScheduledOperationFields
  }
  scheduledOperationsCount(serviceId: $serviceId)
}
    fragment ScheduledOperationFields on ScheduledOperation {
  id
  name
  action
  templateId
  serviceId
  targetName
  runAt
  cron
  timezone
  enabled
  nextRunAt
  lastRunAt
  lastRequestId
  lastError
  runCount
  createdAt
}`) as unknown as TypedDocumentString<ScheduledOperationsQuery, ScheduledOperationsQueryVariables>;
export const ScheduledOperationDocument = new TypedDocumentString(`
    query ScheduledOperation($id: ID!) {
  scheduledOperation(id: $id) {
    ...ScheduledOperationFields
  }
}
    fragment ScheduledOperationFields on ScheduledOperation {
  id
  name
  action
  templateId
  serviceId
  targetName
  runAt
  cron
  timezone
  enabled
  nextRunAt
  lastRunAt
  lastRequestId
  lastError
  runCount
  createdAt
}`) as unknown as TypedDocumentString<ScheduledOperationQuery, ScheduledOperationQueryVariables>;
export const CreateScheduledOperationDocument = new TypedDocumentString(`
    mutation CreateScheduledOperation($input: CreateScheduledOperationInput!) {
  createScheduledOperation(input: $input) {
    ...ScheduledOperationFields
  }
}
    fragment ScheduledOperationFields on ScheduledOperation {
  id
  name
  action
  templateId
  serviceId
  targetName
  runAt
  cron
  timezone
  enabled
  nextRunAt
  lastRunAt
  lastRequestId
  lastError
  runCount
  createdAt
}`) as unknown as TypedDocumentString<CreateScheduledOperationMutation, CreateScheduledOperationMutationVariables>;
export const UpdateScheduledOperationDocument = new TypedDocumentString(`
    mutation UpdateScheduledOperation($id: ID!, $input: UpdateScheduledOperationInput!) {
  updateScheduledOperation(id: $id, input: $input) {
    ...ScheduledOperationFields
  }
}
    fragment ScheduledOperationFields on ScheduledOperation {
  id
  name
  action
  templateId
  serviceId
  targetName
  runAt
  cron
  timezone
  enabled
  nextRunAt
  lastRunAt
  lastRequestId
  lastError
  runCount
  createdAt
}`) as unknown as TypedDocumentString<UpdateScheduledOperationMutation, UpdateScheduledOperationMutationVariables>;
export const DeleteScheduledOperationDocument = new TypedDocumentString(`
    mutation DeleteScheduledOperation($id: ID!) {
  deleteScheduledOperation(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteScheduledOperationMutation, DeleteScheduledOperationMutationVariables>;
export const ServiceRequestsDocument = new TypedDocumentString(`
    query ServiceRequests($skip: Int, $take: Int, $filter: ServiceRequestFilter, $sort: ServiceRequestSort) {
  serviceRequests(skip: $skip, take: $take, filter: $filter, sort: $sort) {
    ...RequestListFields
  }
  serviceRequestCount(filter: $filter)
}
    fragment JobFields on Job {
  id
  status
  playbook
  commit
  returnCode
  startedAt
  finishedAt
  cancelRequestedAt
  artifacts
  eventCount
  eventsEmitted
  eventsComplete
  outputPurgedAt
  hostSummaries {
    host
    ok
    changed
    failures
    unreachable
    skipped
    rescued
    ignored
  }
}
fragment RequestBundleFields on ServiceRequest {
  state
  stateAttempt
  transitions {
    state
    event
    attempt
    message
    at
  }
  items {
    id
    name
    index
    site
    status
    jobId
    playbook
    commit
    outputs
    message
    startedAt
    finishedAt
  }
}
fragment RequestListFields on ServiceRequest {
  id
  status
  action
  tenantId
  message
  createdAt
  updatedAt
  finishedAt
  dialogValues
  ...RequestBundleFields
  template {
    id
    name
    type
  }
  requester {
    id
    username
  }
  jobs {
    ...JobFields
  }
  service {
    id
    name
    status
  }
}`) as unknown as TypedDocumentString<ServiceRequestsQuery, ServiceRequestsQueryVariables>;
export const RequestFilterChoicesDocument = new TypedDocumentString(`
    query RequestFilterChoices {
  serviceRequestFilterChoices {
    requesters {
      id
      username
    }
    tenants {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<RequestFilterChoicesQuery, RequestFilterChoicesQueryVariables>;
export const ServiceRequestDocument = new TypedDocumentString(`
    query ServiceRequest($id: ID!) {
  serviceRequest(id: $id) {
    ...RequestFields
  }
}
    fragment RequestApprovalFields on ServiceRequest {
  approval {
    approvals
    reason
    timeoutHours
    deadline
    canDecide
    approvers {
      id
      username
    }
    decisions {
      approverId
      approverName
      decision
      reason
      at
    }
  }
}
fragment JobFields on Job {
  id
  status
  playbook
  commit
  returnCode
  startedAt
  finishedAt
  cancelRequestedAt
  artifacts
  eventCount
  eventsEmitted
  eventsComplete
  outputPurgedAt
  hostSummaries {
    host
    ok
    changed
    failures
    unreachable
    skipped
    rescued
    ignored
  }
}
fragment RequestBundleFields on ServiceRequest {
  state
  stateAttempt
  transitions {
    state
    event
    attempt
    message
    at
  }
  items {
    id
    name
    index
    site
    status
    jobId
    playbook
    commit
    outputs
    message
    startedAt
    finishedAt
  }
}
fragment RequestListFields on ServiceRequest {
  id
  status
  action
  tenantId
  message
  createdAt
  updatedAt
  finishedAt
  dialogValues
  ...RequestBundleFields
  template {
    id
    name
    type
  }
  requester {
    id
    username
  }
  jobs {
    ...JobFields
  }
  service {
    id
    name
    status
  }
}
fragment RequestFields on ServiceRequest {
  ...RequestListFields
  scheduledBy {
    id
    name
  }
  machine {
    name
    states {
      name
      method
    }
    action
    serviceId
    rollbackOf
    onFailure
  }
  template {
    id
    name
    type
    dialog
  }
  ...RequestApprovalFields
}`) as unknown as TypedDocumentString<ServiceRequestQuery, ServiceRequestQueryVariables>;
export const OrderServiceDocument = new TypedDocumentString(`
    mutation OrderService($input: OrderServiceInput!) {
  orderService(input: $input) {
    ...RequestFields
  }
}
    fragment RequestApprovalFields on ServiceRequest {
  approval {
    approvals
    reason
    timeoutHours
    deadline
    canDecide
    approvers {
      id
      username
    }
    decisions {
      approverId
      approverName
      decision
      reason
      at
    }
  }
}
fragment JobFields on Job {
  id
  status
  playbook
  commit
  returnCode
  startedAt
  finishedAt
  cancelRequestedAt
  artifacts
  eventCount
  eventsEmitted
  eventsComplete
  outputPurgedAt
  hostSummaries {
    host
    ok
    changed
    failures
    unreachable
    skipped
    rescued
    ignored
  }
}
fragment RequestBundleFields on ServiceRequest {
  state
  stateAttempt
  transitions {
    state
    event
    attempt
    message
    at
  }
  items {
    id
    name
    index
    site
    status
    jobId
    playbook
    commit
    outputs
    message
    startedAt
    finishedAt
  }
}
fragment RequestListFields on ServiceRequest {
  id
  status
  action
  tenantId
  message
  createdAt
  updatedAt
  finishedAt
  dialogValues
  ...RequestBundleFields
  template {
    id
    name
    type
  }
  requester {
    id
    username
  }
  jobs {
    ...JobFields
  }
  service {
    id
    name
    status
  }
}
fragment RequestFields on ServiceRequest {
  ...RequestListFields
  scheduledBy {
    id
    name
  }
  machine {
    name
    states {
      name
      method
    }
    action
    serviceId
    rollbackOf
    onFailure
  }
  template {
    id
    name
    type
    dialog
  }
  ...RequestApprovalFields
}`) as unknown as TypedDocumentString<OrderServiceMutation, OrderServiceMutationVariables>;
export const PreviewOrderDocument = new TypedDocumentString(`
    mutation PreviewOrder($input: OrderServiceInput!) {
  previewOrder(input: $input) {
    ...RequestFields
  }
}
    fragment RequestApprovalFields on ServiceRequest {
  approval {
    approvals
    reason
    timeoutHours
    deadline
    canDecide
    approvers {
      id
      username
    }
    decisions {
      approverId
      approverName
      decision
      reason
      at
    }
  }
}
fragment JobFields on Job {
  id
  status
  playbook
  commit
  returnCode
  startedAt
  finishedAt
  cancelRequestedAt
  artifacts
  eventCount
  eventsEmitted
  eventsComplete
  outputPurgedAt
  hostSummaries {
    host
    ok
    changed
    failures
    unreachable
    skipped
    rescued
    ignored
  }
}
fragment RequestBundleFields on ServiceRequest {
  state
  stateAttempt
  transitions {
    state
    event
    attempt
    message
    at
  }
  items {
    id
    name
    index
    site
    status
    jobId
    playbook
    commit
    outputs
    message
    startedAt
    finishedAt
  }
}
fragment RequestListFields on ServiceRequest {
  id
  status
  action
  tenantId
  message
  createdAt
  updatedAt
  finishedAt
  dialogValues
  ...RequestBundleFields
  template {
    id
    name
    type
  }
  requester {
    id
    username
  }
  jobs {
    ...JobFields
  }
  service {
    id
    name
    status
  }
}
fragment RequestFields on ServiceRequest {
  ...RequestListFields
  scheduledBy {
    id
    name
  }
  machine {
    name
    states {
      name
      method
    }
    action
    serviceId
    rollbackOf
    onFailure
  }
  template {
    id
    name
    type
    dialog
  }
  ...RequestApprovalFields
}`) as unknown as TypedDocumentString<PreviewOrderMutation, PreviewOrderMutationVariables>;
export const ReconfigureServiceDocument = new TypedDocumentString(`
    mutation ReconfigureService($id: ID!, $values: JSON!) {
  reconfigureService(id: $id, dialogValues: $values) {
    ...RequestFields
  }
}
    fragment RequestApprovalFields on ServiceRequest {
  approval {
    approvals
    reason
    timeoutHours
    deadline
    canDecide
    approvers {
      id
      username
    }
    decisions {
      approverId
      approverName
      decision
      reason
      at
    }
  }
}
fragment JobFields on Job {
  id
  status
  playbook
  commit
  returnCode
  startedAt
  finishedAt
  cancelRequestedAt
  artifacts
  eventCount
  eventsEmitted
  eventsComplete
  outputPurgedAt
  hostSummaries {
    host
    ok
    changed
    failures
    unreachable
    skipped
    rescued
    ignored
  }
}
fragment RequestBundleFields on ServiceRequest {
  state
  stateAttempt
  transitions {
    state
    event
    attempt
    message
    at
  }
  items {
    id
    name
    index
    site
    status
    jobId
    playbook
    commit
    outputs
    message
    startedAt
    finishedAt
  }
}
fragment RequestListFields on ServiceRequest {
  id
  status
  action
  tenantId
  message
  createdAt
  updatedAt
  finishedAt
  dialogValues
  ...RequestBundleFields
  template {
    id
    name
    type
  }
  requester {
    id
    username
  }
  jobs {
    ...JobFields
  }
  service {
    id
    name
    status
  }
}
fragment RequestFields on ServiceRequest {
  ...RequestListFields
  scheduledBy {
    id
    name
  }
  machine {
    name
    states {
      name
      method
    }
    action
    serviceId
    rollbackOf
    onFailure
  }
  template {
    id
    name
    type
    dialog
  }
  ...RequestApprovalFields
}`) as unknown as TypedDocumentString<ReconfigureServiceMutation, ReconfigureServiceMutationVariables>;
export const ResumeServiceRequestDocument = new TypedDocumentString(`
    mutation ResumeServiceRequest($id: ID!) {
  resumeServiceRequest(id: $id) {
    ...RequestFields
  }
}
    fragment RequestApprovalFields on ServiceRequest {
  approval {
    approvals
    reason
    timeoutHours
    deadline
    canDecide
    approvers {
      id
      username
    }
    decisions {
      approverId
      approverName
      decision
      reason
      at
    }
  }
}
fragment JobFields on Job {
  id
  status
  playbook
  commit
  returnCode
  startedAt
  finishedAt
  cancelRequestedAt
  artifacts
  eventCount
  eventsEmitted
  eventsComplete
  outputPurgedAt
  hostSummaries {
    host
    ok
    changed
    failures
    unreachable
    skipped
    rescued
    ignored
  }
}
fragment RequestBundleFields on ServiceRequest {
  state
  stateAttempt
  transitions {
    state
    event
    attempt
    message
    at
  }
  items {
    id
    name
    index
    site
    status
    jobId
    playbook
    commit
    outputs
    message
    startedAt
    finishedAt
  }
}
fragment RequestListFields on ServiceRequest {
  id
  status
  action
  tenantId
  message
  createdAt
  updatedAt
  finishedAt
  dialogValues
  ...RequestBundleFields
  template {
    id
    name
    type
  }
  requester {
    id
    username
  }
  jobs {
    ...JobFields
  }
  service {
    id
    name
    status
  }
}
fragment RequestFields on ServiceRequest {
  ...RequestListFields
  scheduledBy {
    id
    name
  }
  machine {
    name
    states {
      name
      method
    }
    action
    serviceId
    rollbackOf
    onFailure
  }
  template {
    id
    name
    type
    dialog
  }
  ...RequestApprovalFields
}`) as unknown as TypedDocumentString<ResumeServiceRequestMutation, ResumeServiceRequestMutationVariables>;
export const CancelServiceRequestDocument = new TypedDocumentString(`
    mutation CancelServiceRequest($id: ID!) {
  cancelServiceRequest(id: $id) {
    ...RequestFields
  }
}
    fragment RequestApprovalFields on ServiceRequest {
  approval {
    approvals
    reason
    timeoutHours
    deadline
    canDecide
    approvers {
      id
      username
    }
    decisions {
      approverId
      approverName
      decision
      reason
      at
    }
  }
}
fragment JobFields on Job {
  id
  status
  playbook
  commit
  returnCode
  startedAt
  finishedAt
  cancelRequestedAt
  artifacts
  eventCount
  eventsEmitted
  eventsComplete
  outputPurgedAt
  hostSummaries {
    host
    ok
    changed
    failures
    unreachable
    skipped
    rescued
    ignored
  }
}
fragment RequestBundleFields on ServiceRequest {
  state
  stateAttempt
  transitions {
    state
    event
    attempt
    message
    at
  }
  items {
    id
    name
    index
    site
    status
    jobId
    playbook
    commit
    outputs
    message
    startedAt
    finishedAt
  }
}
fragment RequestListFields on ServiceRequest {
  id
  status
  action
  tenantId
  message
  createdAt
  updatedAt
  finishedAt
  dialogValues
  ...RequestBundleFields
  template {
    id
    name
    type
  }
  requester {
    id
    username
  }
  jobs {
    ...JobFields
  }
  service {
    id
    name
    status
  }
}
fragment RequestFields on ServiceRequest {
  ...RequestListFields
  scheduledBy {
    id
    name
  }
  machine {
    name
    states {
      name
      method
    }
    action
    serviceId
    rollbackOf
    onFailure
  }
  template {
    id
    name
    type
    dialog
  }
  ...RequestApprovalFields
}`) as unknown as TypedDocumentString<CancelServiceRequestMutation, CancelServiceRequestMutationVariables>;
export const JobDocument = new TypedDocumentString(`
    query Job($id: ID!) {
  job(id: $id) {
    ...JobFields
    stdout
  }
}
    fragment JobFields on Job {
  id
  status
  playbook
  commit
  returnCode
  startedAt
  finishedAt
  cancelRequestedAt
  artifacts
  eventCount
  eventsEmitted
  eventsComplete
  outputPurgedAt
  hostSummaries {
    host
    ok
    changed
    failures
    unreachable
    skipped
    rescued
    ignored
  }
}`) as unknown as TypedDocumentString<JobQuery, JobQueryVariables>;
export const CancelJobDocument = new TypedDocumentString(`
    mutation CancelJob($id: ID!) {
  cancelJob(id: $id) {
    ...JobFields
  }
}
    fragment JobFields on Job {
  id
  status
  playbook
  commit
  returnCode
  startedAt
  finishedAt
  cancelRequestedAt
  artifacts
  eventCount
  eventsEmitted
  eventsComplete
  outputPurgedAt
  hostSummaries {
    host
    ok
    changed
    failures
    unreachable
    skipped
    rescued
    ignored
  }
}`) as unknown as TypedDocumentString<CancelJobMutation, CancelJobMutationVariables>;
export const JobEventsDocument = new TypedDocumentString(`
    query JobEvents($id: ID!, $afterSeq: Int) {
  job(id: $id) {
    events(afterSeq: $afterSeq, limit: 1000) {
      ...JobEventFields
    }
  }
}
    fragment JobEventFields on JobEvent {
  seq
  event
  host
  task
  play
  changed
  failed
  stdout
  createdAt
}`) as unknown as TypedDocumentString<JobEventsQuery, JobEventsQueryVariables>;
export const ServiceRequestUpdatedDocument = new TypedDocumentString(`
    subscription ServiceRequestUpdated($id: ID!) {
  serviceRequestUpdated(id: $id) {
    ...RequestFields
  }
}
    fragment RequestApprovalFields on ServiceRequest {
  approval {
    approvals
    reason
    timeoutHours
    deadline
    canDecide
    approvers {
      id
      username
    }
    decisions {
      approverId
      approverName
      decision
      reason
      at
    }
  }
}
fragment JobFields on Job {
  id
  status
  playbook
  commit
  returnCode
  startedAt
  finishedAt
  cancelRequestedAt
  artifacts
  eventCount
  eventsEmitted
  eventsComplete
  outputPurgedAt
  hostSummaries {
    host
    ok
    changed
    failures
    unreachable
    skipped
    rescued
    ignored
  }
}
fragment RequestBundleFields on ServiceRequest {
  state
  stateAttempt
  transitions {
    state
    event
    attempt
    message
    at
  }
  items {
    id
    name
    index
    site
    status
    jobId
    playbook
    commit
    outputs
    message
    startedAt
    finishedAt
  }
}
fragment RequestListFields on ServiceRequest {
  id
  status
  action
  tenantId
  message
  createdAt
  updatedAt
  finishedAt
  dialogValues
  ...RequestBundleFields
  template {
    id
    name
    type
  }
  requester {
    id
    username
  }
  jobs {
    ...JobFields
  }
  service {
    id
    name
    status
  }
}
fragment RequestFields on ServiceRequest {
  ...RequestListFields
  scheduledBy {
    id
    name
  }
  machine {
    name
    states {
      name
      method
    }
    action
    serviceId
    rollbackOf
    onFailure
  }
  template {
    id
    name
    type
    dialog
  }
  ...RequestApprovalFields
}`) as unknown as TypedDocumentString<ServiceRequestUpdatedSubscription, ServiceRequestUpdatedSubscriptionVariables>;
export const JobLogDocument = new TypedDocumentString(`
    subscription JobLog($jobId: ID!, $offset: Int) {
  jobLog(jobId: $jobId, offset: $offset) {
    offset
    text
  }
}
    `) as unknown as TypedDocumentString<JobLogSubscription, JobLogSubscriptionVariables>;
export const JobEventsLiveDocument = new TypedDocumentString(`
    subscription JobEventsLive($jobId: ID!, $afterSeq: Int) {
  jobEvents(jobId: $jobId, afterSeq: $afterSeq) {
    ...JobEventFields
  }
}
    fragment JobEventFields on JobEvent {
  seq
  event
  host
  task
  play
  changed
  failed
  stdout
  createdAt
}`) as unknown as TypedDocumentString<JobEventsLiveSubscription, JobEventsLiveSubscriptionVariables>;
export const ServicesDocument = new TypedDocumentString(`
    query Services($skip: Int, $take: Int, $filter: ServiceFilter, $sort: ServiceSort) {
  services(skip: $skip, take: $take, filter: $filter, sort: $sort) {
    ...ServiceFields
  }
  serviceCount(filter: $filter)
}
    fragment ServiceFields on Service {
  id
  name
  status
  outputs
  createdAt
  providerIds
  retiresAt
  maxRetiresAt
  retirementWarnDays
  retirementWarnedAt
  owner {
    id
    username
  }
  request {
    id
    status
    template {
      id
      name
    }
  }
  configuration {
    dialog
    values
    reconfigurableFields
  }
}`) as unknown as TypedDocumentString<ServicesQuery, ServicesQueryVariables>;
export const ServiceDocument = new TypedDocumentString(`
    query Service($id: ID!) {
  service(id: $id) {
    ...ServiceFields
    retirementPlaybooks
    placements {
      site
      providerId
      providerTypes
    }
    requests {
      id
      status
      action
      createdAt
      finishedAt
      requester {
        id
        username
      }
    }
  }
}
    fragment ServiceFields on Service {
  id
  name
  status
  outputs
  createdAt
  providerIds
  retiresAt
  maxRetiresAt
  retirementWarnDays
  retirementWarnedAt
  owner {
    id
    username
  }
  request {
    id
    status
    template {
      id
      name
    }
  }
  configuration {
    dialog
    values
    reconfigurableFields
  }
}`) as unknown as TypedDocumentString<ServiceQuery, ServiceQueryVariables>;
export const ExtendServiceRetirementDocument = new TypedDocumentString(`
    mutation ExtendServiceRetirement($id: ID!, $retiresAt: DateTime!) {
  extendServiceRetirement(id: $id, retiresAt: $retiresAt) {
    id
    retiresAt
    retirementWarnedAt
  }
}
    `) as unknown as TypedDocumentString<ExtendServiceRetirementMutation, ExtendServiceRetirementMutationVariables>;
export const RetireServiceDocument = new TypedDocumentString(`
    mutation RetireService($id: ID!) {
  retireService(id: $id) {
    ...RequestFields
  }
}
    fragment RequestApprovalFields on ServiceRequest {
  approval {
    approvals
    reason
    timeoutHours
    deadline
    canDecide
    approvers {
      id
      username
    }
    decisions {
      approverId
      approverName
      decision
      reason
      at
    }
  }
}
fragment JobFields on Job {
  id
  status
  playbook
  commit
  returnCode
  startedAt
  finishedAt
  cancelRequestedAt
  artifacts
  eventCount
  eventsEmitted
  eventsComplete
  outputPurgedAt
  hostSummaries {
    host
    ok
    changed
    failures
    unreachable
    skipped
    rescued
    ignored
  }
}
fragment RequestBundleFields on ServiceRequest {
  state
  stateAttempt
  transitions {
    state
    event
    attempt
    message
    at
  }
  items {
    id
    name
    index
    site
    status
    jobId
    playbook
    commit
    outputs
    message
    startedAt
    finishedAt
  }
}
fragment RequestListFields on ServiceRequest {
  id
  status
  action
  tenantId
  message
  createdAt
  updatedAt
  finishedAt
  dialogValues
  ...RequestBundleFields
  template {
    id
    name
    type
  }
  requester {
    id
    username
  }
  jobs {
    ...JobFields
  }
  service {
    id
    name
    status
  }
}
fragment RequestFields on ServiceRequest {
  ...RequestListFields
  scheduledBy {
    id
    name
  }
  machine {
    name
    states {
      name
      method
    }
    action
    serviceId
    rollbackOf
    onFailure
  }
  template {
    id
    name
    type
    dialog
  }
  ...RequestApprovalFields
}`) as unknown as TypedDocumentString<RetireServiceMutation, RetireServiceMutationVariables>;
export const ForceRetireServiceDocument = new TypedDocumentString(`
    mutation ForceRetireService($id: ID!, $reason: String!) {
  forceRetireService(id: $id, reason: $reason) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ForceRetireServiceMutation, ForceRetireServiceMutationVariables>;
export const HealServiceDocument = new TypedDocumentString(`
    mutation HealService($id: ID!) {
  healService(id: $id) {
    ...RequestFields
  }
}
    fragment RequestApprovalFields on ServiceRequest {
  approval {
    approvals
    reason
    timeoutHours
    deadline
    canDecide
    approvers {
      id
      username
    }
    decisions {
      approverId
      approverName
      decision
      reason
      at
    }
  }
}
fragment JobFields on Job {
  id
  status
  playbook
  commit
  returnCode
  startedAt
  finishedAt
  cancelRequestedAt
  artifacts
  eventCount
  eventsEmitted
  eventsComplete
  outputPurgedAt
  hostSummaries {
    host
    ok
    changed
    failures
    unreachable
    skipped
    rescued
    ignored
  }
}
fragment RequestBundleFields on ServiceRequest {
  state
  stateAttempt
  transitions {
    state
    event
    attempt
    message
    at
  }
  items {
    id
    name
    index
    site
    status
    jobId
    playbook
    commit
    outputs
    message
    startedAt
    finishedAt
  }
}
fragment RequestListFields on ServiceRequest {
  id
  status
  action
  tenantId
  message
  createdAt
  updatedAt
  finishedAt
  dialogValues
  ...RequestBundleFields
  template {
    id
    name
    type
  }
  requester {
    id
    username
  }
  jobs {
    ...JobFields
  }
  service {
    id
    name
    status
  }
}
fragment RequestFields on ServiceRequest {
  ...RequestListFields
  scheduledBy {
    id
    name
  }
  machine {
    name
    states {
      name
      method
    }
    action
    serviceId
    rollbackOf
    onFailure
  }
  template {
    id
    name
    type
    dialog
  }
  ...RequestApprovalFields
}`) as unknown as TypedDocumentString<HealServiceMutation, HealServiceMutationVariables>;
export const MigrateServiceDocument = new TypedDocumentString(`
    mutation MigrateService($id: ID!, $placements: [PlacementInput!]!) {
  migrateService(id: $id, placements: $placements) {
    ...RequestFields
  }
}
    fragment RequestApprovalFields on ServiceRequest {
  approval {
    approvals
    reason
    timeoutHours
    deadline
    canDecide
    approvers {
      id
      username
    }
    decisions {
      approverId
      approverName
      decision
      reason
      at
    }
  }
}
fragment JobFields on Job {
  id
  status
  playbook
  commit
  returnCode
  startedAt
  finishedAt
  cancelRequestedAt
  artifacts
  eventCount
  eventsEmitted
  eventsComplete
  outputPurgedAt
  hostSummaries {
    host
    ok
    changed
    failures
    unreachable
    skipped
    rescued
    ignored
  }
}
fragment RequestBundleFields on ServiceRequest {
  state
  stateAttempt
  transitions {
    state
    event
    attempt
    message
    at
  }
  items {
    id
    name
    index
    site
    status
    jobId
    playbook
    commit
    outputs
    message
    startedAt
    finishedAt
  }
}
fragment RequestListFields on ServiceRequest {
  id
  status
  action
  tenantId
  message
  createdAt
  updatedAt
  finishedAt
  dialogValues
  ...RequestBundleFields
  template {
    id
    name
    type
  }
  requester {
    id
    username
  }
  jobs {
    ...JobFields
  }
  service {
    id
    name
    status
  }
}
fragment RequestFields on ServiceRequest {
  ...RequestListFields
  scheduledBy {
    id
    name
  }
  machine {
    name
    states {
      name
      method
    }
    action
    serviceId
    rollbackOf
    onFailure
  }
  template {
    id
    name
    type
    dialog
  }
  ...RequestApprovalFields
}`) as unknown as TypedDocumentString<MigrateServiceMutation, MigrateServiceMutationVariables>;
export const DeleteServiceDocument = new TypedDocumentString(`
    mutation DeleteService($id: ID!) {
  deleteService(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteServiceMutation, DeleteServiceMutationVariables>;
export const TemplatesPageDocument = new TypedDocumentString(`
    query TemplatesPage($search: String, $skip: Int!, $take: Int!) {
  serviceTemplates(search: $search, unpublished: true, skip: $skip, take: $take) {
    ...TemplateEditorFields
  }
  serviceTemplateCount(search: $search, unpublished: true)
}
    fragment TemplateEditorFields on ServiceTemplate {
  id
  name
  description
  catalog
  type
  published
  source
  definition
  tenantId
  sharedWith
}`) as unknown as TypedDocumentString<TemplatesPageQuery, TemplatesPageQueryVariables>;
export const TemplateDocument = new TypedDocumentString(`
    query Template($id: ID!) {
  serviceTemplate(id: $id, unpublished: true) {
    ...TemplateEditorFields
  }
}
    fragment TemplateEditorFields on ServiceTemplate {
  id
  name
  description
  catalog
  type
  published
  source
  definition
  tenantId
  sharedWith
}`) as unknown as TypedDocumentString<TemplateQuery, TemplateQueryVariables>;
export const SaveServiceTemplateDocument = new TypedDocumentString(`
    mutation SaveServiceTemplate($i: ServiceTemplateInput!) {
  saveServiceTemplate(input: $i) {
    ...TemplateEditorFields
  }
}
    fragment TemplateEditorFields on ServiceTemplate {
  id
  name
  description
  catalog
  type
  published
  source
  definition
  tenantId
  sharedWith
}`) as unknown as TypedDocumentString<SaveServiceTemplateMutation, SaveServiceTemplateMutationVariables>;
export const DeleteServiceTemplateDocument = new TypedDocumentString(`
    mutation DeleteServiceTemplate($id: ID!) {
  deleteServiceTemplate(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteServiceTemplateMutation, DeleteServiceTemplateMutationVariables>;
export const ShareServiceTemplateDocument = new TypedDocumentString(`
    mutation ShareServiceTemplate($id: ID!, $tenantIds: [ID!]!) {
  shareServiceTemplate(id: $id, tenantIds: $tenantIds) {
    ...TemplateEditorFields
  }
}
    fragment TemplateEditorFields on ServiceTemplate {
  id
  name
  description
  catalog
  type
  published
  source
  definition
  tenantId
  sharedWith
}`) as unknown as TypedDocumentString<ShareServiceTemplateMutation, ShareServiceTemplateMutationVariables>;
export const StateMachinesDocument = new TypedDocumentString(`
    query StateMachines {
  stateMachines {
    name
    description
    states
  }
}
    `) as unknown as TypedDocumentString<StateMachinesQuery, StateMachinesQueryVariables>;
export const TenantsDocument = new TypedDocumentString(`
    query Tenants {
  tenants {
    ...TenantFields
  }
}
    fragment TenantFields on Tenant {
  id
  name
  description
  parentId
  createdAt
}`) as unknown as TypedDocumentString<TenantsQuery, TenantsQueryVariables>;
export const CreateTenantDocument = new TypedDocumentString(`
    mutation CreateTenant($input: TenantInput!) {
  createTenant(input: $input) {
    ...TenantFields
  }
}
    fragment TenantFields on Tenant {
  id
  name
  description
  parentId
  createdAt
}`) as unknown as TypedDocumentString<CreateTenantMutation, CreateTenantMutationVariables>;
export const UpdateTenantDocument = new TypedDocumentString(`
    mutation UpdateTenant($id: ID!, $input: TenantInput!) {
  updateTenant(id: $id, input: $input) {
    ...TenantFields
  }
}
    fragment TenantFields on Tenant {
  id
  name
  description
  parentId
  createdAt
}`) as unknown as TypedDocumentString<UpdateTenantMutation, UpdateTenantMutationVariables>;
export const DeleteTenantDocument = new TypedDocumentString(`
    mutation DeleteTenant($id: ID!) {
  deleteTenant(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteTenantMutation, DeleteTenantMutationVariables>;
export const UsersDocument = new TypedDocumentString(`
    query Users {
  users {
    ...UserFields
  }
}
    fragment UserFields on User {
  id
  username
  displayName
  email
  disabled
  mustChangePassword
  roles
  groups {
    id
    name
  }
  tenant {
    id
    name
  }
  createdAt
}`) as unknown as TypedDocumentString<UsersQuery, UsersQueryVariables>;
export const UserDocument = new TypedDocumentString(`
    query User($id: ID!) {
  user(id: $id) {
    ...UserFields
  }
}
    fragment UserFields on User {
  id
  username
  displayName
  email
  disabled
  mustChangePassword
  roles
  groups {
    id
    name
  }
  tenant {
    id
    name
  }
  createdAt
}`) as unknown as TypedDocumentString<UserQuery, UserQueryVariables>;
export const CreateUserDocument = new TypedDocumentString(`
    mutation CreateUser($input: CreateUserInput!) {
  createUser(input: $input) {
    ...UserFields
  }
}
    fragment UserFields on User {
  id
  username
  displayName
  email
  disabled
  mustChangePassword
  roles
  groups {
    id
    name
  }
  tenant {
    id
    name
  }
  createdAt
}`) as unknown as TypedDocumentString<CreateUserMutation, CreateUserMutationVariables>;
export const UpdateUserDocument = new TypedDocumentString(`
    mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
  updateUser(id: $id, input: $input) {
    ...UserFields
  }
}
    fragment UserFields on User {
  id
  username
  displayName
  email
  disabled
  mustChangePassword
  roles
  groups {
    id
    name
  }
  tenant {
    id
    name
  }
  createdAt
}`) as unknown as TypedDocumentString<UpdateUserMutation, UpdateUserMutationVariables>;
export const DeleteUserDocument = new TypedDocumentString(`
    mutation DeleteUser($id: ID!) {
  deleteUser(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteUserMutation, DeleteUserMutationVariables>;
export const ResetUserPasswordDocument = new TypedDocumentString(`
    mutation ResetUserPassword($id: ID!, $password: String!) {
  resetUserPassword(id: $id, password: $password) {
    ...UserFields
  }
}
    fragment UserFields on User {
  id
  username
  displayName
  email
  disabled
  mustChangePassword
  roles
  groups {
    id
    name
  }
  tenant {
    id
    name
  }
  createdAt
}`) as unknown as TypedDocumentString<ResetUserPasswordMutation, ResetUserPasswordMutationVariables>;
export const VnfPackagesDocument = new TypedDocumentString(`
    query VnfPackages($filter: VnfPackageFilterInput) {
  vnfPackages(filter: $filter) {
    ...VnfPackageFields
  }
}
    fragment VnfPackageFields on VnfPackage {
  id
  name
  repoId
  repoName
  path
  vnfdId
  provider
  productName
  softwareVersion
  vnfdVersion
  commit
  onboardingState
  operationalState
  usageState
  usedBy
  deletionState
  deleted
  artifacts {
    path
    size
    sha256
  }
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<VnfPackagesQuery, VnfPackagesQueryVariables>;
export const VnfPackageDocument = new TypedDocumentString(`
    query VnfPackage($id: ID!) {
  vnfPackage(id: $id) {
    ...VnfPackageDetailFields
  }
}
    fragment VnfPackageFields on VnfPackage {
  id
  name
  repoId
  repoName
  path
  vnfdId
  provider
  productName
  softwareVersion
  vnfdVersion
  commit
  onboardingState
  operationalState
  usageState
  usedBy
  deletionState
  deleted
  artifacts {
    path
    size
    sha256
  }
  createdAt
  updatedAt
}
fragment VnfPackageDetailFields on VnfPackage {
  ...VnfPackageFields
  vdus {
    vduId
    name
    description
    vduParent
    parentMandatory
    bareMetal
    technology
    image
    descriptors
    depth
  }
  connectionPoints {
    cpdId
    kind
    of
    exposedPods
    ports {
      name
      port
      protocol
      targetPort
    }
  }
}`) as unknown as TypedDocumentString<VnfPackageQuery, VnfPackageQueryVariables>;
export const EnableVnfPackageDocument = new TypedDocumentString(`
    mutation EnableVnfPackage($id: ID!) {
  enableVnfPackage(id: $id) {
    ...VnfPackageDetailFields
  }
}
    fragment VnfPackageFields on VnfPackage {
  id
  name
  repoId
  repoName
  path
  vnfdId
  provider
  productName
  softwareVersion
  vnfdVersion
  commit
  onboardingState
  operationalState
  usageState
  usedBy
  deletionState
  deleted
  artifacts {
    path
    size
    sha256
  }
  createdAt
  updatedAt
}
fragment VnfPackageDetailFields on VnfPackage {
  ...VnfPackageFields
  vdus {
    vduId
    name
    description
    vduParent
    parentMandatory
    bareMetal
    technology
    image
    descriptors
    depth
  }
  connectionPoints {
    cpdId
    kind
    of
    exposedPods
    ports {
      name
      port
      protocol
      targetPort
    }
  }
}`) as unknown as TypedDocumentString<EnableVnfPackageMutation, EnableVnfPackageMutationVariables>;
export const DisableVnfPackageDocument = new TypedDocumentString(`
    mutation DisableVnfPackage($id: ID!) {
  disableVnfPackage(id: $id) {
    ...VnfPackageDetailFields
  }
}
    fragment VnfPackageFields on VnfPackage {
  id
  name
  repoId
  repoName
  path
  vnfdId
  provider
  productName
  softwareVersion
  vnfdVersion
  commit
  onboardingState
  operationalState
  usageState
  usedBy
  deletionState
  deleted
  artifacts {
    path
    size
    sha256
  }
  createdAt
  updatedAt
}
fragment VnfPackageDetailFields on VnfPackage {
  ...VnfPackageFields
  vdus {
    vduId
    name
    description
    vduParent
    parentMandatory
    bareMetal
    technology
    image
    descriptors
    depth
  }
  connectionPoints {
    cpdId
    kind
    of
    exposedPods
    ports {
      name
      port
      protocol
      targetPort
    }
  }
}`) as unknown as TypedDocumentString<DisableVnfPackageMutation, DisableVnfPackageMutationVariables>;
export const DeleteVnfPackageDocument = new TypedDocumentString(`
    mutation DeleteVnfPackage($id: ID!) {
  deleteVnfPackage(id: $id) {
    ...VnfPackageFields
  }
}
    fragment VnfPackageFields on VnfPackage {
  id
  name
  repoId
  repoName
  path
  vnfdId
  provider
  productName
  softwareVersion
  vnfdVersion
  commit
  onboardingState
  operationalState
  usageState
  usedBy
  deletionState
  deleted
  artifacts {
    path
    size
    sha256
  }
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<DeleteVnfPackageMutation, DeleteVnfPackageMutationVariables>;
export const AbortVnfPackageDeletionDocument = new TypedDocumentString(`
    mutation AbortVnfPackageDeletion($id: ID!) {
  abortVnfPackageDeletion(id: $id) {
    ...VnfPackageDetailFields
  }
}
    fragment VnfPackageFields on VnfPackage {
  id
  name
  repoId
  repoName
  path
  vnfdId
  provider
  productName
  softwareVersion
  vnfdVersion
  commit
  onboardingState
  operationalState
  usageState
  usedBy
  deletionState
  deleted
  artifacts {
    path
    size
    sha256
  }
  createdAt
  updatedAt
}
fragment VnfPackageDetailFields on VnfPackage {
  ...VnfPackageFields
  vdus {
    vduId
    name
    description
    vduParent
    parentMandatory
    bareMetal
    technology
    image
    descriptors
    depth
  }
  connectionPoints {
    cpdId
    kind
    of
    exposedPods
    ports {
      name
      port
      protocol
      targetPort
    }
  }
}`) as unknown as TypedDocumentString<AbortVnfPackageDeletionMutation, AbortVnfPackageDeletionMutationVariables>;
export const VnfPackageArtifactDocument = new TypedDocumentString(`
    query VnfPackageArtifact($id: ID!, $path: String!) {
  vnfPackageArtifact(id: $id, path: $path) {
    path
    size
    sha256
    encoding
    content
  }
}
    `) as unknown as TypedDocumentString<VnfPackageArtifactQuery, VnfPackageArtifactQueryVariables>;
export const WebhookEndpointsDocument = new TypedDocumentString(`
    query WebhookEndpoints {
  webhookEndpoints {
    ...WebhookEndpointFields
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  tenantId
  name
  url
  enabled
  createdAt
  secretRotatedAt
}`) as unknown as TypedDocumentString<WebhookEndpointsQuery, WebhookEndpointsQueryVariables>;
export const CreateWebhookEndpointDocument = new TypedDocumentString(`
    mutation CreateWebhookEndpoint($input: WebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) {
    secret
    endpoint {
      ...WebhookEndpointFields
    }
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  tenantId
  name
  url
  enabled
  createdAt
  secretRotatedAt
}`) as unknown as TypedDocumentString<CreateWebhookEndpointMutation, CreateWebhookEndpointMutationVariables>;
export const UpdateWebhookEndpointDocument = new TypedDocumentString(`
    mutation UpdateWebhookEndpoint($id: ID!, $input: WebhookEndpointUpdate!) {
  updateWebhookEndpoint(id: $id, input: $input) {
    ...WebhookEndpointFields
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  tenantId
  name
  url
  enabled
  createdAt
  secretRotatedAt
}`) as unknown as TypedDocumentString<UpdateWebhookEndpointMutation, UpdateWebhookEndpointMutationVariables>;
export const RotateWebhookSecretDocument = new TypedDocumentString(`
    mutation RotateWebhookSecret($id: ID!) {
  rotateWebhookSecret(id: $id) {
    secret
    endpoint {
      ...WebhookEndpointFields
    }
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  tenantId
  name
  url
  enabled
  createdAt
  secretRotatedAt
}`) as unknown as TypedDocumentString<RotateWebhookSecretMutation, RotateWebhookSecretMutationVariables>;
export const DeleteWebhookEndpointDocument = new TypedDocumentString(`
    mutation DeleteWebhookEndpoint($id: ID!) {
  deleteWebhookEndpoint(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteWebhookEndpointMutation, DeleteWebhookEndpointMutationVariables>;
export const WebhookDeliveriesDocument = new TypedDocumentString(`
    query WebhookDeliveries($endpointId: ID!, $skip: Int, $take: Int) {
  webhookDeliveries(endpointId: $endpointId, skip: $skip, take: $take) {
    ...NotificationDeliveryFields
  }
}
    fragment NotificationDeliveryFields on NotificationDelivery {
  id
  eventType
  title
  channel
  status
  attempts
  responseCode
  lastError
  nextAttemptAt
  deliveredAt
  createdAt
}`) as unknown as TypedDocumentString<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>;
export const ResendWebhookDeliveryDocument = new TypedDocumentString(`
    mutation ResendWebhookDelivery($id: ID!) {
  resendWebhookDelivery(id: $id) {
    ...NotificationDeliveryFields
  }
}
    fragment NotificationDeliveryFields on NotificationDelivery {
  id
  eventType
  title
  channel
  status
  attempts
  responseCode
  lastError
  nextAttemptAt
  deliveredAt
  createdAt
}`) as unknown as TypedDocumentString<ResendWebhookDeliveryMutation, ResendWebhookDeliveryMutationVariables>;