import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { Logger } from '@nestjs/common';
import type { GqlContext } from '../auth/auth.decorators.js';
import { bearerToken } from '../auth/auth.guard.js';
import type { AuthService } from '../auth/auth.service.js';
import type { Principal } from '../auth/principal.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { asGraphQLError, checkOperation, type OperationLimits, usesIntrospection, withoutSuggestions } from './graphql-limits.js';

const logger = new Logger('GraphQL');

/** The caller's principal, looked up once per request (null: not signed in, or the token is not valid). */
async function signedIn(auth: AuthService, ctx: GqlContext): Promise<Principal | null> {
  if (ctx.principal) return ctx.principal;
  const token = bearerToken(ctx);
  if (!token) return null;
  const principal = await auth.principal(token);
  if (principal) {
    ctx.principal = principal;
    ctx.user = principal.user;
  }
  return principal;
}

/**
 * The API's limits over HTTP, after GraphQL's own validation: depth, aliases, cost and one
 * login per operation (QUERY_TOO_COMPLEX / TOO_MANY_REQUESTS, nothing executed); the schema
 * (`__schema`, `__type`) only for a signed-in caller (UNAUTHENTICATED); and no field
 * suggestions ("Did you mean ...?") in the errors answered to a caller who is not signed in.
 * The WebSocket server applies the same checks (graphql-ws.server.ts).
 */
export function graphqlApiPlugin(auth: AuthService, limits: OperationLimits): ApolloServerPlugin<GqlContext> {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ schema, document, request, operationName, contextValue }) => {
        try {
          const cost = checkOperation(schema, document, request.variables, operationName, limits);
          logger.debug(`operation ${operationName ?? '(anonymous)'} cost ${cost}`);
        } catch (err) {
          if (err instanceof AppError) throw asGraphQLError(err, err.code === ErrorCode.TOO_MANY_REQUESTS ? 429 : 400);
          throw err;
        }
        if (usesIntrospection(document) && !(await signedIn(auth, contextValue))) {
          throw asGraphQLError(new AppError(ErrorCode.UNAUTHENTICATED, 'Sign in to read the schema: introspection is for signed-in users.'), 401);
        }
      },
      willSendResponse: async ({ response, contextValue }: GraphQLRequestContext<GqlContext>) => {
        const body = response.body;
        const errors = body?.kind === 'single' ? body.singleResult.errors : undefined;
        // Refused for a limit or an outage: say when to try again. (The status stays Nest's 200 once
        // an operation ran, so that clients read { data, errors } as usual.)
        const code = errors?.[0]?.extensions?.code;
        if (code === ErrorCode.TOO_MANY_REQUESTS || code === ErrorCode.SERVICE_UNAVAILABLE) {
          const wait = Number(errors?.[0]?.extensions?.retryAfterSeconds ?? 5);
          response.http.headers.set('retry-after', String(Math.max(1, Math.ceil(wait))));
        }
        if (!errors?.some((e) => /Did you mean /.test(e.message))) return;
        if (await signedIn(auth, contextValue).catch(() => null)) return;
        for (const error of errors) (error as { message: string }).message = withoutSuggestions(error.message);
      },
    }),
  };
}
