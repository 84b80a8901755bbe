import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What may be subscribed to. */
export const NOTIFICATION_EVENTS = [
  'request.finished',
  'request.failed',
  'request.awaiting_approval',
  'request.denied',
  'service.retiring_soon',
  'alarm.raised',
  'alarm.cleared',
  'catalog_item.changed',
  'repository.refreshed',
  'vnf_package.changed',
] as const;
export type NotificationEventType = (typeof NOTIFICATION_EVENTS)[number];

export const NOTIFICATION_CHANNELS = ['in_app', 'email', 'webhook'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/**
 * A user's subscription to kinds of event through one channel. Without a tenant: events about the
 * user's own requests and services. With a tenant (notifications:tenant there): every event of that
 * tenant and the tenants below it; a webhook subscription always names a tenant and an endpoint.
 */
@Entity('notification_subscriptions')
export class NotificationSubscriptionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true }) tenantId: string | null;
  @Column({ name: 'event_types', type: 'text', array: true }) eventTypes: NotificationEventType[];
  @Column({ type: 'text' }) channel: NotificationChannel;
  @Column({ name: 'endpoint_id', type: 'uuid', nullable: true }) endpointId: string | null;
  @Column({ type: 'boolean', default: true }) enabled: boolean;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** Where signed webhooks go: a URL of a tenant, with a signing secret (sealed with the portal's key). */
@Entity('webhook_endpoints')
export class WebhookEndpointEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) url: string;
  /** Sealed (SecretBox): never leaves the server except once, in the answer that made or rotated it. */
  @Column({ type: 'text', select: false }) secret: string;
  @Column({ type: 'boolean', default: true }) enabled: boolean;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'secret_rotated_at', type: 'timestamptz' }) secretRotatedAt: Date;
}

/** Something that happened, once (`sourceKey`): what deliveries carry. */
@Entity('notifications')
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'event_type', type: 'text' }) eventType: NotificationEventType;
  @Column({ name: 'source_key', type: 'text' }) sourceKey: string;
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true }) tenantId: string | null;
  /** Whose it is: the requester of a request, the owner of a service (own subscriptions hear of it). */
  @Column({ name: 'subject_user_id', type: 'uuid', nullable: true }) subjectUserId: string | null;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'jsonb' }) payload: Record<string, unknown>;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** One notification to one subscription: in-app (delivered at once), an e-mail or a webhook call, with its tries. */
@Entity('notification_deliveries')
export class NotificationDeliveryEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'notification_id', type: 'uuid' }) notificationId: string;
  @Column({ name: 'subscription_id', type: 'uuid', nullable: true }) subscriptionId: string | null;
  @Column({ type: 'text' }) channel: NotificationChannel;
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId: string | null;
  @Column({ name: 'endpoint_id', type: 'uuid', nullable: true }) endpointId: string | null;
  @Column({ type: 'text' }) status: DeliveryStatus;
  @Column({ type: 'int', default: 0 }) attempts: number;
  @Column({ name: 'response_code', type: 'int', nullable: true }) responseCode: number | null;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true }) nextAttemptAt: Date | null;
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true }) deliveredAt: Date | null;
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true }) readAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
