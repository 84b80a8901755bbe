import { Inject, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { AlarmsModule } from '../alarms/alarms.module.js';
import { APP_CONFIG, type AppConfig, runsWorker } from '../config/config.js';
import { LifecycleModule } from '../lifecycle/lifecycle.module.js';
import { JobName, QueueName } from '../queue/queue.constants.js';
import { QueueService } from '../queue/queue.service.js';
import { ProvidersModule } from '../providers/providers.module.js';
import { ServicesModule } from '../services/services.module.js';
import { ScheduleKeeper } from '../system/schedule-keeper.js';
import { PerformanceResolver } from './performance.resolver.js';
import { PerformanceService } from './performance.service.js';

/** How often the collector looks for due performance jobs (a job's own interval is 5 s or more). */
const COLLECT_MS = 5_000;
/** How often old samples are removed. */
const PURGE_EVERY_MS = 60 * 60_000;

/**
 * NS performance management: performance jobs on services (HTTP probes, a provider's API, or a playbook's set_stats
 * by a measure request), their samples (a time series in
 * PostgreSQL) and thresholds that raise and clear alarms. Collection runs in the worker role
 * (the `monitor` queue): one schedule shared by every worker, each job claimed by one.
 */
@Module({
  imports: [AlarmsModule, LifecycleModule, ProvidersModule, ServicesModule],
  providers: [PerformanceService, PerformanceResolver],
  exports: [PerformanceService],
})
export class PerformanceModule implements OnApplicationBootstrap {
  private purgedAt = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queues: QueueService,
    private readonly schedules: ScheduleKeeper,
    private readonly performance: PerformanceService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!runsWorker(this.config)) return;
    this.queues.work(QueueName.MONITOR, {
      [JobName.COLLECT_PERFORMANCE]: async () => {
        const collected = await this.performance.collect();
        if (Date.now() - this.purgedAt > PURGE_EVERY_MS) {
          this.purgedAt = Date.now();
          await this.performance.purge();
        }
        return { collected };
      },
    });
    await this.schedules.keep(QueueName.MONITOR, 'collect-performance', COLLECT_MS, JobName.COLLECT_PERFORMANCE);
  }
}
