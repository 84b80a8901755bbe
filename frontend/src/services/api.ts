// Services over GraphQL: the services resource (list, show), retiring, force-retiring, healing and deleting a service.
import type { Identifier } from 'react-admin';
import { graphqlRequest } from '../api/graphql';
import { pageOf, type ResourceApi } from '../api/resource';
import { dayRange, oneOf, sortOf } from '../common/listFilters';
import type { DialogValues } from '../dialogs/types';
import { graphql } from '../gql';
import type { ServiceFieldsFragment, ServiceQuery as ServiceQueryResult, ServiceSortField, ServiceStatus } from '../gql/graphql';
import { asServiceRequest, type ServiceRequest } from '../serviceRequests/api';
import type { JsonValue } from '../types';

graphql(`
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
`);
const ServicesQuery = graphql(`
  query Services($skip: Int, $take: Int, $filter: ServiceFilter, $sort: ServiceSort) {
    services(skip: $skip, take: $take, filter: $filter, sort: $sort) {
      ...ServiceFields
    }
    serviceCount(filter: $filter)
  }
`);
// A service read by id carries every request that changed it (list rows do not: one query per row).
const ServiceQuery = graphql(`
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
`);
const ExtendServiceRetirementMutation = graphql(`
  mutation ExtendServiceRetirement($id: ID!, $retiresAt: DateTime!) {
    extendServiceRetirement(id: $id, retiresAt: $retiresAt) {
      id
      retiresAt
      retirementWarnedAt
    }
  }
`);
const RetireServiceMutation = graphql(`
  mutation RetireService($id: ID!) {
    retireService(id: $id) {
      ...RequestFields
    }
  }
`);
const ForceRetireServiceMutation = graphql(`
  mutation ForceRetireService($id: ID!, $reason: String!) {
    forceRetireService(id: $id, reason: $reason) {
      id
      status
    }
  }
`);
const HealServiceMutation = graphql(`
  mutation HealService($id: ID!) {
    healService(id: $id) {
      ...RequestFields
    }
  }
`);
const MigrateServiceMutation = graphql(`
  mutation MigrateService($id: ID!, $placements: [PlacementInput!]!) {
    migrateService(id: $id, placements: $placements) {
      ...RequestFields
    }
  }
`);
const DeleteServiceMutation = graphql(`
  mutation DeleteService($id: ID!) {
    deleteService(id: $id)
  }
`);

/** What a finished request leaves behind. `outputs` (JSON in the schema) is the playbooks' set_stats data;
 * `configuration.values` the dialog values it has now (secrets masked). */
export type Service = Omit<ServiceFieldsFragment, 'outputs' | 'configuration'> & {
  outputs: JsonValue;
  configuration: Omit<ServiceFieldsFragment['configuration'], 'values'> & { values: DialogValues };
  /** Read by id only (a list row has none). */
  requests?: ServiceChange[];
  /** Read by id only: the playbooks a retirement would run (none: it is only marked retired). */
  retirementPlaybooks?: string[];
  /** Read by id only: where it runs that a migration can change (none: it cannot move). */
  placements?: ServicePlacement[];
};

const asService = (row: ServiceFieldsFragment): Service => row as Service;

/** Where a service runs that migrateService can change: a site (none for a single playbook), its provider, the types it takes. */
export interface ServicePlacement {
  site?: string | null;
  providerId: string;
  providerTypes?: string[] | null;
}

/** A request that changed a service, as the service's page lists it. */
export type ServiceChange = NonNullable<ServiceQueryResult['service']>['requests'][number];

/** Every status a service can be in, with its label: the status filter's choices. */
export const SERVICE_STATUS_LABELS: Record<ServiceStatus, string> = { active: 'Active', retired: 'Retired' };

const SERVICE_SORT_FIELDS: Record<ServiceSortField, true> = { createdAt: true, name: true, status: true };

export const servicesApi = {
  /** A page filtered, sorted and counted by the server (filter: q, status, templateId, ownerId, tenantId, createdFrom, createdTo). */
  getList: async (params) => {
    const { skip, perPage } = pageOf(params);
    const f = (params.filter ?? {}) as Record<string, unknown>;
    const id = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
    const filter = {
      statuses: oneOf<ServiceStatus>(f.status, SERVICE_STATUS_LABELS),
      templateId: id(f.templateId),
      ownerId: id(f.ownerId),
      tenantId: id(f.tenantId),
      nameContains: id(typeof f.q === 'string' ? f.q.trim() : undefined),
      ...dayRange(f.createdFrom, f.createdTo),
    };
    const { services, serviceCount } = await graphqlRequest(ServicesQuery, { skip, take: perPage, filter, sort: sortOf(params.sort, SERVICE_SORT_FIELDS) });
    return { data: services.map(asService), total: serviceCount };
  },
  /** The service with every request that changed it (`requests`, newest first). */
  getOne: async (id) => {
    const { service } = await graphqlRequest(ServiceQuery, { id: String(id) });
    return service ? { ...asService(service), requests: service.requests, placements: service.placements } : null;
  },
  /** Retires a service: the retirement request it starts. */
  retire: async (id: Identifier): Promise<ServiceRequest> => asServiceRequest((await graphqlRequest(RetireServiceMutation, { id: String(id) })).retireService),
  /** Heals a service: the heal request it starts (its items' heal playbooks, or their provision playbooks again). */
  heal: async (id: Identifier): Promise<ServiceRequest> => asServiceRequest((await graphqlRequest(HealServiceMutation, { id: String(id) })).healService),
  /** Moves a service to other providers: the migration request it starts (VALIDATION_FAILED names site or the provider field). */
  migrate: async (id: Identifier, placements: { site?: string | null; providerId: string }[]): Promise<ServiceRequest> =>
    asServiceRequest((await graphqlRequest(MigrateServiceMutation, { id: String(id), placements })).migrateService),
  /** Deletes a retired service's record (its requests stay): CONFLICT while it is active. */
  remove: async (id: Identifier): Promise<boolean> => (await graphqlRequest(DeleteServiceMutation, { id: String(id) })).deleteService,
  /** Marks a service retired with no playbook run (administrators): VALIDATION_FAILED names reason when it is missing. */
  forceRetire: async (id: Identifier, reason: string) => (await graphqlRequest(ForceRetireServiceMutation, { id: String(id), reason })).forceRetireService,
  /** Moves an active service's retirement date (in the future, not after maxRetiresAt): VALIDATION_FAILED names retiresAt otherwise. */
  extendRetirement: async (id: Identifier, retiresAt: string) =>
    (await graphqlRequest(ExtendServiceRetirementMutation, { id: String(id), retiresAt })).extendServiceRetirement,
} satisfies ResourceApi<Service> & Record<string, unknown>;
