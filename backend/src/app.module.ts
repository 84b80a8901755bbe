import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from './auth/auth.module.js';
import type { GqlContext } from './auth/auth.decorators.js';
import { BootstrapService } from './bootstrap.service.js';
import { CatalogModule } from './catalog/catalog.module.js';
import { AppErrorFilter } from './common/app-error.filter.js';
import { formatError } from './common/format-error.js';
import type { AppConfig } from './config/config.js';
import { ConfigModule } from './config/config.module.js';
import { ENTITIES, MIGRATIONS } from './database/data-source.js';
import { GitReposModule } from './git-repos/git-repos.module.js';
import { HealthModule } from './health/health.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { ProvidersModule } from './providers/providers.module.js';
import { PubSubModule } from './pubsub/pubsub.module.js';
import { QueueModule } from './queue/queue.module.js';
import { RequestsModule } from './requests/requests.module.js';
import { ServicesModule } from './services/services.module.js';
import { SystemModule } from './system/system.module.js';
import { UsersModule } from './users/users.module.js';

/** The domain modules, in one list so the schema printer sees the same resolvers as the app. */
export const DOMAIN_MODULES = [
  AuthModule,
  UsersModule,
  GitReposModule,
  ProvidersModule,
  CatalogModule,
  RequestsModule,
  JobsModule,
  ServicesModule,
];

interface WsContext {
  connectionParams?: Record<string, unknown>;
  extra?: { request?: unknown };
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        SystemModule,
        QueueModule,
        PubSubModule,
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: config.databaseUrl,
          entities: ENTITIES,
          migrations: MIGRATIONS,
          synchronize: false,
          migrationsRun: false,
          extra: { max: 10 + config.workerConcurrency },
        }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          playground: false,
          introspection: true,
          subscriptions: { 'graphql-ws': { path: '/graphql' } },
          context: (ctx: { req?: GqlContext['req'] } & WsContext): GqlContext => ({
            req: ctx.req,
            connectionParams: ctx.connectionParams,
          }),
          formatError,
        }),
        HealthModule,
        ...DOMAIN_MODULES,
      ],
      providers: [BootstrapService, { provide: APP_FILTER, useClass: AppErrorFilter }],
    };
  }
}
