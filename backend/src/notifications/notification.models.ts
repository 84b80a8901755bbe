import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-type-json';
import { NOTIFICATION_CHANNELS, NOTIFICATION_EVENTS } from './notification.entities.js';

/** GraphQL enum values cannot hold dots: request.failed is REQUEST_FAILED. */
export const enumName = (type: string) => type.replace('.', '_').toUpperCase();
export const NotificationEvent = Object.fromEntries(NOTIFICATION_EVENTS.map((t) => [enumName(t), t])) as Record<string, string>;
export const NotificationChannelValue = Object.fromEntries(NOTIFICATION_CHANNELS.map((c) => [c, c])) as Record<string, string>;
registerEnumType(NotificationEvent, {
  name: 'NotificationEvent',
  description:
    'What one may subscribe to: REQUEST_FINISHED, REQUEST_FAILED, REQUEST_AWAITING_APPROVAL, REQUEST_DENIED, SERVICE_RETIRING_SOON, ALARM_RAISED, ALARM_CLEARED, CATALOG_ITEM_CHANGED, REPOSITORY_REFRESHED, VNF_PACKAGE_CHANGED.',
});
registerEnumType(NotificationChannelValue, {
  name: 'NotificationChannel',
  description: 'in_app (the bell), email (to your address), webhook (a signed POST to an endpoint).',
});

@ObjectType('NotificationSubscription', {
  description: 'A subscription of yours: which events, through which channel; of your own requests and services, or of a whole tenant.',
})
export class NotificationSubscriptionModel {
  @Field(() => ID) id: string;
  @Field(() => [NotificationEvent]) eventTypes: string[];
  @Field(() => NotificationChannelValue) channel: string;
  @Field(() => ID, { nullable: true, description: 'Null: events of your own requests and services. A tenant: every event of it and the tenants below it.' })
  tenantId: string | null;
  @Field(() => ID, { nullable: true, description: 'For a webhook: the endpoint it posts to.' }) endpointId: string | null;
  @Field() enabled: boolean;
  @Field() createdAt: Date;
}

@InputType('NotificationSubscriptionInput')
export class NotificationSubscriptionInput {
  @Field(() => [NotificationEvent]) eventTypes: string[];
  @Field(() => NotificationChannelValue) channel: string;
  @Field(() => ID, {
    nullable: true,
    description: 'A tenant where you have notifications:tenant (operators, administrators): every event of it. None: your own.',
  })
  tenantId?: string | null;
  @Field(() => ID, { nullable: true, description: 'For a webhook: one of the tenant’s endpoints.' }) endpointId?: string | null;
}

@ObjectType('Notification', { description: 'An in-app notification of yours.' })
export class InAppNotificationModel {
  @Field(() => ID, { description: 'The delivery’s id (markNotificationsRead takes it).' }) id: string;
  @Field(() => NotificationEvent) eventType: string;
  @Field() title: string;
  @Field(() => GraphQLJSON, { description: 'What it is about: request, item, service, alarm or repository, with their ids.' }) data: unknown;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) readAt: Date | null;
}

@ObjectType('WebhookEndpoint', { description: 'Where signed webhooks go. Its secret is shown once, when made or rotated.' })
export class WebhookEndpointModel {
  @Field(() => ID) id: string;
  @Field(() => ID) tenantId: string;
  @Field() name: string;
  @Field() url: string;
  @Field() enabled: boolean;
  @Field() createdAt: Date;
  @Field() secretRotatedAt: Date;
}

@ObjectType('WebhookEndpointWithSecret', { description: 'An endpoint with its signing secret (whsec_…), shown in this answer only: keep it in the receiver.' })
export class WebhookEndpointWithSecretModel {
  @Field(() => WebhookEndpointModel) endpoint: WebhookEndpointModel;
  @Field() secret: string;
}

@InputType('WebhookEndpointInput')
export class WebhookEndpointInput {
  @Field({ description: '1 to 100 characters, unique in its tenant.' }) name: string;
  @Field({ description: 'http(s); refused when it resolves to a loopback or link-local address (WEBHOOK_ALLOW_LOOPBACK allows loopback).' }) url: string;
  @Field(() => ID, { nullable: true, description: 'Default: your own tenant.' }) tenantId?: string | null;
}

@InputType('WebhookEndpointUpdate')
export class WebhookEndpointUpdate {
  @Field(() => String, { nullable: true }) url?: string | null;
  @Field(() => Boolean, { nullable: true }) enabled?: boolean | null;
}

@ObjectType('NotificationDelivery', { description: 'One notification sent to one endpoint (or address): its tries and outcome.' })
export class NotificationDeliveryModel {
  @Field(() => ID) id: string;
  @Field(() => NotificationEvent) eventType: string;
  @Field() title: string;
  @Field(() => NotificationChannelValue) channel: string;
  @Field({ description: 'pending (a try is due or under way), delivered, or failed (given up; re-send it).' }) status: string;
  @Field(() => Int) attempts: number;
  @Field(() => Int, { nullable: true, description: 'The receiver’s HTTP status at the last try.' }) responseCode: number | null;
  @Field(() => String, { nullable: true }) lastError: string | null;
  @Field(() => Date, { nullable: true }) nextAttemptAt: Date | null;
  @Field(() => Date, { nullable: true }) deliveredAt: Date | null;
  @Field() createdAt: Date;
}
