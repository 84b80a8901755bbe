import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from './access/access.module.js';
import { AlarmsModule } from './alarms/alarms.module.js';
import { AuditModule } from './audit/audit.module.js';
import { auditPlugin } from './audit/audit.plugin.js';
import { AuditService } from './audit/audit.service.js';
import { AuthModule } from './auth/auth.module.js';
import type { GqlContext } from './auth/auth.decorators.js';
import { AuthService } from './auth/auth.service.js';
import { BootstrapService } from './bootstrap.service.js';
import { CatalogModule } from './catalog/catalog.module.js';
import { AppErrorFilter } from './common/app-error.filter.js';
import { formatError } from './common/format-error.js';
import type { AppConfig } from './config/config.js';
import { ClockModule } from './common/clock.js';
import { ConfigModule } from './config/config.module.js';
import { MailModule } from './mail/mail.service.js';
import { CredentialsModule } from './credentials/credentials.module.js';
import { DashboardModule } from './dashboard/dashboard.module.js';
import { DialogsModule } from './dialogs/dialogs.module.js';
import { ENTITIES, MIGRATIONS } from './database/data-source.js';
import { GitReposModule } from './git-repos/git-repos.module.js';
import { graphqlApiPlugin } from './graphql/graphql-api.plugin.js';
import { GraphqlWsServer } from './graphql/graphql-ws.server.js';
import { HealthModule } from './health/health.module.js';
import { InstancesModule } from './instances/instances.module.js';
import { InventoriesModule } from './inventories/inventories.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { graphqlLogPlugin } from './logging/graphql-log.plugin.js';
import { LoggingModule } from './logging/logging.module.js';
import { graphqlMetricsPlugin } from './metrics/graphql-metrics.plugin.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { MetricsService } from './metrics/metrics.service.js';
import { ProvidersModule } from './providers/providers.module.js';
import { PubSubModule } from './pubsub/pubsub.module.js';
import { QueueModule } from './queue/queue.module.js';
import { QueueMonitorModule } from './queue-monitor/queue-monitor.module.js';
import { LifecycleModule } from './lifecycle/lifecycle.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { PerformanceModule } from './performance/performance.module.js';
import { SchedulesModule } from './schedules/schedules.module.js';
import { VnfPackagesModule } from './vnf-packages/vnf-packages.module.js';
import { QuotasModule } from './quotas/quotas.module.js';
import { RequestsModule } from './requests/requests.module.js';
import { ServicesModule } from './services/services.module.js';
import { SsoModule } from './sso/sso.module.js';
import { StateMachinesModule } from './state-machines/state-machines.module.js';
import { SystemModule } from './system/system.module.js';
import { TenantsModule } from './tenants/tenants.module.js';
import { UsersModule } from './users/users.module.js';

/** The domain modules, in one list so the schema printer sees the same resolvers as the app. */
export const DOMAIN_MODULES = [
  AuthModule,
  UsersModule,
  TenantsModule,
  GitReposModule,
  ProvidersModule,
  InventoriesModule,
  DialogsModule,
  CatalogModule,
  QuotasModule,
  RequestsModule,
  LifecycleModule,
  StateMachinesModule,
  JobsModule,
  ServicesModule,
  CredentialsModule,
  AuditModule,
  SsoModule,
  AlarmsModule,
  NotificationsModule,
  PerformanceModule,
  SchedulesModule,
  VnfPackagesModule,
  DashboardModule,
  QueueMonitorModule,
  InstancesModule,
];

/** GraphQL answers are never cached (what Apollo's cache-control plugin sent when no hint was set). */
const noStore: ApolloServerPlugin = {
  requestDidStart: async () => ({
    willSendResponse: async ({ response }) => {
      if (!response.http.headers.has('cache-control')) response.http.headers.set('cache-control', 'no-store');
    },
  }),
};

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        ClockModule,
        MailModule,
        SystemModule,
        // Typed domain events: a module announces, the modules that care listen (no callbacks registered upward).
        EventEmitterModule.forRoot(),
        QueueModule,
        PubSubModule,
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: config.databaseUrl,
          entities: ENTITIES,
          migrations: MIGRATIONS,
          synchronize: false,
          migrationsRun: false,
          // A pool that runs dry answers with an error after 10 s instead of hanging.
          extra: { max: 10 + config.workerConcurrency, connectionTimeoutMillis: 10_000 },
        }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AuthModule, AuditModule, MetricsModule],
          inject: [AuthService, AuditService, MetricsService],
          useFactory: (auth: AuthService, audit: AuditService, metrics: MetricsService): ApolloDriverConfig => ({
            path: '/graphql',
            autoSchemaFile: true,
            sortSchema: true,
            playground: false,
            // Apollo's own switch stays on: graphqlApiPlugin answers introspection to signed-in callers only.
            introspection: true,
            // The portal sets no cache hints, so Apollo's default cache-control plugin only
            // ever answered "no-store" — after wrapping every field's resolver to compute a
            // policy (a page of 50 items is some 350 fields). The same header, without that.
            plugins: [
              ApolloServerPluginCacheControlDisabled(),
              noStore,
              graphqlApiPlugin(auth, { maxDepth: config.graphqlMaxDepth, maxAliases: config.graphqlMaxAliases, maxCost: config.graphqlMaxCost }),
              // Every mutation, with who, what, which object, from where and how it ended.
              auditPlugin(audit, auth),
              // One log line and one latency observation per operation, by its name; never its variables.
              graphqlLogPlugin(),
              graphqlMetricsPlugin(metrics),
            ],
            // Subscriptions (graphql-ws) are served by GraphqlWsServer, which applies the same limits.
            context: (ctx: { req?: GqlContext['req'] & { ip?: string } }): GqlContext => ({ req: ctx.req, ip: ctx.req?.ip }),
            formatError,
          }),
        }),
        HealthModule,
        MetricsModule,
        AccessModule,
        ...DOMAIN_MODULES,
      ],
      providers: [BootstrapService, GraphqlWsServer, { provide: APP_FILTER, useClass: AppErrorFilter }],
    };
  }
}
