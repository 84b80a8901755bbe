import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type SelectQueryBuilder } from 'typeorm';
import { validationFailed } from '../common/app-error.js';
import { truncate } from './audit-details.js';
import { AuditEventEntity, type AuditOutcome } from './audit-event.entity.js';
import type { AuditFilter } from './dto/audit-filter.input.js';
import type { AuditEventModel, AuditOutcomeEnum } from './models/audit-event.model.js';

/** What a caller records; `at` is the database's clock. */
export interface AuditEntry {
  actorId?: string | null;
  /** The username, or "anonymous" when nobody signed in. */
  actorName?: string | null;
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  outcome: AuditOutcome;
  errorCode?: string | null;
  message?: string | null;
  ip?: string | null;
  /** Already stripped of secrets (auditDetails). */
  details?: Record<string, unknown>;
}

export const ANONYMOUS = 'anonymous';
const MAX_MESSAGE = 300;
const MAX_TAKE = 500;
const EXPORT_BATCH = 500;

/**
 * The audit trail. Rows are only ever inserted: there is no update or delete here, and the
 * table's trigger refuses both. Recording never fails the caller's operation: a failed write
 * is logged as a warning.
 */
@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(@InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>) {}

  /** Appends rows; never throws (a failure is logged). */
  async record(...entries: AuditEntry[]): Promise<void> {
    if (!entries.length) return;
    try {
      await this.events.insert(
        entries.map((e) => ({
          actorId: e.actorId ?? null,
          actorName: e.actorName || ANONYMOUS,
          action: e.action,
          objectType: e.objectType ?? null,
          objectId: e.objectId == null ? null : truncate(e.objectId),
          outcome: e.outcome,
          errorCode: e.errorCode ?? null,
          message: e.message == null ? null : truncate(e.message, MAX_MESSAGE),
          ip: e.ip ?? '',
          // jsonb: TypeORM's deep-partial type cannot describe `unknown` values.
          details: (e.details ?? {}) as object,
        })),
      );
    } catch (err) {
      this.logger.warn(`could not record ${entries.map((e) => `${e.action} (${e.outcome})`).join(', ')} in the audit trail: ${(err as Error).message}`);
    }
  }

  /** Newest first: a page of `take` (at most 500) after `skip`. */
  async list(filter: AuditFilter = {}, skip = 0, take = 50): Promise<AuditEventModel[]> {
    if (!Number.isInteger(skip) || skip < 0) throw validationFailed('skip is 0 or more.', { skip: 'use 0 or more' });
    if (!Number.isInteger(take) || take < 1 || take > MAX_TAKE) throw validationFailed(`take is 1 to ${MAX_TAKE}.`, { take: `use 1 to ${MAX_TAKE}` });
    const rows = await this.filtered(filter).orderBy('e.at', 'DESC').addOrderBy('e.id', 'DESC').offset(skip).limit(take).getMany();
    return rows.map(toModel);
  }

  count(filter: AuditFilter = {}): Promise<number> {
    return this.filtered(filter).getCount();
  }

  /**
   * Every matching row, newest first, in batches: each batch continues after the last row of
   * the one before (by time and id, the time kept at PostgreSQL's microseconds), so rows
   * recorded meanwhile neither repeat nor shift the export.
   */
  async *export(filter: AuditFilter = {}): AsyncGenerator<AuditEventModel[]> {
    let after: { at: string; id: string } | null = null;
    for (;;) {
      const query = this.filtered(filter).addSelect('e.at::text', 'at_key').orderBy('e.at', 'DESC').addOrderBy('e.id', 'DESC').limit(EXPORT_BATCH);
      if (after) query.andWhere('(e.at, e.id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid))', { afterAt: after.at, afterId: after.id });
      const { entities, raw } = await query.getRawAndEntities<{ at_key: string }>();
      if (!entities.length) return;
      yield entities.map(toModel);
      if (entities.length < EXPORT_BATCH) return;
      after = { at: raw[raw.length - 1].at_key, id: entities[entities.length - 1].id };
    }
  }

  private filtered(filter: AuditFilter): SelectQueryBuilder<AuditEventEntity> {
    const query = this.events.createQueryBuilder('e');
    if (filter.actor) query.andWhere(`e.actorName ILIKE :actor ESCAPE '\\'`, { actor: `%${filter.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    if (filter.action) query.andWhere('e.action = :action', { action: filter.action });
    if (filter.objectType) query.andWhere('e.objectType = :objectType', { objectType: filter.objectType });
    if (filter.objectId) query.andWhere('e.objectId = :objectId', { objectId: filter.objectId });
    if (filter.outcome) query.andWhere('e.outcome = :outcome', { outcome: filter.outcome });
    if (filter.from) query.andWhere('e.at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('e.at <= :to', { to: filter.to });
    return query;
  }
}

const toModel = (row: AuditEventEntity): AuditEventModel => ({
  id: row.id,
  at: row.at,
  actorId: row.actorId,
  actorName: row.actorName,
  action: row.action,
  objectType: row.objectType,
  objectId: row.objectId,
  outcome: row.outcome as AuditOutcomeEnum,
  errorCode: row.errorCode,
  message: row.message,
  ip: row.ip,
  details: row.details,
});
