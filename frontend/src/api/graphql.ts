// The one HTTP seam to the GraphQL API: POST /graphql with the bearer token, GraphQL errors
// turned into react-admin HttpErrors carrying a status, the error code and field errors.
import { HttpError } from 'react-admin';
import type { TypedDocumentString } from '../gql/graphql';

const TOKEN_KEY = 'superfluid.token';

export const getToken = (): string | null => localStorage.getItem(TOKEN_KEY);
export const setToken = (token: string): void => localStorage.setItem(TOKEN_KEY, token);
export const clearToken = (): void => localStorage.removeItem(TOKEN_KEY);

export const GRAPHQL_PATH = '/graphql';

export interface GraphQLErrorPayload {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; fields?: Record<string, string>; [key: string]: unknown };
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLErrorPayload[];
}

/** Body of the HttpErrors thrown here; `errors` is react-admin's shape for server-side form errors. */
export interface ApiErrorBody {
  code: string;
  errors?: Record<string, string | { serverError: string }>;
  graphqlErrors: GraphQLErrorPayload[];
}

const STATUS_BY_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION_FAILED: 400,
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  GRAPHQL_PARSE_FAILED: 400,
  CONFLICT: 409,
  QUOTA_EXCEEDED: 409,
  UNAVAILABLE: 503,
};

export const statusForCode = (code: string): number => STATUS_BY_CODE[code] ?? 500;

const toHttpError = (errors: GraphQLErrorPayload[], httpStatus: number): HttpError => {
  const first = errors[0];
  const code = first?.extensions?.code ?? (httpStatus === 401 ? 'UNAUTHENTICATED' : 'INTERNAL_SERVER_ERROR');
  const message = first?.message ?? `Request failed with HTTP ${httpStatus}`;
  const body: ApiErrorBody = { code, graphqlErrors: errors };
  const fields = first?.extensions?.fields;
  if (code === 'VALIDATION_FAILED' && fields && Object.keys(fields).length > 0) {
    body.errors = { ...fields, root: { serverError: message } };
  }
  return new HttpError(message, statusForCode(code), body);
};

/** Runs one GraphQL operation (a document generated from the schema, see codegen.ts) and returns its
 * typed data, or throws an HttpError. */
export async function graphqlRequest<T, V>(document: TypedDocumentString<T, V>, variables: V, { auth = true }: { auth?: boolean } = {}): Promise<T> {
  const query = document.toString();
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  const token = auth ? getToken() : null;
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(GRAPHQL_PATH, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  } catch (error) {
    throw new HttpError(`Cannot reach the server: ${error instanceof Error ? error.message : String(error)}`, 0, {
      code: 'NETWORK_ERROR',
      graphqlErrors: [],
    } satisfies ApiErrorBody);
  }
  let payload: GraphQLResponse<T> | null = null;
  try {
    payload = (await response.json()) as GraphQLResponse<T>;
  } catch {
    payload = null;
  }
  if (payload?.errors && payload.errors.length > 0) throw toHttpError(payload.errors, response.status);
  if (!response.ok || !payload?.data) {
    throw toHttpError([], response.status === 200 ? 500 : response.status);
  }
  return payload.data;
}
