import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { can } from '../access/permissions.js';
import { type CatalogViewer, scopeOf, sees, type TenantScope, type Viewer, viewerOf } from '../auth/auth.decorators.js';
import { AuthService } from '../auth/auth.service.js';
import { AppError, ErrorCode, isUuid, notFound, validationFailed } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { checkPage } from '../common/list-query.js';
import { LifecycleService } from '../lifecycle/lifecycle.service.js';
import { RequestsService } from '../requests/requests.service.js';
import { ServicesService } from '../services/services.service.js';
import type { UserModel } from '../users/models/user.model.js';
import { checkCron, isTimeZone, nextCronRun } from './cron.js';
import type { CreateScheduledOperationInput, UpdateScheduledOperationInput } from './dto/schedule.input.js';
import { SCHEDULE_ACTIONS, ScheduledOperationEntity } from './scheduled-operation.entity.js';

const NAME_MAX = 100;
/** The most schedules one tick starts (the rest are started by the next). */
const BATCH = 50;

/** Who creates or changes a schedule, as the API sees them. */
export interface ScheduleActor {
  user: UserModel;
  viewer: Viewer;
  catalog: CatalogViewer;
  order: TenantScope;
}

/**
 * Scheduled operations (AWX schedules): an order, a heal or a retirement started once at a date
 * or on a cron schedule in a time zone. Each is checked when it is made as the operation would
 * be (a bad one is refused then, not at 3 am), and started by `tick` as its owner, with the rights
 * the owner has when it fires: the operation's own checks (access, quotas, approval) apply. A
 * refusal is kept as the schedule's last error and does not stop a repeating schedule. Who may
 * see the schedule's owner's requests (their own, or their tenants' with requests:all) sees and
 * manages it; anyone else gets NOT_FOUND.
 */
@Injectable()
export class SchedulesService {
  private readonly logger = new Logger(SchedulesService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly auth: AuthService,
    private readonly requests: RequestsService,
    private readonly lifecycle: LifecycleService,
    private readonly services: ServicesService,
  ) {}

  private get rows() {
    return this.db.getRepository(ScheduledOperationEntity);
  }

  async create(actor: ScheduleActor, input: CreateScheduledOperationInput): Promise<ScheduledOperationEntity> {
    const name = checkName(input.name);
    if (!SCHEDULE_ACTIONS.includes(input.action)) {
      throw validationFailed(`Action: choose one of ${SCHEDULE_ACTIONS.join(', ')}.`, { action: `is one of ${SCHEDULE_ACTIONS.join(', ')}` });
    }
    const timing = this.timing(input.runAt ?? null, input.cron ?? null, input.timezone ?? 'UTC');
    let tenantId = actor.user.tenant.id;
    const row: Partial<ScheduledOperationEntity> = { name, action: input.action, ownerId: actor.user.id, enabled: input.enabled ?? true, ...timing };
    if (input.action === 'order') {
      if (input.serviceId) throw validationFailed('An order makes a new service: leave serviceId out.', { serviceId: 'is not taken by an order' });
      if (!input.templateId) throw validationFailed('Say which catalog item to order (templateId).', { templateId: 'is required for an order' });
      const dialogValues = input.dialogValues ?? {};
      // Checked as an order now: a bad schedule is refused at once.
      const { secretFields } = await this.requests.checkOrder(
        { templateId: input.templateId, dialogValues, jobOptions: input.jobOptions ?? null },
        actor.catalog,
        actor.order,
      );
      const values = dialogValues as Record<string, unknown>;
      const secrets = secretFields.filter((f) => values[f] !== undefined && values[f] !== null && values[f] !== '');
      if (secrets.length) {
        // A schedule keeps its values in the clear until it fires: a secret is not kept there.
        throw validationFailed(`A scheduled order cannot keep secret values (${secrets.join(', ')}): order this item by hand.`, {
          ...Object.fromEntries(secrets.map((f) => [f, 'is a secret: a schedule cannot keep it'])),
        });
      }
      Object.assign(row, { templateId: input.templateId, dialogValues: values, jobOptions: input.jobOptions ?? null, serviceId: null });
    } else {
      if (input.templateId || input.dialogValues !== undefined) {
        throw validationFailed(`A ${input.action} acts on a service: leave templateId and dialogValues out.`, {
          templateId: `is not taken by a ${input.action}`,
        });
      }
      if (!input.serviceId) throw validationFailed(`Say which service to ${input.action} (serviceId).`, { serviceId: `is required for a ${input.action}` });
      const service = await this.services.get(input.serviceId, actor.viewer);
      if (service.status !== 'active') {
        throw new AppError(
          ErrorCode.CONFLICT,
          `This service is ${service.status}: only an active service can be ${input.action === 'heal' ? 'healed' : 'retired'}.`,
        );
      }
      tenantId = service.tenantId;
      Object.assign(row, { serviceId: service.id, templateId: null, dialogValues: null, jobOptions: null });
    }
    return this.rows.save(this.rows.create({ ...row, tenantId }));
  }

  /** A schedule the viewer may see; NOT_FOUND otherwise (as if it did not exist). */
  async get(id: string, viewer?: Viewer): Promise<ScheduledOperationEntity> {
    const row = isUuid(id) ? await this.rows.findOneBy({ id }) : null;
    if (!row || !sees(viewer, row.ownerId, row.tenantId)) throw notFound('Scheduled operation', id);
    return row;
  }

  /** The schedules the viewer may see (of one service when asked), the next to fire first, then the paused and the done. */
  async list(viewer: Viewer | undefined, serviceId: string | null | undefined, skip: number, take: number): Promise<ScheduledOperationEntity[]> {
    checkPage(skip, take);
    return this.query(viewer, serviceId)
      .orderBy('s.enabled', 'DESC')
      .addOrderBy('s.next_run_at', 'ASC', 'NULLS LAST')
      .addOrderBy('s.created_at', 'DESC')
      .skip(skip)
      .take(take)
      .getMany();
  }

  count(viewer: Viewer | undefined, serviceId: string | null | undefined): Promise<number> {
    return this.query(viewer, serviceId).getCount();
  }

  private query(viewer: Viewer | undefined, serviceId: string | null | undefined) {
    const qb = this.rows.createQueryBuilder('s');
    if (viewer) qb.where('(s.owner_id = :me OR s.tenant_id = ANY(:tenants))', { me: viewer.userId, tenants: viewer.tenants });
    if (serviceId) {
      if (!isUuid(serviceId)) throw validationFailed('serviceId is not an id.', { serviceId: 'is not an id' });
      qb.andWhere('s.service_id = :serviceId', { serviceId });
    }
    return qb;
  }

  /**
   * Renames, re-times, pauses (enabled: false) or resumes a schedule. A new timing or a resume
   * counts the next run from now; a one-shot schedule whose date has passed needs a new date.
   */
  async update(id: string, input: UpdateScheduledOperationInput, viewer?: Viewer): Promise<ScheduledOperationEntity> {
    const row = await this.get(id, viewer);
    if (input.runAt && input.cron) throw bothTimings();
    const changes: Partial<Pick<ScheduledOperationEntity, 'name' | 'runAt' | 'cron' | 'timezone' | 'nextRunAt' | 'enabled'>> = {};
    if (input.name != null) changes.name = checkName(input.name);
    const retimed = input.runAt != null || input.cron != null || input.timezone != null;
    const enabled = input.enabled ?? row.enabled;
    if (retimed) {
      const runAt = input.cron != null ? null : (input.runAt ?? row.runAt);
      const cron = input.runAt != null ? null : (input.cron ?? row.cron);
      Object.assign(changes, this.timing(runAt, cron, input.timezone ?? row.timezone));
    } else if (enabled && !row.enabled) {
      // Resumed: a repeating schedule fires next from now (not for every slot it missed); a one-shot at its date, if still to come.
      if (row.cron) changes.nextRunAt = nextCronRun(row.cron, row.timezone, this.clock.now());
      else if (!row.nextRunAt || row.nextRunAt.getTime() <= this.clock.now().getTime()) {
        throw validationFailed('This schedule’s date has passed: give it a new date (runAt) to resume it.', { runAt: 'has passed' });
      }
    }
    changes.enabled = enabled;
    await this.rows.update({ id: row.id }, changes);
    return this.get(row.id);
  }

  async remove(id: string, viewer?: Viewer): Promise<boolean> {
    const row = await this.get(id, viewer);
    await this.rows.delete({ id: row.id });
    return true;
  }

  /** When the schedule runs: once at a future `runAt`, or on `cron` in `timezone` (from now). */
  private timing(runAt: Date | null, cron: string | null, timezone: string): Pick<ScheduledOperationEntity, 'runAt' | 'cron' | 'timezone' | 'nextRunAt'> {
    const now = this.clock.now();
    const zone = timezone.trim() || 'UTC';
    if ((runAt === null) === (cron === null || cron.trim() === '')) throw bothTimings();
    if (runAt) {
      if (Number.isNaN(runAt.getTime()) || runAt.getTime() <= now.getTime()) {
        throw validationFailed('Run at: the date must be in the future.', { runAt: 'is not in the future' });
      }
      if (!isTimeZone(zone))
        throw validationFailed(`Timezone: "${zone}" is not a time zone (an IANA name such as UTC or Europe/Paris).`, { timezone: 'is not an IANA time zone' });
      return { runAt, cron: null, timezone: zone, nextRunAt: runAt };
    }
    const expression = checkCron(cron!, zone);
    return { runAt: null, cron: expression, timezone: zone, nextRunAt: nextCronRun(expression, zone, now) };
  }

  // ---- firing -------------------------------------------------------------------------------

  /**
   * Starts the schedules that are due on the portal's clock. Each is claimed in one transaction
   * (FOR UPDATE SKIP LOCKED: two ticks at once never take the same one) with its next run moved
   * on — from now, so a portal that was down runs a missed schedule once, not once per missed
   * slot — or, for a one-shot schedule, marked done (no next run, disabled). Then each operation
   * is started as the schedule's owner; its request, or why it was refused, is recorded.
   */
  async tick(): Promise<{ started: number; refused: number }> {
    const now = this.clock.now();
    const claimed = await this.db.transaction(async (tx) => this.claim(tx, now));
    let started = 0;
    let refused = 0;
    for (const row of claimed) {
      try {
        const requestId = await this.fire(row);
        await this.rows.update({ id: row.id }, { lastRequestId: requestId, lastError: null });
        started++;
        this.logger.log(`scheduled operation ${row.id} (${row.action}) started request ${requestId}`);
      } catch (err) {
        const message = plainReason(err);
        await this.rows.update({ id: row.id }, { lastRequestId: null, lastError: message });
        refused++;
        this.logger.warn(`scheduled operation ${row.id} (${row.action}) started nothing: ${(err as Error).message}`);
      }
    }
    return { started, refused };
  }

  private async claim(tx: EntityManager, now: Date): Promise<ScheduledOperationEntity[]> {
    const rows = tx.getRepository(ScheduledOperationEntity);
    const due = await rows
      .createQueryBuilder('s')
      .where('s.enabled AND s.next_run_at <= :now', { now })
      .orderBy('s.next_run_at', 'ASC')
      .take(BATCH)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    for (const row of due) {
      let next: Date | null = null;
      if (row.cron) {
        try {
          next = nextCronRun(row.cron, row.timezone, now);
        } catch {
          next = null; // checked when it was saved: should a later cron-parser refuse it, it stops rather than fire every tick
        }
      }
      // Until the operation has started (or been refused), the schedule says so: should the worker
      // stop in between, the run is not silently lost — it shows as not known to have started.
      await rows.update({ id: row.id }, {
        nextRunAt: next,
        enabled: next !== null,
        lastRunAt: now,
        lastRequestId: null,
        lastError: 'Claimed to start; the portal stopped before it could say whether it started (look for a request started by this schedule).',
        runCount: () => 'run_count + 1',
      } as Record<string, unknown>);
    }
    return due;
  }

  /** Starts the schedule's operation as its owner now; returns its request's id. */
  private async fire(row: ScheduledOperationEntity): Promise<string> {
    const principal = await this.auth.principalOf(row.ownerId);
    if (!principal) throw new AppError(ErrorCode.FORBIDDEN, 'Its owner’s account is disabled or gone: nothing was started.');
    if (!can(principal.rights, 'order')) {
      throw new AppError(ErrorCode.FORBIDDEN, 'Its owner may no longer order or act on services (their roles changed): nothing was started.');
    }
    const user = principal.user;
    const origin = { id: row.id, name: row.name };
    switch (row.action) {
      case 'order': {
        const request = await this.requests.order(
          user,
          { templateId: row.templateId!, dialogValues: row.dialogValues ?? {}, jobOptions: row.jobOptions },
          scopeOf(principal, 'catalog:read'),
          scopeOf(principal, 'order'),
          origin,
        );
        return request.id;
      }
      case 'heal':
        return (await this.lifecycle.heal(user, row.serviceId!, viewerOf(principal), origin)).id;
      case 'retire':
        return (await this.lifecycle.retire(user, row.serviceId!, viewerOf(principal), origin)).id;
    }
  }
}

const bothTimings = () =>
  validationFailed('Give either a date (runAt) or a cron expression (cron), not both.', { runAt: 'give runAt or cron', cron: 'give runAt or cron' });

function checkName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > NAME_MAX) {
    throw validationFailed(`Name the schedule (1 to ${NAME_MAX} characters).`, { name: trimmed ? `at most ${NAME_MAX} characters` : 'is required' });
  }
  return trimmed;
}

/** Why a run started nothing, in words its owner can act on (an unexpected error's own message may name internals). */
function plainReason(err: unknown): string {
  if (err instanceof AppError) {
    return err.code === ErrorCode.NOT_FOUND ? `${err.message} (or its owner may no longer see it): nothing was started.` : err.message;
  }
  return 'The portal could not start it (an unexpected error; the worker’s log has the details). It is tried again at its next run.';
}
