import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import type { AlarmEntity } from '../alarms/alarm.entity.js';
import { AlarmClearedEvent, AlarmRaisedEvent } from '../alarms/alarm.events.js';
import { CatalogItemChangedEvent } from '../catalog/catalog.events.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { GitRepoRefreshedEvent } from '../git-repos/git-repo.events.js';
import { ServiceRetiringSoonEvent } from '../lifecycle/lifecycle.events.js';
import { RequestStatusChangedEvent } from '../requests/request.events.js';
import { VnfPackageChangedEvent } from '../vnf-packages/vnf-package.events.js';
import type { NotificationEventType } from './notification.entities.js';
import { type NewNotification, NotificationsService } from './notifications.service.js';

const REQUEST_EVENTS: Partial<Record<RequestStatusChangedEvent['status'], NotificationEventType>> = {
  finished: 'request.finished',
  failed: 'request.failed',
  pending_approval: 'request.awaiting_approval',
  denied: 'request.denied',
};
const DONE: Record<string, string> = {
  finished: 'finished',
  failed: 'failed',
  pending_approval: 'waits for approval',
  denied: 'was denied',
};

/**
 * What the portal tells subscribers of: listens to the typed events of the other modules and
 * publishes a notification for each. A listener never throws (the change it hears of is done);
 * the request events are also swept again (NotificationsModule), so one lost in a crash is told.
 */
@Injectable()
export class NotificationSources {
  private readonly logger = new Logger(NotificationSources.name);

  constructor(
    private readonly notifications: NotificationsService,
    private readonly catalog: CatalogService,
  ) {}

  @OnEvent(RequestStatusChangedEvent.NAME)
  async onRequest(e: RequestStatusChangedEvent): Promise<void> {
    const type = REQUEST_EVENTS[e.status];
    // A measure (a performance job's sample, each interval) is told by its samples and thresholds, not a notification each time.
    if (!type || e.action === 'measure') return;
    const item = await this.catalog.findById(e.templateId).catch(() => null);
    const what = e.action === 'provision' ? `Order of "${item?.name ?? 'an item'}"` : `The ${e.action} of a service of "${item?.name ?? 'an item'}"`;
    await this.publish({
      type,
      // One notification per status reached at that moment (a request failed, resumed and failed again is told twice).
      sourceKey: `request:${e.requestId}:${e.status}:${e.changedAt.getTime()}`,
      tenantId: e.tenantId,
      subjectUserId: e.requesterId,
      title: `${what} ${DONE[e.status]}${e.status === 'failed' && e.message ? `: ${e.message}` : ''}`,
      data: {
        request: { id: e.requestId, status: e.status, action: e.action, message: e.message, serviceId: e.serviceId },
        item: { id: e.templateId, name: item?.name ?? null },
      },
    });
  }

  @OnEvent(AlarmRaisedEvent.NAME)
  async onAlarmRaised(e: AlarmRaisedEvent): Promise<void> {
    await this.publish(this.alarm('alarm.raised', e.alarm, `Alarm (${e.alarm.severity}): ${e.alarm.message}`));
  }

  @OnEvent(AlarmClearedEvent.NAME)
  async onAlarmCleared(e: AlarmClearedEvent): Promise<void> {
    await this.publish(this.alarm('alarm.cleared', e.alarm, `Alarm cleared: ${e.alarm.message} (${e.alarm.clearReason ?? 'cleared'})`));
  }

  @OnEvent(ServiceRetiringSoonEvent.NAME)
  async onRetiringSoon(e: ServiceRetiringSoonEvent): Promise<void> {
    await this.publish({
      type: 'service.retiring_soon',
      sourceKey: `service-retiring:${e.serviceId}:${e.retiresAt.getTime()}`,
      tenantId: e.tenantId,
      subjectUserId: e.ownerId,
      title: `Service "${e.name}" retires on ${e.retiresAt.toISOString().slice(0, 10)}`,
      data: { service: { id: e.serviceId, name: e.name, retiresAt: e.retiresAt.toISOString() } },
    });
  }

  @OnEvent(CatalogItemChangedEvent.NAME)
  async onCatalogItem(e: CatalogItemChangedEvent): Promise<void> {
    await this.publish({
      type: 'catalog_item.changed',
      sourceKey: `catalog-item:${e.templateId}:${e.change}:${Date.now()}`,
      tenantId: e.tenantId,
      subjectUserId: null,
      title: `Catalog item "${e.name}" was ${e.change}`,
      data: { item: { id: e.templateId, name: e.name, change: e.change } },
    });
  }

  @OnEvent(GitRepoRefreshedEvent.NAME)
  async onRepository(e: GitRepoRefreshedEvent): Promise<void> {
    await this.publish({
      type: 'repository.refreshed',
      sourceKey: `repository:${e.repoName}:${Date.now()}`,
      tenantId: e.tenantId,
      subjectUserId: null,
      title: `Repository "${e.repoName}" was refreshed to a new commit`,
      data: { repository: { name: e.repoName } },
    });
  }

  @OnEvent(VnfPackageChangedEvent.NAME)
  async onVnfPackage(e: VnfPackageChangedEvent): Promise<void> {
    const words: Record<VnfPackageChangedEvent['change'], string> = {
      onboarded: 'on-boarded',
      enabled: 'enabled',
      disabled: 'disabled',
      deleted: 'deleted',
      deletion_pending: 'deleted while in use: its deletion is pending',
      deletion_aborted: 'kept: its deletion was aborted',
    };
    await this.publish({
      type: 'vnf_package.changed',
      sourceKey: `vnf-package:${e.packageId}:${e.change}:${Date.now()}`,
      tenantId: e.tenantId,
      subjectUserId: null,
      title: `VNF package "${e.name}" was ${words[e.change]}`,
      data: { vnfPackage: { id: e.packageId, name: e.name, change: e.change } },
    });
  }

  private alarm(type: NotificationEventType, a: AlarmEntity, title: string): NewNotification {
    return {
      type,
      sourceKey: `${type}:${a.id}`,
      tenantId: a.tenantId,
      subjectUserId: null,
      title,
      data: {
        alarm: { id: a.id, kind: a.kind, severity: a.severity, objectType: a.objectType, objectId: a.objectId, message: a.message, clearReason: a.clearReason },
      },
    };
  }

  private async publish(n: NewNotification): Promise<void> {
    try {
      await this.notifications.publish(n);
    } catch (err) {
      this.logger.warn(`notification "${n.title}" not published: ${(err as Error).message}`);
    }
  }
}
