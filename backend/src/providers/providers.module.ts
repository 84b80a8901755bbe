import { TenantsModule } from '../tenants/tenants.module.js';
import { Inject, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig, runsWorker } from '../config/config.js';
import { CredentialsModule } from '../credentials/credentials.module.js';
import { JobName, QueueName } from '../queue/queue.constants.js';
import { QueueService } from '../queue/queue.service.js';
import { ScheduleKeeper } from '../system/schedule-keeper.js';
import { ProviderHealthEntity } from './provider-health.entity.js';
import { ProviderEntity } from './provider.entity.js';
import { ProvidersResolver } from './providers.resolver.js';
import { ProvidersService } from './providers.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ProviderEntity, ProviderHealthEntity]), CredentialsModule, TenantsModule],
  providers: [ProvidersService, ProvidersResolver],
  exports: [ProvidersService],
})
export class ProvidersModule implements OnApplicationBootstrap {
  private readonly logger = new Logger(ProvidersModule.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly providers: ProvidersService,
    private readonly queues: QueueService,
    private readonly schedules: ScheduleKeeper,
  ) {}

  /** In the worker role: every provider checked every PROVIDER_HEALTH_INTERVAL_SECONDS, one schedule shared by all workers. */
  async onApplicationBootstrap(): Promise<void> {
    if (!runsWorker(this.config)) return;
    this.queues.work(QueueName.PROVIDERS, { [JobName.CHECK_PROVIDERS]: async () => ({ checked: await this.providers.checkAll() }) }, 1);
    // Kept: put back every reconcile tick if Redis loses it.
    await this.schedules.keep(QueueName.PROVIDERS, 'check-providers', this.config.providerHealthIntervalSeconds * 1000, JobName.CHECK_PROVIDERS);
    this.logger.log(`provider health checked every ${this.config.providerHealthIntervalSeconds} s`);
  }
}
