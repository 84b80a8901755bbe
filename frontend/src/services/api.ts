// Services over GraphQL: the services resource (list, show) and retiring a service.
import type { Identifier } from 'react-admin';
import { graphqlRequest } from '../api/graphql';
import { partialPage, type ResourceApi } from '../api/resource';
import type { DialogValues } from '../dialogs/types';
import { graphql } from '../gql';
import type { ServiceFieldsFragment } from '../gql/graphql';
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
  query Services($skip: Int, $take: Int) {
    services(skip: $skip, take: $take) {
      ...ServiceFields
    }
  }
`);
const ServiceQuery = graphql(`
  query Service($id: ID!) {
    service(id: $id) {
      ...ServiceFields
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

/** What a finished request leaves behind. `outputs` (JSON in the schema) is the playbooks' set_stats data;
 * `configuration.values` the dialog values it has now (secrets masked). */
export type Service = Omit<ServiceFieldsFragment, 'outputs' | 'configuration'> & {
  outputs: JsonValue;
  configuration: Omit<ServiceFieldsFragment['configuration'], 'values'> & { values: DialogValues };
};

const asService = (row: ServiceFieldsFragment): Service => row as Service;

export const servicesApi = {
  getList: (params) => partialPage(params, async (skip, take) => (await graphqlRequest(ServicesQuery, { skip, take })).services.map(asService)),
  getOne: async (id) => {
    const { service } = await graphqlRequest(ServiceQuery, { id: String(id) });
    return service ? asService(service) : null;
  },
  /** Retires a service: the retirement request it starts. */
  retire: async (id: Identifier): Promise<ServiceRequest> => asServiceRequest((await graphqlRequest(RetireServiceMutation, { id: String(id) })).retireService),
} satisfies ResourceApi<Service> & Record<string, unknown>;
