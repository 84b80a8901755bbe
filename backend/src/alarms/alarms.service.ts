import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { QueueService } from '../queue/queue.service.js';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { TenantScope } from '../auth/auth.decorators.js';
import { AppError, ErrorCode, isUuid, notFound } from '../common/app-error.js';
import { EntityRows } from '../common/entity-rows.js';
import { WorkerLostEvent } from '../jobs/job.events.js';
import { ProviderHealthChangedEvent } from '../providers/provider.events.js';
import { CATCH_UP, channels, LiveQueue, PubSubService } from '../pubsub/pubsub.service.js';
import { RequestStatusChangedEvent } from '../requests/request.events.js';
import { ROOT_TENANT_ID } from '../tenants/tenants.service.js';
import { AlarmEntity, type AlarmKind, type AlarmSeverity } from './alarm.entity.js';
import { AlarmClearedEvent, AlarmRaisedEvent } from './alarm.events.js';

export interface NewAlarm {
  kind: AlarmKind;
  severity: AlarmSeverity;
  sourceKey: string;
  objectType: string;
  objectId: string;
  tenantId: string | null;
  message: string;
}

export interface AlarmQuery {
  /** true: open only (not cleared); false: cleared only; absent: both. */
  open?: boolean | null;
  severities?: AlarmSeverity[] | null;
  kinds?: AlarmKind[] | null;
}

const MESSAGE_MAX = 2000;
/** How long an open-alarm count subscription waits for a change before it looks again anyway. */
const COUNT_IDLE_MS = 60_000;

/**
 * Alarms: raised by what the portal watches — a request that failed, a provider that went down, a
 * worker lost mid-run — and cleared when the cause goes away (the request is resumed and finishes,
 * the provider answers again) or by an operator. One alarm is open per cause; the ones cleared stay
 * as history. Listeners are idempotent: hearing of the same failure twice raises one alarm.
 */
@Injectable()
export class AlarmsService {
  private readonly logger = new Logger(AlarmsService.name);
  private readonly rows: EntityRows<AlarmEntity>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: EventEmitter2,
    private readonly pubsub: PubSubService,
    private readonly queues: QueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.rows = new EntityRows(db, AlarmEntity);
  }

  // ---- causes ----------------------------------------------------------------------------

  @OnEvent(RequestStatusChangedEvent.NAME)
  async onRequest(e: RequestStatusChangedEvent): Promise<void> {
    // A measure that fails is a performance job's failed sample (its thresholds say what matters), not an alarm each interval.
    if (e.action === 'measure') return;
    // One alarm per failure (a request resumed that fails again raises another); told twice, still one.
    if (e.status === 'failed') {
      await this.raiseOnce({
        kind: 'request_failed',
        severity: e.action === 'retire' || e.action === 'rollback' ? 'critical' : 'major',
        sourceKey: `request:${e.requestId}@${e.changedAt.getTime()}`,
        objectType: 'request',
        objectId: e.requestId,
        tenantId: e.tenantId,
        message: `${e.action === 'provision' ? 'Order' : `The ${e.action}`} ${e.requestId.slice(0, 8)} failed: ${e.message ?? 'no message'}`,
      });
    } else if (e.status === 'finished' || e.status === 'canceled') {
      await this.clearAbout(
        'request',
        e.requestId,
        'request_failed',
        e.status === 'finished' ? 'the request was resumed and finished' : 'the request was canceled',
      );
    }
  }

  @OnEvent(ProviderHealthChangedEvent.NAME)
  async onProviderHealth(e: ProviderHealthChangedEvent): Promise<void> {
    const key = `provider:${e.providerId}`;
    if (e.status === 'down') {
      await this.raise({
        kind: 'provider_down',
        severity: 'critical',
        sourceKey: key,
        objectType: 'provider',
        objectId: e.providerId,
        tenantId: e.tenantId,
        message: `Provider "${e.name}" is down: ${e.message}`,
      });
    } else {
      await this.clearCause(key, `provider "${e.name}" answered again`);
    }
  }

  @OnEvent(WorkerLostEvent.NAME)
  async onWorkerLost(e: WorkerLostEvent): Promise<void> {
    await this.raiseOnce({
      kind: 'worker_lost',
      severity: 'major',
      sourceKey: `worker-lost:${e.requestId}`,
      objectType: 'request',
      objectId: e.requestId,
      tenantId: e.tenantId,
      message: `A worker stopped while running request ${e.requestId.slice(0, 8)}: its run was failed (never re-run). Check the worker and the target.`,
    });
  }

  /**
   * Thresholds (the notifications' sweep runs this every 30 s): a queue whose oldest waiting job has
   * waited longer than ALARM_QUEUE_WAIT_SECONDS raises a queue_backlog alarm — its work is not being
   * taken (no worker, or too few) — cleared once it is under the threshold again. `now`: for tests.
   */
  async checkThresholds(now = Date.now()): Promise<void> {
    const limit = this.config.alarmQueueWaitSeconds;
    for (const { queue, counts, oldestWaitingSince } of await this.queues.depths()) {
      const waited = oldestWaitingSince === null ? 0 : (now - oldestWaitingSince) / 1000;
      const key = `queue:${queue}`;
      if (waited > limit) {
        await this.raise({
          kind: 'queue_backlog',
          severity: 'major',
          sourceKey: key,
          objectType: 'queue',
          objectId: queue,
          tenantId: null,
          message: `Queue "${queue}": its oldest waiting job has waited ${Math.round(waited)} s (more than ${limit} s), ${counts.waiting ?? 0} waiting: check the workers.`,
        });
      } else {
        await this.clearCause(key, `queue "${queue}" is taken care of again (oldest waiting ${Math.round(waited)} s)`);
      }
    }
  }

  // ---- raising and clearing --------------------------------------------------------------

  /** Raises an alarm unless one of the same cause is open; the new one, or null. */
  raise(alarm: NewAlarm): Promise<AlarmEntity | null> {
    return this.insert(alarm, false);
  }

  /** Raises an alarm for a cause that happens once (a failure at a given moment): never twice, even after it was cleared. */
  raiseOnce(alarm: NewAlarm): Promise<AlarmEntity | null> {
    return this.insert(alarm, true);
  }

  private async insert(alarm: NewAlarm, once: boolean): Promise<AlarmEntity | null> {
    const [row] = (await this.db.query(
      `INSERT INTO alarms (kind, severity, source_key, object_type, object_id, tenant_id, message)
       SELECT $1, $2, $3, $4, $5, $6, $7 WHERE NOT $8 OR NOT EXISTS (SELECT 1 FROM alarms WHERE source_key = $3)
       ON CONFLICT (source_key) WHERE cleared_at IS NULL DO NOTHING RETURNING id`,
      [alarm.kind, alarm.severity, alarm.sourceKey, alarm.objectType, alarm.objectId, alarm.tenantId, alarm.message.slice(0, MESSAGE_MAX), once],
    )) as { id: string }[];
    if (!row) return null;
    const raised = (await this.rows.findOne('id = $1', [row.id]))!;
    this.logger.warn(`alarm raised (${raised.severity}): ${raised.message}`);
    await this.changed(AlarmRaisedEvent.NAME, new AlarmRaisedEvent(raised));
    return raised;
  }

  /** Clears the open alarm of this cause, if any. */
  async clearCause(sourceKey: string, reason: string): Promise<AlarmEntity[]> {
    return this.clearWhere('source_key = $1', [sourceKey], reason);
  }

  /** Clears the open alarms of this kind about this object (the failures of a request that then finished). */
  async clearAbout(objectType: string, objectId: string, kind: AlarmKind, reason: string): Promise<AlarmEntity[]> {
    return this.clearWhere('object_type = $1 AND object_id = $2 AND kind = $3', [objectType, objectId, kind], reason);
  }

  private async clearWhere(where: string, params: unknown[], reason: string): Promise<AlarmEntity[]> {
    const rows = (await this.db.query(
      `WITH u AS (UPDATE alarms SET cleared_at = now(), clear_reason = $${params.length + 1} WHERE ${where} AND cleared_at IS NULL RETURNING id) SELECT id FROM u`,
      [...params, reason.slice(0, MESSAGE_MAX)],
    )) as { id: string }[];
    const cleared: AlarmEntity[] = [];
    for (const row of rows) cleared.push(await this.afterClear(row.id));
    return cleared;
  }

  /**
   * Tells the listeners (notifications) again of the alarms raised or cleared since `since`: one whose
   * telling a crash lost is told now (they are idempotent). For the notifications' sweep.
   */
  async retellSince(since: Date): Promise<number> {
    const rows = await this.rows.find('raised_at >= $1 OR cleared_at >= $1', [since], 'raised_at LIMIT 1000');
    for (const alarm of rows) {
      await this.events.emitAsync(AlarmRaisedEvent.NAME, new AlarmRaisedEvent(alarm)).catch(() => undefined);
      if (alarm.clearedAt) await this.events.emitAsync(AlarmClearedEvent.NAME, new AlarmClearedEvent(alarm)).catch(() => undefined);
    }
    return rows.length;
  }

  /** Acknowledges an open alarm: someone is on it (it stays open until cleared). */
  async acknowledge(id: string, userId: string, scope: TenantScope): Promise<AlarmEntity> {
    const alarm = await this.get(id, scope);
    if (alarm.clearedAt) throw new AppError(ErrorCode.CONFLICT, 'This alarm is cleared already: there is nothing to acknowledge.');
    await this.db.query(`UPDATE alarms SET acknowledged_at = COALESCE(acknowledged_at, now()), acknowledged_by = COALESCE(acknowledged_by, $2) WHERE id = $1`, [
      id,
      userId,
    ]);
    void this.publish();
    return this.get(id, scope);
  }

  /** Clears an open alarm by hand (its cause will not clear it: a failed request nobody resumes). */
  async clear(id: string, username: string, scope: TenantScope): Promise<AlarmEntity> {
    const alarm = await this.get(id, scope);
    if (alarm.clearedAt) throw new AppError(ErrorCode.CONFLICT, 'This alarm is cleared already.');
    const [row] = (await this.db.query(
      `WITH u AS (UPDATE alarms SET cleared_at = now(), clear_reason = $2 WHERE id = $1 AND cleared_at IS NULL RETURNING id) SELECT id FROM u`,
      [id, `cleared by ${username}`],
    )) as { id: string }[];
    if (row) await this.afterClear(row.id);
    return this.get(id, scope);
  }

  private async afterClear(id: string): Promise<AlarmEntity> {
    const cleared = (await this.rows.findOne('id = $1', [id]))!;
    this.logger.log(`alarm cleared: ${cleared.message} (${cleared.clearReason})`);
    await this.changed(AlarmClearedEvent.NAME, new AlarmClearedEvent(cleared));
    return cleared;
  }

  private async changed(name: string, event: AlarmRaisedEvent | AlarmClearedEvent): Promise<void> {
    void this.publish();
    await this.events.emitAsync(name, event).catch((err: Error) => this.logger.warn(`a listener of ${name} failed: ${err.message}`));
  }

  private async publish(): Promise<void> {
    await this.pubsub.publish(channels.alarms(), {}).catch(() => undefined);
  }

  /** Removes the alarms cleared before `before` (open ones stay, however old); how many. */
  async purgeClearedBefore(before: Date): Promise<number> {
    const rows = (await this.db.query(`WITH d AS (DELETE FROM alarms WHERE cleared_at < $1 RETURNING id) SELECT count(*)::int AS n FROM d`, [before])) as {
      n: number;
    }[];
    return rows[0].n;
  }

  // ---- reads -----------------------------------------------------------------------------

  /** NOT_FOUND also for an alarm of a tenant outside the scope. */
  async get(id: string, scope?: TenantScope): Promise<AlarmEntity> {
    const alarm = isUuid(id) ? await this.rows.findOne('id = $1', [id]) : null;
    if (!alarm || (scope && !visible(alarm, scope))) throw notFound('Alarm', id);
    return alarm;
  }

  /** A page of the alarms the scope may see, newest first. */
  list(query: AlarmQuery, skip: number, take: number, scope?: TenantScope): Promise<AlarmEntity[]> {
    const { where, params } = conditions(query, scope);
    return this.rows.find(
      where,
      [...params, Math.max(skip, 0), Math.min(Math.max(take, 1), 500)],
      `raised_at DESC, id DESC OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
    );
  }

  async count(query: AlarmQuery, scope?: TenantScope): Promise<number> {
    const { where, params } = conditions(query, scope);
    const [row] = (await this.db.query(`SELECT count(*)::int AS n FROM alarms WHERE ${where}`, params)) as { n: number }[];
    return row.n;
  }

  /** How many open alarms the scope may see: now, then at each change. */
  async *openCount(scope: TenantScope): AsyncGenerator<number> {
    const live = new LiveQueue<unknown>(1000);
    const unsubscribe = await this.pubsub.subscribe(channels.alarms(), (m) => live.push(m));
    try {
      let last = -1;
      for (;;) {
        const total = await this.count({ open: true }, scope);
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
}

/** An alarm of no tenant is the root's. */
const visible = (alarm: AlarmEntity, scope: TenantScope) => scope.tenants.includes(alarm.tenantId ?? ROOT_TENANT_ID);

function conditions(query: AlarmQuery, scope?: TenantScope): { where: string; params: unknown[] } {
  const parts: string[] = ['TRUE'];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (scope) parts.push(`COALESCE(tenant_id, '${ROOT_TENANT_ID}') = ANY(${param(scope.tenants)}::uuid[])`);
  if (query.open === true) parts.push('cleared_at IS NULL');
  if (query.open === false) parts.push('cleared_at IS NOT NULL');
  if (query.severities?.length) parts.push(`severity = ANY(${param(query.severities)}::text[])`);
  if (query.kinds?.length) parts.push(`kind = ANY(${param(query.kinds)}::text[])`);
  return { where: parts.join(' AND '), params };
}
