import { Inject, Module, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { APP_CONFIG, type AppConfig, runsWorker } from '../config/config.js';
import { GitReposModule } from '../git-repos/git-repos.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { LifecycleModule } from '../lifecycle/lifecycle.module.js';
import { ProvidersModule } from '../providers/providers.module.js';
import { JobName, type ProvisionJobData, QueueName, type RunItemJobData } from '../queue/queue.constants.js';
import { QueueService } from '../queue/queue.service.js';
import { RequestsModule } from '../requests/requests.module.js';
import { ServicesModule } from '../services/services.module.js';
import { ItemRunner } from './engine/item-runner.js';
import { RequestsReconciler } from './engine/requests.reconciler.js';
import { StateMachineEngine } from './engine/state-machine.engine.js';
import { STATE_METHOD_CLASSES } from './methods/registry.js';
import { StateMachineDefinitionsModule } from './state-machine-definitions.module.js';

/**
 * The engine that runs every request as its state machine, the registry of state methods,
 * and the reconciler of requests a crash stranded. Every role reconciles (so a lone api
 * still fails the requests of a worker that died); the worker role also processes the
 * `requests` queue.
 */
@Module({
  imports: [StateMachineDefinitionsModule, RequestsModule, LifecycleModule, JobsModule, ProvidersModule, GitReposModule, ServicesModule],
  providers: [StateMachineEngine, ItemRunner, RequestsReconciler, ...Object.values(STATE_METHOD_CLASSES)],
})
export class StateMachinesModule implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queues: QueueService,
    private readonly engine: StateMachineEngine,
    private readonly reconciler: RequestsReconciler,
  ) {}

  onApplicationBootstrap(): void {
    this.reconciler.start();
    if (!runsWorker(this.config)) return;
    const advance = (job: Job) => this.engine.handleAdvance((job.data as ProvisionJobData).requestId);
    this.queues.work(QueueName.REQUESTS, {
      [JobName.ADVANCE_REQUEST]: advance,
      // Queued before every request ran under a state machine: its first step, like any other.
      [JobName.PROVISION]: advance,
      [JobName.RUN_ITEM]: (job: Job, token?: string) => this.engine.handleRunItem(job as Job<RunItemJobData>, token),
    });
  }
}
