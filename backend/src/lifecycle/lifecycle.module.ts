import { Inject, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, runsWorker } from '../config/config.js';
import { JobName, QueueName } from '../queue/queue.constants.js';
import { QueueService } from '../queue/queue.service.js';
import { ScheduleKeeper } from '../system/schedule-keeper.js';
import { UsersModule } from '../users/users.module.js';
import { RetirementDatesService } from './retirement-dates.service.js';
import { CatalogModule } from '../catalog/catalog.module.js';
import { DialogsModule } from '../dialogs/dialogs.module.js';
import { GitReposModule } from '../git-repos/git-repos.module.js';
import { RequestsModule } from '../requests/requests.module.js';
import { ServicesModule } from '../services/services.module.js';
import { StateMachineDefinitionsModule } from '../state-machines/state-machine-definitions.module.js';
import { LifecycleResolver } from './lifecycle.resolver.js';
import { LifecycleService } from './lifecycle.service.js';
import { MeasuresService } from './measures.service.js';

/**
 * Retirement, reconfiguration, heal, migration and rollback of what orders deployed, and measures
 * of services (a playbook's set_stats for a performance job): requests of their own, run by
 * the state-machine engine; and retirement dates (warnings, then the retirement on the date).
 */
@Module({
  imports: [RequestsModule, CatalogModule, DialogsModule, GitReposModule, ServicesModule, StateMachineDefinitionsModule, UsersModule],
  providers: [LifecycleService, MeasuresService, LifecycleResolver, RetirementDatesService],
  exports: [LifecycleService, MeasuresService],
})
export class LifecycleModule implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queues: QueueService,
    private readonly schedules: ScheduleKeeper,
    private readonly dates: RetirementDatesService,
  ) {}

  /** In the worker role: retirement dates looked at every RETIREMENT_CHECK_SECONDS, one schedule shared by every worker. */
  async onApplicationBootstrap(): Promise<void> {
    if (!runsWorker(this.config)) return;
    this.queues.work(QueueName.LIFECYCLE, { [JobName.RETIREMENT_DATES]: () => this.dates.tick() }, 1);
    await this.schedules.keep(QueueName.LIFECYCLE, 'retirement-dates', this.config.retirementCheckSeconds * 1000, JobName.RETIREMENT_DATES);
  }
}
