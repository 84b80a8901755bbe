// Service requests over GraphQL: the serviceRequests resource (list, show; create orders a catalog item
// or reconfigures a service), resuming and cancelling a request, and a request's jobs and their events.
// Live updates (subscriptions) are in ./live.ts.
import type { Identifier } from 'react-admin';
import { graphqlRequest } from '../api/graphql';
import { pageOf, type ResourceApi } from '../api/resource';
import { dayRange, oneOf, sortOf } from '../common/listFilters';
import type { Dialog } from '../dialogs/types';
import { graphql } from '../gql';
import type {
  JobEventFieldsFragment,
  JobFieldsFragment,
  JobOptionsInput,
  JobStatus,
  RequestAction,
  RequestFieldsFragment,
  RequestFilterChoicesQuery,
  RequestSortField,
  RequestListFieldsFragment,
  RequestStatus,
} from '../gql/graphql';
import type { JsonObject, JsonValue } from '../types';

export type { JobStatus, RequestAction, RequestStatus };

/** Every status a request can be in, with its label: the status filter's choices (the type makes it complete). */
export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  pending: 'Pending',
  queued: 'Queued',
  running: 'Running',
  pending_approval: 'Pending approval',
  finished: 'Finished',
  failed: 'Failed',
  canceled: 'Canceled',
  denied: 'Denied',
};

/** Every type of request, with its label: the type filter's choices and the Type column. */
export const REQUEST_ACTION_LABELS: Record<RequestAction, string> = {
  provision: 'Provision',
  reconfigure: 'Reconfigure',
  retire: 'Retire',
  rollback: 'Rollback',
  preview: 'Preview',
  heal: 'Heal',
  migrate: 'Migrate',
  measure: 'Measure',
};

/** The columns the server sorts requests on (react-admin's sort field → the API's). */
const REQUEST_SORT_FIELDS: Record<RequestSortField, true> = { createdAt: true, updatedAt: true, finishedAt: true, status: true, action: true };

/** Who ordered, and which tenants own, the requests the user may see: the choices of the lists' filters. */
export type FilterChoices = RequestFilterChoicesQuery['serviceRequestFilterChoices'];

graphql(`
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
`);
graphql(`
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
`);
// Bundles: the state machine's position and history, and the child items.
graphql(`
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
`);
// The list carries everything the show page needs except the template's dialog and the machine: react-admin
// seeds the getOne cache with list records, so a show page may first render from a list record.
graphql(`
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
`);
// The machine (every state, the action) is read per request on the server: a request read by id and
// the live updates carry it, list rows do not (the show page draws from the transitions until then).
graphql(`
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
`);

const ServiceRequestsQuery = graphql(`
  query ServiceRequests($skip: Int, $take: Int, $filter: ServiceRequestFilter, $sort: ServiceRequestSort) {
    serviceRequests(skip: $skip, take: $take, filter: $filter, sort: $sort) {
      ...RequestListFields
    }
    serviceRequestCount(filter: $filter)
  }
`);
const FilterChoicesQuery = graphql(`
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
`);
const ServiceRequestQuery = graphql(`
  query ServiceRequest($id: ID!) {
    serviceRequest(id: $id) {
      ...RequestFields
    }
  }
`);
const OrderServiceMutation = graphql(`
  mutation OrderService($input: OrderServiceInput!) {
    orderService(input: $input) {
      ...RequestFields
    }
  }
`);
const PreviewOrderMutation = graphql(`
  mutation PreviewOrder($input: OrderServiceInput!) {
    previewOrder(input: $input) {
      ...RequestFields
    }
  }
`);
const ReconfigureServiceMutation = graphql(`
  mutation ReconfigureService($id: ID!, $values: JSON!) {
    reconfigureService(id: $id, dialogValues: $values) {
      ...RequestFields
    }
  }
`);
const ResumeServiceRequestMutation = graphql(`
  mutation ResumeServiceRequest($id: ID!) {
    resumeServiceRequest(id: $id) {
      ...RequestFields
    }
  }
`);
const CancelServiceRequestMutation = graphql(`
  mutation CancelServiceRequest($id: ID!) {
    cancelServiceRequest(id: $id) {
      ...RequestFields
    }
  }
`);
const JobQuery = graphql(`
  query Job($id: ID!) {
    job(id: $id) {
      ...JobFields
      stdout
    }
  }
`);
const CancelJobMutation = graphql(`
  mutation CancelJob($id: ID!) {
    cancelJob(id: $id) {
      ...JobFields
    }
  }
`);
const JobEventsQuery = graphql(`
  query JobEvents($id: ID!, $afterSeq: Int) {
    job(id: $id) {
      events(afterSeq: $afterSeq, limit: 1000) {
        ...JobEventFields
      }
    }
  }
`);

/** One ansible-playbook run; `artifacts` (JSON in the schema) is its set_stats data. */
export type Job = Omit<JobFieldsFragment, 'artifacts'> & { artifacts: JsonValue | null };
export type HostSummary = Job['hostSummaries'][number];
export type JobEvent = JobEventFieldsFragment;

type ListRow = RequestListFieldsFragment;
type Detail = RequestFieldsFragment;

/** One child item of a bundle request; `outputs` (JSON in the schema) is its run's set_stats data. */
export type RequestItem = Omit<ListRow['items'][number], 'outputs'> & { outputs: JsonValue | null };
/** A step of a bundle request's state machine: entered, ok, retry, error, resumed or hook. */
export type RequestTransition = ListRow['transitions'][number];
/** A bundle request's state machine (pinned when it was ordered) and purpose. */
export type RequestMachine = NonNullable<Detail['machine']>;

/** A request. The machine and the template's dialog come with a request read by id and with live updates,
 * not with list rows. */
export type ServiceRequest = Omit<ListRow, 'dialogValues' | 'items' | 'template' | 'jobs'> & {
  dialogValues: JsonObject;
  items: RequestItem[];
  jobs: Job[];
  template: (NonNullable<ListRow['template']> & { dialog?: Dialog }) | null;
  machine?: RequestMachine | null;
  /** What an order that needs approval waits for (see approvals/); null when it needed none; absent on list rows. */
  approval?: Detail['approval'];
  /** The scheduled operation that started it; null: its requester did; absent on list rows. */
  scheduledBy?: Detail['scheduledBy'];
};

/** A request as the API answers it, its JSON fields typed (see the types above). */
export const asServiceRequest = (row: ListRow | Detail): ServiceRequest => row as ServiceRequest;
const asJob = (row: JobFieldsFragment): Job => row as Job;

/** What the order and reconfigure pages create. */
export interface OrderData {
  templateId: string;
  dialogValues: JsonObject;
  /** A reconfiguration of this service instead of a new order. */
  reconfigureServiceId?: string;
  /** ansible-playbook options the item lets an order set (its orderOptions). */
  jobOptions?: JobOptionsInput;
  /** When its service should be retired (ISO); none: the item's default lifetime. */
  retiresAt?: string;
  /** A preview (previewOrder) instead of the order: check mode with --diff, nothing made. */
  preview?: boolean;
}

const create = async (data: unknown): Promise<ServiceRequest> => {
  const { templateId, dialogValues, reconfigureServiceId, jobOptions, retiresAt, preview } = data as OrderData;
  if (preview) {
    return asServiceRequest(
      (await graphqlRequest(PreviewOrderMutation, { input: { templateId, dialogValues, ...(jobOptions ? { jobOptions } : {}) } })).previewOrder,
    );
  }
  if (reconfigureServiceId) {
    return asServiceRequest((await graphqlRequest(ReconfigureServiceMutation, { id: reconfigureServiceId, values: dialogValues })).reconfigureService);
  }
  return asServiceRequest(
    (
      await graphqlRequest(OrderServiceMutation, {
        input: { templateId, dialogValues, ...(jobOptions ? { jobOptions } : {}), ...(retiresAt ? { retiresAt } : {}) },
      })
    ).orderService,
  );
};

export const serviceRequestsApi = {
  /** A page filtered, sorted and counted by the server (filter: status, action, templateId, requesterId, tenantId, createdFrom, createdTo). */
  getList: async (params) => {
    const { skip, perPage } = pageOf(params);
    const f = (params.filter ?? {}) as Record<string, unknown>;
    const filter = {
      statuses: oneOf<RequestStatus>(f.status, REQUEST_STATUS_LABELS),
      actions: oneOf<RequestAction>(f.action, REQUEST_ACTION_LABELS),
      templateId: typeof f.templateId === 'string' && f.templateId ? f.templateId : undefined,
      requesterId: typeof f.requesterId === 'string' && f.requesterId ? f.requesterId : undefined,
      tenantId: typeof f.tenantId === 'string' && f.tenantId ? f.tenantId : undefined,
      ...dayRange(f.createdFrom, f.createdTo),
    };
    const { serviceRequests, serviceRequestCount } = await graphqlRequest(ServiceRequestsQuery, {
      skip,
      take: perPage,
      filter,
      sort: sortOf(params.sort, REQUEST_SORT_FIELDS),
    });
    return { data: serviceRequests.map(asServiceRequest), total: serviceRequestCount };
  },
  /** The requesters and tenants to filter on. */
  filterChoices: async (): Promise<FilterChoices> => (await graphqlRequest(FilterChoicesQuery, {})).serviceRequestFilterChoices,
  getOne: async (id) => {
    const { serviceRequest } = await graphqlRequest(ServiceRequestQuery, { id: String(id) });
    return serviceRequest ? asServiceRequest(serviceRequest) : null;
  },
  create,
  /** Runs a failed bundle request again from the state that failed. CONFLICT when it is not a failed bundle. */
  resume: async (id: Identifier): Promise<ServiceRequest> =>
    asServiceRequest((await graphqlRequest(ResumeServiceRequestMutation, { id: String(id) })).resumeServiceRequest),
  /** Cancels a request not yet started (pending, queued). CONFLICT once it runs or has ended. */
  cancel: async (id: Identifier): Promise<ServiceRequest> =>
    asServiceRequest((await graphqlRequest(CancelServiceRequestMutation, { id: String(id) })).cancelServiceRequest),
  getJob: async (id: string): Promise<(Job & { stdout: string }) | null> => {
    const { job } = await graphqlRequest(JobQuery, { id });
    return job ? { ...asJob(job), stdout: job.stdout } : null;
  },
  /** Asks the server to stop a running job; it ends `canceled` soon after. CONFLICT when it has already ended. */
  cancelJob: async (id: string): Promise<Job> => asJob((await graphqlRequest(CancelJobMutation, { id })).cancelJob),
  getJobEvents: async (jobId: string, afterSeq: number): Promise<JobEvent[]> =>
    (await graphqlRequest(JobEventsQuery, { id: jobId, afterSeq })).job?.events ?? [],
} satisfies ResourceApi<ServiceRequest> & Record<string, unknown>;

export const isTerminalRequestStatus = (status: RequestStatus): boolean =>
  status === 'finished' || status === 'failed' || status === 'canceled' || status === 'denied';

export const isTerminalJobStatus = (status: JobStatus): boolean =>
  status === 'successful' || status === 'failed' || status === 'error' || status === 'canceled';
