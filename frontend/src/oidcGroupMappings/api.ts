// SSO group mappings over GraphQL (users:read lists, users:write creates and deletes): which portal
// group a value of the identity provider's groups claim gives. There is no update: delete and create.
import { graphqlRequest } from '../api/graphql';
import { localPage, optionalText, type ResourceApi } from '../api/resource';
import { graphql } from '../gql';
import type { OidcGroupMappingFieldsFragment } from '../gql/graphql';

graphql(`
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
`);
const OidcGroupMappingsQuery = graphql(`
  query OidcGroupMappings {
    oidcGroupMappings {
      ...OidcGroupMappingFields
    }
  }
`);
const CreateOidcGroupMappingMutation = graphql(`
  mutation CreateOidcGroupMapping($claim: String!, $groupId: ID!) {
    createOidcGroupMapping(claim: $claim, groupId: $groupId) {
      ...OidcGroupMappingFields
    }
  }
`);
const DeleteOidcGroupMappingMutation = graphql(`
  mutation DeleteOidcGroupMapping($id: ID!) {
    deleteOidcGroupMapping(id: $id)
  }
`);

/** A mapping as the list shows it; `groupName` for sorting and filtering. */
export type OidcGroupMapping = OidcGroupMappingFieldsFragment & { groupName: string };

const asMapping = (row: OidcGroupMappingFieldsFragment): OidcGroupMapping => ({ ...row, groupName: row.group.name });

const list = async () => (await graphqlRequest(OidcGroupMappingsQuery, {})).oidcGroupMappings.map(asMapping);

export const oidcGroupMappingsApi = {
  getList: (params) => localPage(params, list),
  getOne: async (id) => (await list()).find((m) => m.id === String(id)) ?? null,
  create: async (data) => {
    const values = data as { claim?: string; groupId?: string };
    const created = await graphqlRequest(CreateOidcGroupMappingMutation, { claim: optionalText(values.claim) ?? '', groupId: values.groupId ?? '' });
    return asMapping(created.createOidcGroupMapping);
  },
  delete: async (id) => {
    await graphqlRequest(DeleteOidcGroupMappingMutation, { id: String(id) });
  },
} satisfies ResourceApi<OidcGroupMapping>;
