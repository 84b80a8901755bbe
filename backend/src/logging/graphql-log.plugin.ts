import type { ApolloServerPlugin } from '@apollo/server';
import { Logger } from '@nestjs/common';
import { operationSummary } from '../graphql/operation-name.js';

const logger = new Logger('GraphQL');

/**
 * One line per GraphQL operation over HTTP, as it is answered: its name (or root fields), type,
 * duration and error codes — carrying the request's reqId, like every line logged while it was
 * handled. Never its variables, nor error messages (GraphQL's own quote the values they refuse).
 */
export function graphqlLogPlugin(): ApolloServerPlugin {
  return {
    requestDidStart: async () => {
      const started = performance.now();
      return {
        willSendResponse: async (ctx) => {
          const { name, type } = operationSummary(ctx);
          const body = ctx.response.body;
          const errors = body.kind === 'single' ? (body.singleResult.errors ?? []) : [];
          const codes = [...new Set(errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))];
          const fields = {
            operation: name,
            operationType: type,
            durationMs: Math.round(performance.now() - started),
            ...(codes.length ? { errors: codes } : {}),
          };
          logger.log(fields, `graphql ${type} ${name}${codes.length ? ` answered ${codes.join(', ')}` : ''}`);
        },
      };
    },
  };
}
