import { Inject, Module, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { AlarmsModule } from '../alarms/alarms.module.js';
import { AlarmsService } from '../alarms/alarms.service.js';
import { CatalogModule } from '../catalog/catalog.module.js';
import { APP_CONFIG, type AppConfig, runsWorker } from '../config/config.js';
import { CredentialsModule } from '../credentials/credentials.module.js';
import { type DeliveryJobData, JobName, QueueName } from '../queue/queue.constants.js';
import { QueueService } from '../queue/queue.service.js';
import { RequestsModule } from '../requests/requests.module.js';
import { RequestsService } from '../requests/requests.service.js';
import { ScheduleKeeper } from '../system/schedule-keeper.js';
import { TenantsModule } from '../tenants/tenants.module.js';
import { UsersModule } from '../users/users.module.js';
import { DeliveriesService } from './deliveries.service.js';
import { NotificationSources } from './notification-sources.js';
import { NotificationsResolver } from './notifications.resolver.js';
import { NotificationsService } from './notifications.service.js';
import { WebhookEndpointsService } from './webhook-endpoints.service.js';

/** How often the sweep runs: overdue deliveries queued again, recent request changes told again. */
const SWEEP_MS = 30_000;
/** How often the sweep also removes what is older than NOTIFICATION_RETENTION_DAYS. */
const RETENTION_EVERY_MS = 60 * 60_000;
/** How far back the sweep looks for request changes a crash may have kept from being told. */
const SWEEP_WINDOW_MS = 15 * 60_000;

/**
 * Notifications: subscriptions per user or tenant to kinds of event, delivered in-app, by e-mail
 * and by signed webhooks, each delivery recorded with its tries. Sending runs in the worker role
 * (the `notify` queue); the sweep is one schedule shared by every worker.
 */
@Module({
  imports: [AlarmsModule, CatalogModule, CredentialsModule, RequestsModule, TenantsModule, UsersModule],
  providers: [NotificationsService, WebhookEndpointsService, DeliveriesService, NotificationSources, NotificationsResolver],
  exports: [NotificationsService],
})
export class NotificationsModule implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queues: QueueService,
    private readonly schedules: ScheduleKeeper,
    private readonly deliveries: DeliveriesService,
    private readonly requests: RequestsService,
    private readonly alarms: AlarmsService,
    private readonly notifications: NotificationsService,
  ) {}

  /** When this process last removed old notifications and alarms (at most hourly: the sweep runs every 30 s). */
  private retainedAt = 0;

  async onApplicationBootstrap(): Promise<void> {
    if (!runsWorker(this.config)) return;
    this.queues.work(QueueName.NOTIFY, {
      [JobName.DELIVER_NOTIFICATION]: (job: Job<DeliveryJobData>) => this.deliveries.deliver(job.data.deliveryId),
      [JobName.NOTIFICATION_SWEEP]: () => this.sweep(),
    });
    await this.schedules.keep(QueueName.NOTIFY, 'notification-sweep', SWEEP_MS, JobName.NOTIFICATION_SWEEP);
  }

  private async sweep(): Promise<{ requeued: number; announced: number; alarms: number }> {
    const since = new Date(Date.now() - SWEEP_WINDOW_MS);
    const requeued = await this.deliveries.sweep();
    const announced = await this.requests.announceChangedSince(since);
    const alarms = await this.alarms.retellSince(since);
    await this.alarms.checkThresholds();
    if (Date.now() - this.retainedAt > RETENTION_EVERY_MS) {
      this.retainedAt = Date.now();
      const before = new Date(Date.now() - this.config.notificationRetentionDays * 86_400_000);
      await this.notifications.purgeBefore(before);
      await this.alarms.purgeClearedBefore(before);
    }
    return { requeued, announced, alarms };
  }
}
