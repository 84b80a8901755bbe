import { Global, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { CatalogModule } from '../catalog/catalog.module.js';
import { ProvidersModule } from '../providers/providers.module.js';
import { RequestsModule } from '../requests/requests.module.js';
import { ServicesModule } from '../services/services.module.js';
import { TenantsModule } from '../tenants/tenants.module.js';
import { ClusterMetrics } from './cluster-metrics.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsServer } from './metrics-server.js';
import { MetricsService } from './metrics.service.js';

/**
 * The route an Express request matched, as its pattern (`/hooks/git/:repoId`); never the path
 * itself, which anyone can vary. A catch-all (a middleware's `{/*splat}`) is no route: what only
 * that matched (the UI's files, a 404) is `other`.
 */
function routeOf(req: Request): string {
  const route = (req.route as { path?: unknown } | undefined)?.path;
  const pattern = typeof route === 'string' ? `${req.baseUrl}${route}`.replace(/\{\/\*splat\}$/, '') : '';
  return pattern || 'other';
}

/**
 * Prometheus metrics (prom-client): /metrics for the bearer of METRICS_TOKEN, on the api port or
 * on METRICS_PORT. Each process shows what it observed itself (MetricsService); the api roles
 * also what Postgres and Redis hold for all of them (ClusterMetrics). See README, "Metrics and logs".
 */
@Global()
@Module({
  imports: [RequestsModule, CatalogModule, ProvidersModule, ServicesModule, TenantsModule],
  controllers: [MetricsController],
  providers: [MetricsService, ClusterMetrics, MetricsServer],
  exports: [MetricsService],
})
export class MetricsModule implements NestModule {
  constructor(private readonly metrics: MetricsService) {}

  /** Times every HTTP request the api answers, by method, route and status. */
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply((req: Request, res: Response, next: NextFunction) => {
        const started = performance.now();
        res.once('finish', () => this.metrics.observeHttp(req.method, routeOf(req), res.statusCode, (performance.now() - started) / 1000));
        next();
      })
      .forRoutes('{/*splat}');
  }
}
