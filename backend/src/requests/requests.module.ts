import { Inject, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog/catalog.module.js';
import { APP_CONFIG, type AppConfig, runsWorker } from '../config/config.js';
import { DialogsModule } from '../dialogs/dialogs.module.js';
import { GitReposModule } from '../git-repos/git-repos.module.js';
import { CredentialsModule } from '../credentials/credentials.module.js';
import { InventoriesModule } from '../inventories/inventories.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { ProvidersModule } from '../providers/providers.module.js';
import { JobName, type ProvisionJobData, QueueName, type RunItemJobData } from '../queue/queue.constants.js';
import { QueueService } from '../queue/queue.service.js';
import { ServicesModule } from '../services/services.module.js';
import { UsersModule } from '../users/users.module.js';
import { ProvisionJob } from './provision.job.js';
import { RequestStreamsService } from './request-streams.service.js';
import { JobRequestLinkResolver, RequestsResolver, ServiceRequestLinkResolver } from './requests.resolver.js';
import { RequestsReconciler } from './requests.reconciler.js';
import { RequestsService } from './requests.service.js';
import { RequestItemEntity } from './request-item.entity.js';
import { RequestTransitionEntity } from './request-transition.entity.js';
import { ServiceRequestEntity } from './service-request.entity.js';
import { StateMachineRunner } from './state-machine.runner.js';
import type { Job } from 'bullmq';

@Module({
  imports: [
    TypeOrmModule.forFeature([ServiceRequestEntity, RequestItemEntity, RequestTransitionEntity]),
    CatalogModule,
    DialogsModule,
    GitReposModule,
    ProvidersModule,
    InventoriesModule,
    CredentialsModule,
    JobsModule,
    ServicesModule,
    UsersModule,
  ],
  providers: [
    RequestsService,
    RequestStreamsService,
    RequestsResolver,
    ServiceRequestLinkResolver,
    JobRequestLinkResolver,
    ProvisionJob,
    StateMachineRunner,
    RequestsReconciler,
  ],
  exports: [RequestsService],
})
export class RequestsModule implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queues: QueueService,
    private readonly provision: ProvisionJob,
    private readonly machines: StateMachineRunner,
    private readonly reconciler: RequestsReconciler,
  ) {}

  /**
   * Every role reconciles stranded requests (so a lone api still fails the requests of a
   * worker that died); the worker role also processes the requests queue.
   */
  onApplicationBootstrap(): void {
    this.reconciler.start();
    if (!runsWorker(this.config)) return;
    this.queues.work(QueueName.REQUESTS, {
      [JobName.PROVISION]: (job: Job, token?: string) => this.provision.handle(job as Job<ProvisionJobData>, token),
      [JobName.ADVANCE_REQUEST]: (job: Job) => this.machines.advance((job.data as ProvisionJobData).requestId),
      [JobName.RUN_ITEM]: (job: Job, token?: string) => this.machines.runItem(job as Job<RunItemJobData>, token),
    });
  }
}
