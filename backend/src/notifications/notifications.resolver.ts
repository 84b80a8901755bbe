import { Args, ID, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { Allow } from '../access/allow.decorator.js';
import { CurrentUser, InTenants, type TenantScope } from '../auth/auth.decorators.js';
import type { UserModel } from '../users/models/user.model.js';
import { DeliveriesService } from './deliveries.service.js';
import type { NotificationChannel, NotificationDeliveryEntity, NotificationEventType } from './notification.entities.js';
import {
  InAppNotificationModel,
  NotificationDeliveryModel,
  NotificationSubscriptionInput,
  NotificationSubscriptionModel,
  WebhookEndpointInput,
  WebhookEndpointModel,
  WebhookEndpointUpdate,
  WebhookEndpointWithSecretModel,
} from './notification.models.js';
import { NotificationsService } from './notifications.service.js';
import { WebhookEndpointsService } from './webhook-endpoints.service.js';

@Resolver()
export class NotificationsResolver {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly endpoints: WebhookEndpointsService,
    private readonly deliveries: DeliveriesService,
  ) {}

  // ---- one's own -------------------------------------------------------------------------

  @Allow('self:read')
  @Query(() => [NotificationSubscriptionModel], { description: 'Your notification subscriptions.' })
  notificationSubscriptions(@CurrentUser() user: UserModel): Promise<NotificationSubscriptionModel[]> {
    return this.notifications.mine(user.id);
  }

  @Allow('self:write')
  @Mutation(() => NotificationSubscriptionModel, {
    description:
      'Subscribes you to kinds of event through a channel: without tenantId, those of your own requests and services; with one (operators and ' +
      'administrators of it: FORBIDDEN otherwise), every event of that tenant and those below it. A webhook names a tenant and one of its endpoints.',
  })
  subscribeToNotifications(
    @CurrentUser() user: UserModel,
    @InTenants('notifications:tenant') scope: TenantScope,
    @Args('input') input: NotificationSubscriptionInput,
  ): Promise<NotificationSubscriptionModel> {
    return this.notifications.subscribe(
      user.id,
      {
        eventTypes: input.eventTypes as NotificationEventType[],
        channel: input.channel as NotificationChannel,
        tenantId: input.tenantId,
        endpointId: input.endpointId,
      },
      scope,
    );
  }

  @Allow('self:write')
  @Mutation(() => NotificationSubscriptionModel, { description: 'Pauses (false) or resumes (true) one of your subscriptions.' })
  setNotificationSubscriptionEnabled(
    @CurrentUser() user: UserModel,
    @Args('id', { type: () => ID }) id: string,
    @Args('enabled') enabled: boolean,
  ): Promise<NotificationSubscriptionModel> {
    return this.notifications.setEnabled(user.id, id, enabled);
  }

  @Allow('self:write')
  @Mutation(() => Boolean, { description: 'Removes one of your subscriptions.' })
  async unsubscribeFromNotifications(@CurrentUser() user: UserModel, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    await this.notifications.unsubscribe(user.id, id);
    return true;
  }

  @Allow('self:read')
  @Query(() => [InAppNotificationModel], { description: 'Your in-app notifications, newest first.' })
  async myNotifications(
    @CurrentUser() user: UserModel,
    @Args('unreadOnly', { defaultValue: false }) unreadOnly: boolean,
    @Args('skip', { type: () => Int, defaultValue: 0 }) skip: number,
    @Args('take', { type: () => Int, defaultValue: 50 }) take: number,
  ): Promise<InAppNotificationModel[]> {
    return (await this.notifications.inbox(user.id, unreadOnly, skip, take)).map(({ delivery, notification }) => ({
      id: delivery.id,
      eventType: notification.eventType,
      title: notification.title,
      data: notification.payload,
      createdAt: delivery.createdAt,
      readAt: delivery.readAt,
    }));
  }

  @Allow('self:write')
  @Mutation(() => Int, { description: 'Marks these of your in-app notifications read (all of them when ids is left out); how many changed.' })
  markNotificationsRead(@CurrentUser() user: UserModel, @Args('ids', { type: () => [ID], nullable: true }) ids: string[] | null): Promise<number> {
    return this.notifications.markRead(user.id, ids);
  }

  @Allow('self:read')
  @Subscription(() => Int, { description: 'How many of your in-app notifications are unread: now, then at each change.', resolve: (n: number) => n })
  unreadNotificationCount(@CurrentUser() user: UserModel): AsyncGenerator<number> {
    return this.notifications.unreadCounts(user.id);
  }

  // ---- webhooks of a tenant --------------------------------------------------------------

  @Allow('notifications:tenant')
  @Query(() => [WebhookEndpointModel], { description: 'The webhook endpoints of your tenants.' })
  webhookEndpoints(@InTenants('notifications:tenant') scope: TenantScope): Promise<WebhookEndpointModel[]> {
    return this.endpoints.list(scope);
  }

  @Allow('notifications:tenant')
  @Mutation(() => WebhookEndpointWithSecretModel, {
    description: 'Adds a webhook endpoint; its signing secret is in this answer only. VALIDATION_FAILED on url for a URL webhooks may not call.',
  })
  createWebhookEndpoint(
    @InTenants('notifications:tenant') scope: TenantScope,
    @Args('input') input: WebhookEndpointInput,
  ): Promise<WebhookEndpointWithSecretModel> {
    return this.endpoints.create(input, scope);
  }

  @Allow('notifications:tenant')
  @Mutation(() => WebhookEndpointModel, { description: 'Changes an endpoint’s URL, or disables it (its deliveries then fail) and enables it again.' })
  updateWebhookEndpoint(
    @InTenants('notifications:tenant') scope: TenantScope,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: WebhookEndpointUpdate,
  ): Promise<WebhookEndpointModel> {
    return this.endpoints.update(id, input, scope);
  }

  @Allow('notifications:tenant')
  @Mutation(() => WebhookEndpointWithSecretModel, { description: 'Replaces the endpoint’s signing secret at once; the new one is in this answer only.' })
  rotateWebhookSecret(
    @InTenants('notifications:tenant') scope: TenantScope,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<WebhookEndpointWithSecretModel> {
    return this.endpoints.rotate(id, scope);
  }

  @Allow('notifications:tenant')
  @Mutation(() => Boolean, { description: 'Deletes the endpoint, the subscriptions that post to it and its delivery log.' })
  async deleteWebhookEndpoint(@InTenants('notifications:tenant') scope: TenantScope, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    await this.endpoints.delete(id, scope);
    return true;
  }

  @Allow('notifications:tenant')
  @Query(() => [NotificationDeliveryModel], { description: 'The deliveries to an endpoint, newest first: status, tries, the receiver’s last answer.' })
  async webhookDeliveries(
    @InTenants('notifications:tenant') scope: TenantScope,
    @Args('endpointId', { type: () => ID }) endpointId: string,
    @Args('skip', { type: () => Int, defaultValue: 0 }) skip: number,
    @Args('take', { type: () => Int, defaultValue: 50 }) take: number,
  ): Promise<NotificationDeliveryModel[]> {
    return this.models(await this.deliveries.forEndpoint(endpointId, scope, skip, take));
  }

  @Allow('notifications:tenant')
  @Mutation(() => NotificationDeliveryModel, { description: 'Sends a webhook delivery again now (one more try), delivered or failed.' })
  async resendWebhookDelivery(
    @InTenants('notifications:tenant') scope: TenantScope,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<NotificationDeliveryModel> {
    return (await this.models([await this.deliveries.resend(id, scope)]))[0];
  }

  private async models(rows: NotificationDeliveryEntity[]): Promise<NotificationDeliveryModel[]> {
    const notifications = await this.notifications.byIds(rows.map((r) => r.notificationId));
    return rows.map((r) => {
      const n = notifications.get(r.notificationId);
      return { ...r, eventType: n?.eventType ?? 'request.finished', title: n?.title ?? '' };
    });
  }
}
