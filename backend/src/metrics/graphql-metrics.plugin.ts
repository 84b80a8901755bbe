import type { ApolloServerPlugin } from '@apollo/server';
import { operationSummary } from '../graphql/operation-name.js';
import type { MetricsService } from './metrics.service.js';

/** Times every GraphQL operation over HTTP, labelled by its name (never its variables). */
export function graphqlMetricsPlugin(metrics: MetricsService): ApolloServerPlugin {
  return {
    requestDidStart: async () => {
      const started = performance.now();
      return {
        willSendResponse: async (ctx) => {
          const { name, type } = operationSummary(ctx);
          const body = ctx.response.body;
          const failed = ctx.errors !== undefined || (body.kind === 'single' && Boolean(body.singleResult.errors?.length));
          metrics.observeGraphql(name, type, !failed, (performance.now() - started) / 1000);
        },
      };
    },
  };
}
