import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PERMISSIONS, subtree } from '../access/permissions.js';
import type { TenantScope } from '../auth/auth.decorators.js';
import { AppError, ErrorCode, isUuid, notFound, validationFailed } from '../common/app-error.js';
import { EntityRows } from '../common/entity-rows.js';
import { CATCH_UP, channels, LiveQueue, PubSubService } from '../pubsub/pubsub.service.js';
import { JobName, QueueName } from '../queue/queue.constants.js';
import { QueueService } from '../queue/queue.service.js';
import { TenantsService } from '../tenants/tenants.service.js';
import type { UserModel } from '../users/models/user.model.js';
import { UsersService } from '../users/users.service.js';
import {
  NOTIFICATION_EVENTS,
  type NotificationChannel,
  NotificationDeliveryEntity,
  NotificationEntity,
  type NotificationEventType,
  NotificationSubscriptionEntity,
} from './notification.entities.js';
import { WebhookEndpointsService } from './webhook-endpoints.service.js';

/** Something to tell subscribers, once: publishing the same `sourceKey` again does nothing. */
export interface NewNotification {
  type: NotificationEventType;
  sourceKey: string;
  tenantId: string | null;
  subjectUserId: string | null;
  title: string;
  data: Record<string, unknown>;
}

export interface NewSubscription {
  eventTypes: NotificationEventType[];
  channel: NotificationChannel;
  tenantId?: string | null;
  endpointId?: string | null;
}

/** The events of one's own requests and services (those with a subject user): what a subscription without a tenant may follow. */
export const OWN_EVENTS: readonly NotificationEventType[] = [
  'request.finished',
  'request.failed',
  'request.awaiting_approval',
  'request.denied',
  'service.retiring_soon',
];

/** How long an unread-count subscription waits for a change before it looks again anyway. */
const COUNT_IDLE_MS = 60_000;

/**
 * Notifications: each event once (`notifications`), matched to the enabled subscriptions that
 * want it, one delivery per subscription. In-app deliveries are delivered as they are stored;
 * e-mails and webhooks are queued by id (the `notify` queue) and sent by DeliveriesService.
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);
  private readonly subscriptions: EntityRows<NotificationSubscriptionEntity>;
  private readonly notifications: EntityRows<NotificationEntity>;
  private readonly deliveries: EntityRows<NotificationDeliveryEntity>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tenants: TenantsService,
    private readonly queues: QueueService,
    private readonly pubsub: PubSubService,
    private readonly endpoints: WebhookEndpointsService,
    private readonly users: UsersService,
  ) {
    this.subscriptions = new EntityRows(db, NotificationSubscriptionEntity);
    this.notifications = new EntityRows(db, NotificationEntity);
    this.deliveries = new EntityRows(db, NotificationDeliveryEntity);
  }

  // ---- publishing ------------------------------------------------------------------------

  /** Stores the notification (unless its source key is known), its deliveries, and queues those to send. */
  async publish(n: NewNotification): Promise<number> {
    const subs = await this.subscriptions.find('enabled AND $1 = ANY(event_types)', [n.type]);
    const parents = subs.some((s) => s.tenantId) ? await this.tenants.parents() : new Map<string, string | null>();
    const matching = subs.filter((s) =>
      s.tenantId ? n.tenantId !== null && subtree(parents, s.tenantId).includes(n.tenantId) : n.subjectUserId !== null && s.userId === n.subjectUserId,
    );
    // A tenant's events go only to those who may still follow them there (rights change after subscribing).
    const followers = new Map<string, UserModel | null>();
    for (const id of new Set(matching.filter((s) => s.tenantId).map((s) => s.userId))) followers.set(id, await this.users.findById(id));
    const wanted = matching.filter((s) => !s.tenantId || mayFollow(followers.get(s.userId) ?? null, s.tenantId, parents));
    // Nobody to tell: nothing is stored (the table holds what was told).
    if (!wanted.length) return 0;
    const created = await this.db.transaction(async (tx) => {
      const [row] = (await tx.query(
        `INSERT INTO notifications (event_type, source_key, tenant_id, subject_user_id, title, payload) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (source_key) DO NOTHING RETURNING id`,
        [n.type, n.sourceKey, n.tenantId, n.subjectUserId, n.title.slice(0, 500), JSON.stringify(n.data)],
      )) as { id: string }[];
      if (!row || !wanted.length) return [];
      return (await tx.query(
        `INSERT INTO notification_deliveries (notification_id, subscription_id, channel, user_id, endpoint_id, status, delivered_at, next_attempt_at)
         SELECT $1, x.subscription_id, x.channel, x.user_id, x.endpoint_id,
                CASE WHEN x.channel = 'in_app' THEN 'delivered' ELSE 'pending' END,
                CASE WHEN x.channel = 'in_app' THEN now() END,
                CASE WHEN x.channel = 'in_app' THEN NULL ELSE now() END
         FROM jsonb_to_recordset($2::jsonb) AS x(subscription_id uuid, channel text, user_id uuid, endpoint_id uuid)
         RETURNING id, channel, user_id`,
        [row.id, JSON.stringify(wanted.map((s) => ({ subscription_id: s.id, channel: s.channel, user_id: s.userId, endpoint_id: s.endpointId })))],
      )) as { id: string; channel: NotificationChannel; user_id: string }[];
    });
    for (const d of created) {
      if (d.channel === 'in_app') await this.pubsub.publish(channels.inbox(d.user_id), {}).catch(() => undefined);
      else await this.enqueue(d.id, 0).catch((err: Error) => this.logger.warn(`delivery ${d.id} not queued (the sweep will): ${err.message}`));
    }
    return created.length;
  }

  /**
   * Queues a delivery's next try (`attempt`: tries made), after `delayMs`. One job per try: queuing
   * the same try again does nothing — except `again` (a re-send, or the sweep's), which must not wait
   * behind that try's job (a delayed one, or a failed one BullMQ keeps: a database error at the
   * claim); the claim keeps two jobs from both sending.
   */
  async enqueue(deliveryId: string, attempt: number, delayMs = 0, again: 'resend' | 'sweep' | null = null): Promise<void> {
    const jobId = `delivery-${deliveryId}-${attempt}${again ? `-${again}-${Date.now()}` : ''}`;
    await this.queues.add(QueueName.NOTIFY, JobName.DELIVER_NOTIFICATION, { deliveryId }, jobId, { delay: delayMs });
  }

  /** Removes the notifications made before `before`, their deliveries with them; how many. */
  async purgeBefore(before: Date): Promise<number> {
    const rows = (await this.db.query(`WITH d AS (DELETE FROM notifications WHERE created_at < $1 RETURNING id) SELECT count(*)::int AS n FROM d`, [
      before,
    ])) as { n: number }[];
    return rows[0].n;
  }

  // ---- subscriptions ---------------------------------------------------------------------

  /** The caller's subscriptions. */
  mine(userId: string): Promise<NotificationSubscriptionEntity[]> {
    return this.subscriptions.find('user_id = $1', [userId], 'created_at');
  }

  /**
   * Subscribes the caller. Without a tenant: events of their own requests and services. With one:
   * every event of that tenant and those below it, which needs notifications:tenant there
   * (`tenantScope`); a webhook subscription needs a tenant and an endpoint of it.
   */
  async subscribe(userId: string, input: NewSubscription, tenantScope: TenantScope): Promise<NotificationSubscriptionEntity> {
    const types = [...new Set(input.eventTypes)];
    if (!types.length) throw validationFailed('Choose at least one kind of event.', { eventTypes: 'choose at least one' });
    const unknown = types.find((t) => !NOTIFICATION_EVENTS.includes(t));
    if (unknown) throw validationFailed(`"${unknown}" is not a kind of event: ${NOTIFICATION_EVENTS.join(', ')}.`, { eventTypes: `"${unknown}" is unknown` });
    const tenantId = input.tenantId ?? null;
    const notOwn = tenantId ? [] : types.filter((t) => !OWN_EVENTS.includes(t));
    if (notOwn.length) {
      throw validationFailed(
        `${notOwn.join(', ')} ${notOwn.length === 1 ? 'is not an event' : 'are not events'} of one's own requests and services: subscribe to a tenant's events for ${notOwn.length === 1 ? 'it' : 'them'}.`,
        { eventTypes: `${notOwn.join(', ')} only for a tenant` },
      );
    }
    if (tenantId && !tenantScope.tenants.includes(tenantId)) {
      // Whoever may follow no tenant is refused as such; the others are told the tenant is not one of theirs (whether it exists or not).
      if (!tenantScope.tenants.length) {
        throw new AppError(
          ErrorCode.FORBIDDEN,
          'Only operators and administrators of a tenant subscribe to all of its events: subscribe to your own instead.',
          {
            fields: { tenantId: 'is not a tenant where you may follow every event' },
          },
        );
      }
      throw validationFailed('That is not one of the tenants whose events you may follow: choose one of yours, or subscribe to your own events.', {
        tenantId: 'is not a tenant where you may follow every event',
      });
    }
    let endpointId: string | null = null;
    if (input.channel === 'webhook') {
      if (!tenantId || !input.endpointId) {
        throw validationFailed('A webhook subscription names a tenant and one of its webhook endpoints.', {
          ...(tenantId ? {} : { tenantId: 'is required for a webhook' }),
          ...(input.endpointId ? {} : { endpointId: 'is required for a webhook' }),
        });
      }
      const endpoint = await this.endpoints.get(input.endpointId, tenantScope).catch(() => null);
      if (!endpoint || !subtree(await this.tenants.parents(), endpoint.tenantId).includes(tenantId)) {
        throw validationFailed('The endpoint is not one of the tenant’s (or of a tenant above it).', { endpointId: 'is not an endpoint of this tenant' });
      }
      endpointId = endpoint.id;
    } else if (input.endpointId) {
      throw validationFailed('Only a webhook subscription names an endpoint.', { endpointId: 'is for webhooks only' });
    }
    const [row] = (await this.db.query(
      `INSERT INTO notification_subscriptions (user_id, tenant_id, event_types, channel, endpoint_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [userId, tenantId, types, input.channel, endpointId],
    )) as { id: string }[];
    return (await this.subscriptions.findOne('id = $1', [row.id]))!;
  }

  async setEnabled(userId: string, id: string, enabled: boolean): Promise<NotificationSubscriptionEntity> {
    const rows = isUuid(id)
      ? ((await this.db.query(`WITH u AS (UPDATE notification_subscriptions SET enabled = $3 WHERE id = $1 AND user_id = $2 RETURNING id) SELECT id FROM u`, [
          id,
          userId,
          enabled,
        ])) as unknown[])
      : [];
    if (!rows.length) throw notFound('Notification subscription', id);
    return (await this.subscriptions.findOne('id = $1', [id]))!;
  }

  async unsubscribe(userId: string, id: string): Promise<void> {
    const rows = isUuid(id)
      ? ((await this.db.query(`WITH u AS (DELETE FROM notification_subscriptions WHERE id = $1 AND user_id = $2 RETURNING id) SELECT id FROM u`, [
          id,
          userId,
        ])) as unknown[])
      : [];
    if (!rows.length) throw notFound('Notification subscription', id);
  }

  // ---- the in-app inbox ------------------------------------------------------------------

  /** The caller's in-app notifications, newest first. */
  async inbox(
    userId: string,
    unreadOnly: boolean,
    skip: number,
    take: number,
  ): Promise<{ delivery: NotificationDeliveryEntity; notification: NotificationEntity }[]> {
    const deliveries = await this.deliveries.find(
      `user_id = $1 AND channel = 'in_app'${unreadOnly ? ' AND read_at IS NULL' : ''}`,
      [userId, Math.max(skip, 0), Math.min(Math.max(take, 1), 200)],
      'created_at DESC, id DESC OFFSET $2 LIMIT $3',
    );
    const notifications = await this.byIds(deliveries.map((d) => d.notificationId));
    return deliveries.map((delivery) => ({ delivery, notification: notifications.get(delivery.notificationId)! }));
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = (await this.db.query(`SELECT count(*)::int AS n FROM notification_deliveries WHERE user_id = $1 AND channel = 'in_app' AND read_at IS NULL`, [
      userId,
    ])) as { n: number }[];
    return row.n;
  }

  /** Marks these (all, when none given) of the caller's in-app notifications read; how many changed. */
  async markRead(userId: string, ids: string[] | null): Promise<number> {
    const rows = (await this.db.query(
      `WITH u AS (UPDATE notification_deliveries SET read_at = now() WHERE user_id = $1 AND channel = 'in_app' AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[])) RETURNING id) SELECT id FROM u`,
      [userId, ids ? ids.filter(isUuid) : null],
    )) as unknown[];
    if (rows.length) await this.pubsub.publish(channels.inbox(userId), {}).catch(() => undefined);
    return rows.length;
  }

  /** How many of the caller's in-app notifications are unread: now, then at each change. */
  async *unreadCounts(userId: string): AsyncGenerator<number> {
    const live = new LiveQueue<unknown>(1000);
    const unsubscribe = await this.pubsub.subscribe(channels.inbox(userId), (m) => live.push(m));
    try {
      let last = -1;
      for (;;) {
        const total = await this.unreadCount(userId);
        if (total !== last) {
          last = total;
          yield total;
        }
        let message = await live.next(COUNT_IDLE_MS);
        while (message !== undefined && message !== CATCH_UP) message = await live.next(0);
        if (message === undefined) return;
      }
    } finally {
      unsubscribe();
      live.close();
    }
  }

  async byIds(ids: string[]): Promise<Map<string, NotificationEntity>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    return new Map((await this.notifications.find('id = ANY($1::uuid[])', [unique])).map((n) => [n.id, n]));
  }
}

/** Whether `user` (enabled) has notifications:tenant in `tenantId`: a role that carries it, granted there or above. */
function mayFollow(user: UserModel | null, tenantId: string, parents: ReadonlyMap<string, string | null>): boolean {
  const roles: readonly string[] = PERMISSIONS['notifications:tenant'].roles;
  return !!user && !user.disabled && user.grants.some((g) => g.roles.some((r) => roles.includes(r)) && subtree(parents, g.tenantId).includes(tenantId));
}
