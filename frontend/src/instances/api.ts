// The worker instances over GraphQL (queues:read): the processes that run jobs, each with its
// capacity, last heartbeat and state (online, lost, stopped). Read only; the list is short and
// answered whole, so it is searched, sorted and paged here.
import { graphqlRequest } from '../api/graphql';
import { localPage, type ResourceApi } from '../api/resource';
import { graphql } from '../gql';
import type { InstancesQuery } from '../gql/graphql';

const InstancesDocument = graphql(`
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
`);

export type Instance = InstancesQuery['instances'][number];

const list = async (): Promise<Instance[]> => (await graphqlRequest(InstancesDocument, {})).instances;

export const instancesApi = {
  getList: (params) => localPage(params, list),
  getOne: async (id) => (await list()).find((i) => i.id === String(id)) ?? null,
} satisfies ResourceApi<Instance>;
