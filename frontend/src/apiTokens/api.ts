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
    scopes
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
  mutation CreateApiToken($name: String!, $expiresInDays: Int, $scopes: [String!]) {
    createApiToken(name: $name, expiresInDays: $expiresInDays, scopes: $scopes) {
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

/** What a token may be used for (never more than its owner's roles allow); none given means all. */
export const API_TOKEN_SCOPES = [
  { id: 'read', name: 'read', description: 'Read what you may read' },
  { id: 'order', name: 'order', description: 'Order items; act on your requests and services' },
  { id: 'git:read', name: 'git:read', description: 'Clone and fetch hosted repositories' },
  { id: 'git:push', name: 'git:push', description: 'Push to hosted repositories' },
  { id: 'admin', name: 'admin', description: 'Every other change you may make' },
] as const;

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
  createToken: async (name: string, expiresInDays: number | null, scopes: string[]): Promise<CreatedApiToken> =>
    (await graphqlRequest(CreateApiTokenMutation, { name, expiresInDays, scopes })).createApiToken,
} satisfies ResourceApi<ApiToken> & Record<string, unknown>;
