// API tokens over GraphQL: the apiTokens resource (list; delete revokes) and createApiToken, whose
// token is shown once and is no record.
import { graphqlRequest } from '../api/graphql';
import { localPage, type ResourceApi } from '../api/resource';
import { graphql } from '../gql';
import type { ApiTokenFieldsFragment, CreateApiTokenMutation as CreateApiTokenResult } from '../gql/graphql';

graphql(`
  fragment ApiTokenFields on ApiToken {
    id
    name
    createdAt
    expiresAt
    lastUsedAt
  }
`);
const ApiTokensQuery = graphql(`
  query ApiTokens {
    apiTokens {
      ...ApiTokenFields
    }
  }
`);
const CreateApiTokenMutation = graphql(`
  mutation CreateApiToken($name: String!, $expiresInDays: Int) {
    createApiToken(name: $name, expiresInDays: $expiresInDays) {
      token
      apiToken {
        ...ApiTokenFields
      }
    }
  }
`);
const RevokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id)
  }
`);

/** A named API token, for scripts and `git push`; the token itself is shown once, when created. */
export type ApiToken = ApiTokenFieldsFragment;
export type CreatedApiToken = CreateApiTokenResult['createApiToken'];

const listTokens = async (): Promise<ApiToken[]> => (await graphqlRequest(ApiTokensQuery, {})).apiTokens;

export const apiTokensApi = {
  getList: (params) => localPage(params, listTokens),
  getOne: async (id) => (await listTokens()).find((t) => t.id === String(id)) ?? null,
  delete: async (id) => {
    await graphqlRequest(RevokeApiTokenMutation, { id: String(id) });
  },
  /** The token is in this answer only. */
  createToken: async (name: string, expiresInDays: number | null): Promise<CreatedApiToken> =>
    (await graphqlRequest(CreateApiTokenMutation, { name, expiresInDays })).createApiToken,
} satisfies ResourceApi<ApiToken> & Record<string, unknown>;
