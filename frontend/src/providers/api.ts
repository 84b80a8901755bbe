// Providers over GraphQL: the providers resource (list, show, create, edit, delete), health checks,
// alarms, what a provider holds, and sharing it with other tenants.
import type { Identifier } from 'react-admin';
import { graphqlRequest } from '../api/graphql';
import { localPage, type ResourceApi } from '../api/resource';
import { graphql } from '../gql';
import type { ProviderDetailFieldsFragment, ProviderFieldsFragment, ProviderHealthFieldsFragment, ProviderInput as ProviderInputType } from '../gql/graphql';
import type { JsonObject, JsonValue, ProviderType } from '../types';

graphql(`
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
`);
graphql(`
  fragment ProviderHealthFields on ProviderHealthCheck {
    providerId
    status
    message
    latencyMs
    changed
    checkedAt
  }
`);
// A provider read by id carries its inventory (made on the server for each read), its health history and
// its resources as last read.
graphql(`
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
`);
const ProvidersQuery = graphql(`
  query Providers {
    providers {
      ...ProviderFields
    }
  }
`);
const ProviderQuery = graphql(`
  query Provider($id: ID!) {
    provider(id: $id) {
      ...ProviderDetailFields
    }
  }
`);
const CreateProviderMutation = graphql(`
  mutation CreateProvider($input: ProviderInput!) {
    createProvider(input: $input) {
      ...ProviderFields
    }
  }
`);
const UpdateProviderMutation = graphql(`
  mutation UpdateProvider($id: ID!, $input: ProviderInput!) {
    updateProvider(id: $id, input: $input) {
      ...ProviderDetailFields
    }
  }
`);
const DeleteProviderMutation = graphql(`
  mutation DeleteProvider($id: ID!) {
    deleteProvider(id: $id)
  }
`);
const CheckProviderHealthMutation = graphql(`
  mutation CheckProviderHealth($id: ID!) {
    checkProviderHealth(id: $id) {
      ...ProviderDetailFields
    }
  }
`);
const RefreshProviderResourcesMutation = graphql(`
  mutation RefreshProviderResources($id: ID!) {
    refreshProviderResources(id: $id) {
      ...ProviderDetailFields
    }
  }
`);
const ShareProviderMutation = graphql(`
  mutation ShareProvider($id: ID!, $tenantIds: [ID!]!) {
    shareProvider(id: $id, tenantIds: $tenantIds) {
      ...ProviderDetailFields
    }
  }
`);
const ProviderAlarmsQuery = graphql(`
  query ProviderAlarms($take: Int!) {
    providerAlarms(take: $take) {
      ...ProviderHealthFields
    }
  }
`);

export interface SshHost {
  name: string;
  address: string;
  port?: number;
  variables?: JsonObject;
}

/** Type-specific settings, never secrets (the schema's Provider.config, JSON): ssh `{ hosts, user, sshArgs,
 * variables }`, openstack `{ authUrl, region, interface }`, kubernetes `{ apiUrl, namespace }`, local `{ variables }`. */
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

type Detail = Omit<ProviderDetailFieldsFragment, keyof ProviderFieldsFragment>;
type Resources = NonNullable<Detail['resources']>;

/** What a Kubernetes provider holds, as last read. */
export type KubernetesResources = Extract<Resources, { __typename: 'KubernetesResources' }>;

/** What an OpenStack provider's project holds, as last read; `missing` names the services the cloud lacks. */
export type OpenStackResources = Extract<Resources, { __typename: 'OpenStackResources' }>;

/** One health check; `changed` marks an alarm (went down, or came back up). */
export type ProviderHealthCheck = ProviderHealthFieldsFragment;

/** A provider; what a provider read by id carries (inventory, health history, resources) is absent from list rows. */
export type Provider = Omit<ProviderFieldsFragment, 'type' | 'config'> & {
  type: ProviderType;
  config: ProviderConfig;
  inventory?: JsonValue;
  healthHistory?: Detail['healthHistory'];
  resources?: Detail['resources'];
  resourcesRefreshedAt?: Detail['resourcesRefreshedAt'];
};

/** What the provider form sends (providerInput.ts): createProvider takes it, updateProvider without `type`. */
export type ProviderInput = Omit<ProviderInputType, 'type' | 'config'> & { type?: ProviderType; config?: ProviderConfig };

const asProvider = (row: ProviderFieldsFragment | ProviderDetailFieldsFragment): Provider => row as Provider;

export const providersApi = {
  getList: (params) => localPage(params, async () => (await graphqlRequest(ProvidersQuery, {})).providers.map(asProvider)),
  getOne: async (id) => {
    const { provider } = await graphqlRequest(ProviderQuery, { id: String(id) });
    return provider ? asProvider(provider) : null;
  },
  create: async (data) => asProvider((await graphqlRequest(CreateProviderMutation, { input: data as ProviderInput })).createProvider),
  update: async (id: Identifier, data) => {
    // The provider form sends a ProviderInput (see providerInput.ts); the type cannot change.
    const input: ProviderInput = { ...(data as ProviderInput) };
    delete input.type;
    return asProvider((await graphqlRequest(UpdateProviderMutation, { id: String(id), input })).updateProvider);
  },
  // CONFLICT (local, or in use by active services) carries the server's message naming the users.
  delete: async (id) => {
    await graphqlRequest(DeleteProviderMutation, { id: String(id) });
  },
  /** Runs the health check now; the provider with its new status and history. */
  checkHealth: async (id: Identifier): Promise<Provider> =>
    asProvider((await graphqlRequest(CheckProviderHealthMutation, { id: String(id) })).checkProviderHealth),
  /** Reads what a Kubernetes or OpenStack provider holds now; UNAVAILABLE (with the reason) for other types
   * or when the provider does not answer. */
  refreshResources: async (id: Identifier): Promise<Provider> =>
    asProvider((await graphqlRequest(RefreshProviderResourcesMutation, { id: String(id) })).refreshProviderResources),
  /** Shares the provider with these tenants (replacing its shares): their orders, and those of the tenants below, may run on it. */
  share: async (id: string, tenantIds: string[]): Promise<Provider> =>
    asProvider((await graphqlRequest(ShareProviderMutation, { id, tenantIds })).shareProvider),
  /** Health checks that changed a provider's status (went down, came back), newest first. */
  alarms: async (take: number): Promise<ProviderHealthCheck[]> => (await graphqlRequest(ProviderAlarmsQuery, { take })).providerAlarms,
} satisfies ResourceApi<Provider> & Record<string, unknown>;
