import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, type SelectQueryBuilder } from 'typeorm';
import { SortDirection } from '../common/list-query.js';
import { AppError, ErrorCode, isUuid, notFound } from '../common/app-error.js';
import { EntityRows } from '../common/entity-rows.js';
import { channels, PubSubService } from '../pubsub/pubsub.service.js';
import type { QuotaHolder } from '../quotas/quota.events.js';
import { type ApprovalDecision, RequestApprovalEntity } from './request-approval.entity.js';
import { type ItemPlan, type ItemStatus, RequestItemEntity } from './request-item.entity.js';
import { RequestTransitionEntity, type TransitionEvent } from './request-transition.entity.js';
import { ANNOUNCED_STATUSES, RequestStatusChangedEvent } from './request.events.js';
import { type RequestAction, type RequestPlan, type RequestStatus, ServiceRequestEntity, TERMINAL_REQUEST_STATUSES } from './service-request.entity.js';

/** Whose requests a reader may see: those its user ordered, those of its tenants, and those shared with its groups. */
export interface RequestVisibility {
  requesterId: string;
  tenants: string[];
  groups: string[];
}

/** What a request list shows: every condition given must hold. */
export interface RequestQuery {
  only?: RequestVisibility;
  statuses?: RequestStatus[] | null;
  actions?: RequestAction[] | null;
  templateId?: string | null;
  requesterId?: string | null;
  tenantId?: string | null;
  /** Requests that changed this service: the one that provisioned it (`provisionedBy`) and those acting on it. */
  service?: { id: string; provisionedBy: string } | null;
  createdAfter?: Date | null;
  createdBefore?: Date | null;
}

/** Sortable fields → their properties (an allow-list: nothing else reaches ORDER BY). */
const SORT_COLUMNS = {
  createdAt: 'r.createdAt',
  updatedAt: 'r.updatedAt',
  finishedAt: 'r.finishedAt',
  status: 'r.status',
  action: 'r.action',
} as const;
export type RequestSortColumn = keyof typeof SORT_COLUMNS;

/** How many requests of one catalog item and action are in one status. */
export interface RequestCount {
  templateId: string;
  action: RequestAction;
  status: RequestStatus;
  count: number;
}

/** An item of a new request. */
export interface NewItem {
  name: string;
  index: number;
  plan: ItemPlan;
}

export interface NewRequest {
  templateId: string;
  requesterId: string;
  /** The tenant it belongs to: the requester's for an order, the service's for a change to one. */
  tenantId: string;
  /** As stored and shown: secret fields masked. */
  dialogValues: Record<string, unknown>;
  plan: RequestPlan;
  items: NewItem[];
  /** The groups that see it besides the requester (none when absent). */
  groupIds?: string[];
}

/** A transition to record: the state, what happened there, the attempt and a message. */
export interface TransitionRecord {
  state: string;
  event: TransitionEvent;
  attempt: number;
  message: string | null;
}

const OPEN_LIFECYCLE_CONFLICT = 'This service has a retirement or reconfiguration under way already: wait for it to end.';
const MESSAGE_MAX = 4000;

/**
 * The one writer of the requests module's tables: service requests, their items and their
 * state-machine transitions. The order API, the state-machine engine and the lifecycle code
 * (retire, reconfigure, rollback) all go through it, so each rule on those rows (which
 * status may follow which, what a resume resets) is written once.
 */
@Injectable()
export class RequestStore {
  private readonly requests: EntityRows<ServiceRequestEntity>;
  private readonly itemRows: EntityRows<RequestItemEntity>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly pubsub: PubSubService,
    private readonly events: EventEmitter2,
  ) {
    this.requests = new EntityRows(db, ServiceRequestEntity);
    this.itemRows = new EntityRows(db, RequestItemEntity);
  }

  // ---- reads ----------------------------------------------------------------------------

  /** The full stored request, plan included; null when unknown. */
  async load(id: string): Promise<ServiceRequestEntity | null> {
    return isUuid(id) ? this.requests.findOne('id = $1', [id]) : null;
  }

  /** The request; NOT_FOUND when unknown. */
  async get(id: string): Promise<ServiceRequestEntity> {
    const request = await this.load(id);
    if (!request) throw notFound('Service request', id);
    return request;
  }

  /**
   * A page of the requests matching `query`, sorted by `sort` (newest first by default; ties
   * newest first, then by id, so pages do not overlap). The caller checks skip and take.
   */
  list(
    query: RequestQuery,
    skip: number,
    take: number,
    sort: { field: RequestSortColumn; direction: SortDirection } = { field: 'createdAt', direction: SortDirection.DESC },
  ): Promise<ServiceRequestEntity[]> {
    const column = SORT_COLUMNS[sort.field];
    const qb = this.matching(query).orderBy(column, sort.direction, 'NULLS LAST');
    if (sort.field !== 'createdAt') qb.addOrderBy('r.createdAt', 'DESC');
    return qb.addOrderBy('r.id', 'DESC').offset(skip).limit(take).getMany();
  }

  /** How many requests match `query`. */
  count(query: RequestQuery): Promise<number> {
    return this.matching(query).getCount();
  }

  /** Who ordered, and which tenants own, the requests `only` may see: the choices of a list's filters (at most `limit` each). */
  async filterChoices(only: RequestVisibility | undefined, limit: number): Promise<{ requesterIds: string[]; tenantIds: string[] }> {
    const distinct = async (column: string): Promise<string[]> =>
      (await this.matching({ only }).select(`DISTINCT ${column}`, 'id').limit(limit).getRawMany<{ id: string }>()).map((r) => r.id);
    return { requesterIds: await distinct('r.requester_id'), tenantIds: await distinct('r.tenant_id') };
  }

  private matching(q: RequestQuery): SelectQueryBuilder<ServiceRequestEntity> {
    const qb = this.db.getRepository(ServiceRequestEntity).createQueryBuilder('r');
    if (q.only)
      qb.andWhere('(r.requester_id = :me OR r.tenant_id = ANY(CAST(:tenants AS uuid[])) OR r.group_ids && CAST(:groups AS uuid[]))', {
        me: q.only.requesterId,
        tenants: q.only.tenants,
        groups: q.only.groups,
      });
    if (q.statuses) qb.andWhere('r.status = ANY(CAST(:statuses AS text[]))', { statuses: q.statuses });
    if (q.actions) qb.andWhere('r.action = ANY(CAST(:actions AS text[]))', { actions: q.actions });
    if (q.templateId) qb.andWhere('r.template_id = :templateId', { templateId: q.templateId });
    if (q.requesterId) qb.andWhere('r.requester_id = :requesterId', { requesterId: q.requesterId });
    if (q.tenantId) qb.andWhere('r.tenant_id = :tenantId', { tenantId: q.tenantId });
    if (q.service) qb.andWhere('(r.service_id = :serviceId OR r.id = :provisionedBy)', { serviceId: q.service.id, provisionedBy: q.service.provisionedBy });
    if (q.createdAfter) qb.andWhere('r.created_at >= :createdAfter', { createdAfter: q.createdAfter });
    // The API's dates have milliseconds, the column microseconds: "at or before" takes the whole millisecond.
    if (q.createdBefore) qb.andWhere('r.created_at < :createdBefore', { createdBefore: new Date(q.createdBefore.getTime() + 1) });
    return qb;
  }

  /** How many requests there are of each catalog item, action and status (the metrics' gauge). */
  async countsByTemplate(): Promise<RequestCount[]> {
    return (await this.db.query(
      `SELECT template_id AS "templateId", action, status, count(*)::int AS count FROM service_requests GROUP BY template_id, action, status`,
    )) as RequestCount[];
  }

  /** The items of a request, by index then name. */
  items(requestId: string): Promise<RequestItemEntity[]> {
    return this.itemRows.find('request_id = $1', [requestId], '"index", name');
  }

  item(id: string): Promise<RequestItemEntity | null> {
    return isUuid(id) ? this.itemRows.findOne('id = $1', [id]) : Promise.resolve(null);
  }

  /** The state machine's history of a request, oldest first. */
  transitions(requestId: string): Promise<RequestTransitionEntity[]> {
    return this.db.getRepository(RequestTransitionEntity).find({ where: { requestId }, order: { id: 'ASC' } });
  }

  /** Requests in one of `statuses` not changed since `olderThan`, oldest first, for the reconciler. */
  unfinished(statuses: RequestStatus[], olderThan: Date): Promise<ServiceRequestEntity[]> {
    return this.db
      .getRepository(ServiceRequestEntity)
      .createQueryBuilder('r')
      .where('r.status IN (:...statuses)', { statuses })
      .andWhere('r.updated_at < :olderThan', { olderThan })
      .orderBy('r.created_at', 'ASC')
      .take(500)
      .getMany();
  }

  /**
   * How much of a quota dimension `holder` uses now: orders holding their share (from the order
   * until they fail or their service retires) — counted for `services`, their pinned amounts
   * summed for an item's own dimension; orders of the last 24 hours for `requests_per_day`
   * (denied and canceled ones excepted). `except`: a request not to count (its own approval).
   */
  async quotaUse(dimension: string, holder: QuotaHolder, { tx, except }: { tx?: EntityManager | null; except?: string } = {}): Promise<number> {
    const params: unknown[] = [holder.tenants ?? null, holder.requesterId ?? null, except ?? null];
    const who = `(($1::uuid[] IS NOT NULL AND tenant_id = ANY($1::uuid[])) OR ($2::uuid IS NOT NULL AND requester_id = $2::uuid))
      AND ($3::uuid IS NULL OR id <> $3::uuid)`;
    let sql: string;
    if (dimension === 'services') sql = `SELECT count(*)::float8 AS used FROM service_requests WHERE holds_quota AND ${who}`;
    else if (dimension === 'requests_per_day') {
      sql = `SELECT count(*)::float8 AS used FROM service_requests
              WHERE action = 'provision' AND created_at > now() - interval '1 day' AND status NOT IN ('denied', 'canceled') AND ${who}`;
    } else {
      params.push(dimension);
      sql = `SELECT coalesce(sum((plan->'quota'->>$4)::float8), 0)::float8 AS used FROM service_requests WHERE holds_quota AND ${who}`;
    }
    const [row] = (await (tx ?? this.db.manager).query(sql, params)) as { used: number }[];
    return row.used;
  }

  /** A provision request whose service retired no longer counts against quotas. */
  async releaseQuota(provisionRequestId: string, tx?: EntityManager): Promise<void> {
    await (tx ?? this.db.manager).query('UPDATE service_requests SET holds_quota = false WHERE id = $1', [provisionRequestId]);
  }

  /** Pending approval past the policy's hours (a second late, so the step scheduled for it comes first), for the reconciler. */
  async overdueApprovals(): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT id FROM service_requests
        WHERE status = 'pending_approval'
          AND state_entered_at + make_interval(secs => (plan->'approval'->>'timeoutHours')::float8 * 3600 + 1) < now()
        LIMIT 100`,
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /**
   * An approver's inbox: requests pending approval in `tenants`, not ordered by the approver
   * and not decided by them yet, oldest first; with their count.
   */
  async inbox(approverId: string, tenants: string[], skip: number, take: number): Promise<{ requests: ServiceRequestEntity[]; total: number }> {
    if (!tenants.length) return { requests: [], total: 0 };
    const where = `status = 'pending_approval' AND tenant_id = ANY($1) AND requester_id <> $2
      AND NOT EXISTS (SELECT 1 FROM request_approvals a WHERE a.request_id = service_requests.id AND a.approver_id = $2)`;
    const [requests, [{ total }]] = await Promise.all([
      this.requests.find(where, [tenants, approverId, Math.min(Math.max(take, 1), 500), Math.max(skip, 0)], 'created_at LIMIT $3 OFFSET $4'),
      this.db.query(`SELECT count(*)::int AS total FROM service_requests WHERE ${where}`, [tenants, approverId]) as Promise<{ total: number }[]>,
    ]);
    return { requests, total };
  }

  /** The approvers' decisions on a request, oldest first. */
  decisions(requestId: string): Promise<RequestApprovalEntity[]> {
    return this.db.getRepository(RequestApprovalEntity).find({ where: { requestId }, order: { createdAt: 'ASC' } });
  }

  /**
   * Removes the service's measures that ended before `before`, with their runs (their samples are the
   * performance job's): one every minute would otherwise pile up for good. Answers how many went.
   */
  async purgeEndedMeasures(serviceId: string, before: Date): Promise<number> {
    const [, count] = (await this.db.query(
      `DELETE FROM service_requests WHERE action = 'measure' AND service_id = $1 AND created_at < $2 AND status = ANY($3)`,
      [serviceId, before, TERMINAL_REQUEST_STATUSES],
    )) as [unknown, number];
    return count;
  }

  /** True while a retirement or reconfiguration of the service has not ended. */
  hasOpenLifecycle(serviceId: string): Promise<boolean> {
    return this.db
      .getRepository(ServiceRequestEntity)
      .createQueryBuilder('r')
      .where(`r.plan->>'serviceId' = :serviceId`, { serviceId })
      .andWhere('r.status NOT IN (:...done)', { done: TERMINAL_REQUEST_STATUSES })
      .getExists();
  }

  /** The service's last finished reconfiguration or migration (the values it has now), if any. */
  lastReconfiguration(serviceId: string): Promise<ServiceRequestEntity | null> {
    return this.lastFinished(serviceId, ['reconfigure', 'migrate']);
  }

  /** The service's last finished request of one of these actions, if any. */
  lastFinished(serviceId: string, actions: RequestAction[]): Promise<ServiceRequestEntity | null> {
    return this.db
      .getRepository(ServiceRequestEntity)
      .createQueryBuilder('r')
      .where(`r.plan->>'serviceId' = :serviceId`, { serviceId })
      .andWhere(`r.plan->>'action' = ANY(CAST(:actions AS text[]))`, { actions })
      .andWhere(`r.status = 'finished'`)
      .orderBy('r.created_at', 'DESC')
      .getOne();
  }

  // ---- a new request ----------------------------------------------------------------------

  /**
   * Stores a request, pending in the first state of its machine, with its items, in one
   * statement (all of it or nothing); in `tx` when given (the quota check's transaction). A second open retirement or reconfiguration of one
   * service is refused by the database (CONFLICT).
   */
  async create(input: NewRequest, tx?: EntityManager | null): Promise<string> {
    const first = input.plan.machine.states[0]?.name ?? null;
    try {
      const rows = (await (tx ?? this.db.manager).query(
        `WITH r AS (
           INSERT INTO service_requests (template_id, requester_id, dialog_values, plan, status, state, state_attempt, tenant_id, action, service_id, holds_quota, group_ids)
           VALUES ($1, $2, $3, $4, 'pending', $5, 0, $7, $8,
                   -- a rollback changes the service of the request it undoes (none when that was a provision)
                   COALESCE($9::uuid, (SELECT o.service_id FROM service_requests o WHERE o.id = $10::uuid)),
                   -- an order holds its share of the quotas until it fails or its service retires
                   $8 = 'provision', $11::uuid[])
           RETURNING id
         ), i AS (
           INSERT INTO request_items (request_id, name, "index", plan)
           SELECT r.id, x.name, x."index", x.plan FROM r, jsonb_to_recordset($6::jsonb) AS x(name text, "index" int, plan jsonb)
         )
         SELECT id FROM r`,
        [
          input.templateId,
          input.requesterId,
          JSON.stringify(input.dialogValues),
          JSON.stringify(input.plan),
          first,
          JSON.stringify(input.items),
          input.tenantId,
          input.plan.action,
          input.plan.serviceId ?? input.plan.measure?.serviceId ?? null,
          input.plan.rollbackOf ?? null,
          input.groupIds ?? [],
        ],
      )) as { id: string }[];
      return rows[0].id;
    } catch (err) {
      const driver =
        (err as { driverError?: { code?: string; constraint?: string }; code?: string; constraint?: string }).driverError ??
        (err as { code?: string; constraint?: string });
      if (driver.code === '23505' && driver.constraint === 'UQ_service_requests_open_retirement')
        throw new AppError(ErrorCode.CONFLICT, OPEN_LIFECYCLE_CONFLICT);
      throw err;
    }
  }

  /**
   * Stores a request that runs nothing and is finished as it is made, with `message` (a
   * forced retirement), in one transaction with `alongside`: when that throws, nothing is stored.
   */
  async createFinished(input: NewRequest, message: string, alongside: (tx: EntityManager) => Promise<void>): Promise<string> {
    const id = await this.db.transaction(async (tx) => {
      await alongside(tx);
      const made = await this.create(input, tx);
      await this.transition(made, ['pending'], 'finished', message.slice(0, MESSAGE_MAX), { tx });
      return made;
    });
    void this.publishChange(id);
    void this.announce(id);
    return id;
  }

  // ---- the request's status and state ------------------------------------------------------

  /**
   * Moves a request from one of `from` to `to`; false when it was in another status.
   * Publishes the change, unless it happens inside the caller's transaction `tx` or the caller
   * says `publish: false`: then the caller publishes once (after its commit, or its step).
   */
  async transition(
    id: string,
    from: RequestStatus[],
    to: RequestStatus,
    message?: string | null,
    { tx, publish = true }: { tx?: EntityManager; publish?: boolean } = {},
  ): Promise<boolean> {
    const finished = TERMINAL_REQUEST_STATUSES.includes(to);
    // An order that ends without a service no longer counts against quotas.
    const releases = to === 'failed' || to === 'canceled' || to === 'denied';
    const result = await (tx ?? this.db.manager).getRepository(ServiceRequestEntity).update(
      { id, status: In(from) },
      {
        status: to,
        ...(message !== undefined ? { message } : {}),
        ...(finished ? { finishedAt: new Date() } : {}),
        ...(releases ? { holdsQuota: false } : {}),
      },
    );
    const moved = (result.affected ?? 0) > 0;
    // Not awaited: a subscriber re-reads the request at each message, so the message need not be
    // out before the caller goes on (a worker starting the playbook, say).
    if (moved && !tx && publish) void this.publishChange(id);
    if (moved && !tx && (to === 'pending_approval' || from.includes('pending_approval'))) void this.publishInboxChange(id);
    // Inside a transaction the change may yet roll back: the sweep (changedSince) announces it once committed.
    if (moved && !tx && ANNOUNCED_STATUSES.includes(to)) void this.announce(id);
    return moved;
  }

  /** Tells the listeners (alarms, notifications) of the request's status as stored now; never throws. */
  async announce(id: string): Promise<void> {
    try {
      const r = await this.load(id);
      if (!r || !ANNOUNCED_STATUSES.includes(r.status)) return;
      await this.events.emitAsync(
        RequestStatusChangedEvent.NAME,
        // The moment it reached the status, the same each time it is told: when it ended, or entered its (approve) state.
        new RequestStatusChangedEvent(
          r.id,
          r.status,
          r.action,
          r.message,
          r.templateId,
          r.tenantId,
          r.requesterId,
          r.serviceId,
          r.finishedAt ?? r.stateEnteredAt ?? r.updatedAt,
        ),
      );
    } catch {
      // The sweep announces it again.
    }
  }

  /** Requests that reached an announced status since `since` (changed since), oldest first, at most `limit`. */
  async changedSince(since: Date, limit: number): Promise<string[]> {
    const rows = (await this.db.query(`SELECT id FROM service_requests WHERE updated_at >= $1 AND status = ANY($2) ORDER BY updated_at LIMIT $3`, [
      since,
      ANNOUNCED_STATUSES,
      limit,
    ])) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /**
   * Records an approver's decision on a request pending approval, with the request's row
   * locked (two approvers deciding at once are counted one after the other): a denial ends it
   * denied and cancels its items; the approval that makes `needed` moves it back to running,
   * for the engine to go on (the caller queues a step). Nothing is stored when it is not
   * pending approval, or when this approver decided already.
   */
  async decide(
    id: string,
    approver: { id: string; username: string },
    decision: ApprovalDecision,
    reason: string | null,
    outer?: EntityManager | null,
  ): Promise<'denied' | 'approved' | 'counted' | 'not-pending' | 'decided-already'> {
    const outcome = await this.inTransaction(outer, async (tx) => {
      const [row] = (await tx.query(`SELECT status, state, state_attempt, plan->'approval' AS approval FROM service_requests WHERE id = $1 FOR UPDATE`, [
        id,
      ])) as { status: RequestStatus; state: string; state_attempt: number; approval: { approvals: number } | null }[];
      if (row?.status !== 'pending_approval') return 'not-pending' as const;
      const inserted = (await tx.query(
        `INSERT INTO request_approvals (request_id, approver_id, approver_name, decision, reason) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (request_id, approver_id) DO NOTHING RETURNING id`,
        [id, approver.id, approver.username, decision, reason],
      )) as unknown[];
      if (!inserted.length) return 'decided-already' as const;
      const said = `${decision} by ${approver.username}${reason ? `: ${reason}` : ''}`;
      await tx.insert(RequestTransitionEntity, {
        requestId: id,
        state: row.state,
        event: 'decision',
        attempt: row.state_attempt,
        message: clip({ message: said } as TransitionRecord).message,
      });
      if (decision === 'denied') {
        await tx.insert(RequestTransitionEntity, {
          requestId: id,
          state: row.state,
          event: 'error',
          attempt: row.state_attempt,
          message: `Denied by ${approver.username}`,
        });
        await this.transition(id, ['pending_approval'], 'denied', `Denied by ${approver.username}: ${reason ?? 'no reason given'}`.slice(0, MESSAGE_MAX), {
          tx,
        });
        await tx.update(
          RequestItemEntity,
          { requestId: id, status: In(['pending', 'queued']) },
          { status: 'canceled', message: 'Not started: the request was denied.', finishedAt: new Date() },
        );
        return 'denied' as const;
      }
      const [{ count }] = (await tx.query(`SELECT count(*)::int AS count FROM request_approvals WHERE request_id = $1 AND decision = 'approved'`, [id])) as {
        count: number;
      }[];
      if (count < (row.approval?.approvals ?? 1)) {
        await tx.query(`UPDATE service_requests SET message = $2, updated_at = now() WHERE id = $1`, [
          id,
          `Approved by ${approver.username}; waiting for more approvals.`,
        ]);
        return 'counted' as const;
      }
      await this.transition(id, ['pending_approval'], 'running', `Approved by ${approver.username}.`, { tx });
      return 'approved' as const;
    });
    if (outcome !== 'not-pending' && outcome !== 'decided-already') {
      await this.publishChange(id);
      await this.publishInboxChange(id);
    }
    // Inside the caller's transaction it is told by the sweep, once committed.
    if (outcome === 'denied' && !outer) void this.announce(id);
    return outcome;
  }

  /**
   * Stores a step's progress in one statement: the transitions it made (in order), and the
   * state it is in now (`state` at `attempt`, entered now).
   */
  async saveProgress(id: string, state: string, attempt: number, records: TransitionRecord[]): Promise<void> {
    await this.db.query(
      `WITH t AS (
         INSERT INTO request_transitions (request_id, state, event, attempt, message)
         SELECT $1, x.state, x.event, x.attempt, x.message FROM jsonb_to_recordset($4::jsonb) AS x(state text, event text, attempt int, message text, ord int)
          ORDER BY x.ord
       )
       UPDATE service_requests SET state = $2, state_attempt = $3, state_entered_at = now(), updated_at = now() WHERE id = $1`,
      [id, state, attempt, JSON.stringify(records.map((r, ord) => ({ ...clip(r), ord })))],
    );
  }

  async record(id: string, ...records: TransitionRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.db.query(
      `INSERT INTO request_transitions (request_id, state, event, attempt, message)
       SELECT $1, x.state, x.event, x.attempt, x.message FROM jsonb_to_recordset($2::jsonb) AS x(state text, event text, attempt int, message text)`,
      [id, JSON.stringify(records.map(clip))],
    );
  }

  /** Records a retry of the current state and counts it. */
  async retryState(id: string, state: string, attempt: number, message: string): Promise<void> {
    await this.record(id, { state, event: 'retry', attempt, message });
    await this.db.getRepository(ServiceRequestEntity).update(id, { stateAttempt: attempt });
  }

  /**
   * Records the step's last transitions (the last state's success among them) and ends the
   * request `finished` in `state`, in one statement; false when it was no longer running (the
   * reconciler failed it meanwhile). The caller (the engine's step) publishes the change.
   */
  async finish(id: string, state: { state: string; attempt: number }, records: TransitionRecord[], message: string): Promise<boolean> {
    // An UPDATE (here after a CTE) answers [rows, count] through TypeORM.
    const [, count] = (await this.db.query(
      `WITH t AS (
         INSERT INTO request_transitions (request_id, state, event, attempt, message)
         SELECT $1, x.state, x.event, x.attempt, x.message FROM jsonb_to_recordset($2::jsonb) AS x(state text, event text, attempt int, message text, ord int)
          ORDER BY x.ord
       )
       UPDATE service_requests SET status = 'finished', message = $3, state = $4, state_attempt = $5, finished_at = now(), updated_at = now()
        WHERE id = $1 AND status = 'running'`,
      [id, JSON.stringify(records.map((r, ord) => ({ ...clip(r), ord }))), message, state.state, state.attempt],
    )) as [unknown[], number];
    if (count > 0) void this.announce(id);
    return count > 0;
  }

  /**
   * Resumes a failed request from the state that failed: its failed and canceled items are
   * pending again, the state starts over (attempt 0), and it is queued.
   */
  async resume(id: string, state: string, by: string, outer?: EntityManager | null): Promise<boolean> {
    const resumed = await this.inTransaction(outer, async (tx) => {
      const moved = await tx.update(
        ServiceRequestEntity,
        { id, status: 'failed' },
        {
          status: 'queued',
          stateAttempt: 0,
          stateEnteredAt: new Date(),
          finishedAt: null,
          message: `Resumed by ${by} from state "${state}".`,
          holdsQuota: () => "action = 'provision'",
        },
      );
      if (!moved.affected) return false;
      await tx.update(RequestItemEntity, { requestId: id, status: In(['failed', 'canceled']) }, { status: 'pending', message: null, finishedAt: null });
      await tx.insert(RequestTransitionEntity, { requestId: id, state, event: 'resumed', attempt: 0, message: `by ${by}` });
      return true;
    });
    if (resumed) await this.publishChange(id);
    return resumed;
  }

  /** Cancels a request that has not started (pending, queued, or pending approval) and its items; false when it had started or ended. */
  async cancelNotStarted(id: string, message: string): Promise<boolean> {
    const canceled = await this.db.transaction(async (tx) => {
      if (!(await this.transition(id, ['pending', 'queued', 'pending_approval'], 'canceled', message, { tx }))) return false;
      await tx.update(
        RequestItemEntity,
        { requestId: id, status: In(['pending', 'queued']) },
        { status: 'canceled', message: 'Not started: the request was canceled.', finishedAt: new Date() },
      );
      return true;
    });
    if (canceled) await Promise.all([this.publishChange(id), this.publishInboxChange(id), this.announce(id)]);
    return canceled;
  }

  // ---- items ------------------------------------------------------------------------------

  /** Moves the pending items of the lowest index not yet successful to queued; returns them. */
  async queueNextIndex(requestId: string): Promise<RequestItemEntity[]> {
    const rows = (await this.db.query(
      `UPDATE request_items SET status = 'queued'
        WHERE request_id = $1 AND status = 'pending'
          AND "index" = (SELECT min("index") FROM request_items WHERE request_id = $1 AND status <> 'successful')
        RETURNING id, name`,
      [requestId],
    )) as [{ id: string; name: string }[], number];
    return rows[0].map((r) => ({ id: r.id, name: r.name }) as RequestItemEntity);
  }

  /** Claims a queued item for a run (with the job row reserved for it, if any); false when another took it. */
  async claimItem(id: string, jobId: string | null): Promise<boolean> {
    const claimed = await this.db.getRepository(RequestItemEntity).update({ id, status: 'queued' }, { status: 'running', startedAt: new Date(), jobId });
    return (claimed.affected ?? 0) > 0;
  }

  async setItemJob(id: string, jobId: string): Promise<void> {
    await this.db.getRepository(RequestItemEntity).update(id, { jobId });
  }

  /** A queued item that will not start (its request ended meanwhile). */
  async cancelQueuedItem(id: string, message: string): Promise<void> {
    await this.db.getRepository(RequestItemEntity).update({ id, status: 'queued' }, { status: 'canceled', message, finishedAt: new Date() });
  }

  /** Ends a running item with its outcome. The step of the engine that follows publishes the request's change. */
  async finishItem(
    item: Pick<RequestItemEntity, 'id' | 'requestId'>,
    status: Extract<ItemStatus, 'successful' | 'failed' | 'canceled'>,
    outputs: Record<string, unknown> | null,
    message: string | null,
  ): Promise<void> {
    await this.db.query(`UPDATE request_items SET status = $2, outputs = $3, message = $4, finished_at = now() WHERE id = $1 AND status = 'running'`, [
      item.id,
      status,
      outputs === null ? null : JSON.stringify(outputs),
      message?.slice(0, MESSAGE_MAX) ?? null,
    ]);
  }

  /** Nothing more of the request starts: its pending and queued items are canceled. */
  async cancelOpenItems(requestId: string, message: string): Promise<void> {
    await this.db
      .getRepository(RequestItemEntity)
      .update({ requestId, status: In(['pending', 'queued']) }, { status: 'canceled', message, finishedAt: new Date() });
  }

  /** An item's plan after a refresh moved it to a new commit. */
  async repinItem(id: string, plan: ItemPlan): Promise<void> {
    await this.db.query('UPDATE request_items SET plan = $2 WHERE id = $1', [id, JSON.stringify(plan)]);
  }

  /** `work` in the caller's transaction when it gives one (the quota check's, holding its locks), in a new one otherwise. */
  private inTransaction<T>(outer: EntityManager | null | undefined, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return outer ? work(outer) : this.db.transaction(work);
  }

  async publishChange(id: string): Promise<void> {
    await this.pubsub.publish(channels.request(id), { id }).catch(() => undefined);
  }

  /** Approvers' inboxes change: a request entered or left pending_approval (or got a decision). */
  async publishInboxChange(id: string): Promise<void> {
    await this.pubsub.publish(channels.approvals(), { id }).catch(() => undefined);
  }
}

const clip = (r: TransitionRecord): TransitionRecord => ({ ...r, message: r.message?.slice(0, MESSAGE_MAX) ?? null });
