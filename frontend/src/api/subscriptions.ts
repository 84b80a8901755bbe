// GraphQL subscriptions over graphql-ws on the same origin's /graphql, authenticated with the
// same bearer token as HTTP requests (connectionParams.authorization).
import { createClient, type Client } from 'graphql-ws';
import type { TypedDocumentString } from '../gql/graphql';
import { getToken, GRAPHQL_PATH } from './graphql';

let client: Client | null = null;
let clientToken: string | null = null;

const wsUrl = (): string => {
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${window.location.host}${GRAPHQL_PATH}`;
};

const getClient = (): Client => {
  const token = getToken();
  if (client && clientToken === token) return client;
  void client?.dispose();
  clientToken = token;
  client = createClient({
    url: wsUrl(),
    lazy: true,
    retryAttempts: 3,
    connectionParams: () => {
      const current = getToken();
      return current ? { authorization: `Bearer ${current}` } : {};
    },
  });
  return client;
};

/** Closes the socket, e.g. on logout. */
export const disposeSubscriptions = (): void => {
  void client?.dispose();
  client = null;
  clientToken = null;
};

export interface SubscriptionHandlers<T> {
  next: (data: T) => void;
  error: (error: unknown) => void;
  complete?: () => void;
}

/** Starts a subscription (a document generated from the schema, see codegen.ts); returns the function that stops it. */
export function subscribe<T, V extends Record<string, unknown>>(
  document: TypedDocumentString<T, V>,
  variables: V,
  handlers: SubscriptionHandlers<T>,
): () => void {
  return getClient().subscribe<T>(
    { query: document.toString(), variables },
    {
      next: (result) => {
        if (result.errors && result.errors.length > 0) {
          handlers.error(new Error(result.errors.map((e) => e.message).join('; ')));
          return;
        }
        if (result.data) handlers.next(result.data as T);
      },
      error: handlers.error,
      complete: () => handlers.complete?.(),
    },
  );
}
