import { Inject, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { CatalogModule } from '../catalog/catalog.module.js';
import { APP_CONFIG, type AppConfig, runsWorker } from '../config/config.js';
import { LifecycleModule } from '../lifecycle/lifecycle.module.js';
import { JobName, QueueName } from '../queue/queue.constants.js';
import { QueueService } from '../queue/queue.service.js';
import { RequestsModule } from '../requests/requests.module.js';
import { ServicesModule } from '../services/services.module.js';
import { ScheduleKeeper } from '../system/schedule-keeper.js';
import { SchedulesResolver } from './schedules.resolver.js';
import { SchedulesService } from './schedules.service.js';

/**
 * Scheduled operations (AWX schedules): orders, heals and retirements started on a date or on a
 * cron schedule. In the worker role, due schedules are looked at every SCHEDULE_CHECK_SECONDS
 * (the `schedules` queue: one schedule shared by every worker, each due row claimed by one).
 */
@Module({
  imports: [AuthModule, CatalogModule, RequestsModule, LifecycleModule, ServicesModule],
  providers: [SchedulesService, SchedulesResolver],
  exports: [SchedulesService],
})
export class SchedulesModule implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queues: QueueService,
    private readonly keeper: ScheduleKeeper,
    private readonly schedules: SchedulesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!runsWorker(this.config)) return;
    this.queues.work(QueueName.SCHEDULES, { [JobName.SCHEDULED_OPERATIONS]: () => this.schedules.tick() }, 1);
    await this.keeper.keep(QueueName.SCHEDULES, 'scheduled-operations', this.config.scheduleCheckSeconds * 1000, JobName.SCHEDULED_OPERATIONS);
  }
}
