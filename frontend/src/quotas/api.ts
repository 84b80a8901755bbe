// Quotas over GraphQL: a tenant's or a user's limits with their use (quotas), the caller's own
// (myQuotas), and setting or removing a limit (setQuota, deleteQuota: administrators).
import { graphqlRequest } from '../api/graphql';
import { graphql } from '../gql';
import type { QuotaFieldsFragment } from '../gql/graphql';

graphql(`
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
`);
const QuotasQuery = graphql(`
  query Quotas($tenantId: ID, $userId: ID) {
    quotas(tenantId: $tenantId, userId: $userId) {
      ...QuotaFields
    }
  }
`);
const MyQuotasQuery = graphql(`
  query MyQuotas {
    myQuotas {
      ...QuotaFields
    }
  }
`);
const SetQuotaMutation = graphql(`
  mutation SetQuota($input: QuotaInput!) {
    setQuota(input: $input) {
      ...QuotaFields
    }
  }
`);
const DeleteQuotaMutation = graphql(`
  mutation DeleteQuota($id: ID!) {
    deleteQuota(id: $id)
  }
`);

export type Quota = QuotaFieldsFragment;

/** The dimensions every order counts in; items may declare more (vcpus, memory_gb...). */
export const BUILT_IN_DIMENSIONS: { id: string; name: string }[] = [
  { id: 'services', name: 'services — active services and orders that will make one' },
  { id: 'requests_per_day', name: 'requests_per_day — orders in the last 24 hours' },
];

export const quotasApi = {
  ofTenant: async (tenantId: string): Promise<Quota[]> => (await graphqlRequest(QuotasQuery, { tenantId })).quotas,
  mine: async (): Promise<Quota[]> => (await graphqlRequest(MyQuotasQuery, {})).myQuotas,
  /** Sets a tenant's (or user's) limit on a dimension, replacing the one there was. */
  set: async (input: { tenantId?: string; userId?: string; dimension: string; limit: number }): Promise<Quota> =>
    (await graphqlRequest(SetQuotaMutation, { input })).setQuota,
  remove: async (id: string): Promise<boolean> => (await graphqlRequest(DeleteQuotaMutation, { id })).deleteQuota,
};
