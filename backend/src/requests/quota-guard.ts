import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError, ErrorCode, validationFailed } from '../common/app-error.js';
import { askedOf } from '../quotas/quota-dimensions.js';
import { parseQuotaExpression } from '../quotas/quota-expression.js';
import { QuotaUsageQuery } from '../quotas/quota.events.js';
import { type AppliedQuota, QuotasService } from '../quotas/quotas.service.js';
import { RequestStore } from './request-store.js';

/** Whose order it is, and what it asks of the item's own dimensions. */
export interface QuotaOrder {
  user: { id: string; username: string };
  tenantId: string;
  amounts: Record<string, number>;
  /** Checking an order stored already (its approval): its own share is not counted twice. */
  requestId?: string;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Orders against quotas. An order is stored in the same transaction as its check, after locks
 * on every holder whose limit applies (the tenant, those above it, the user) — taken in one
 * order, so two concurrent orders of one holder are counted one after the other and cannot
 * together pass a limit. An order holds its share from then on (pending approval included)
 * until it fails, is denied or canceled, or its service retires.
 */
@Injectable()
export class QuotaGuard {
  constructor(
    private readonly quotas: QuotasService,
    private readonly store: RequestStore,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** What an order uses of each dimension its item declares (`quota: {vcpus: 'cpu * count'}`), from its values. */
  amounts(spec: Record<string, string> | null | undefined, values: Record<string, unknown>): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [dimension, source] of Object.entries(spec ?? {})) {
      try {
        out[dimension] = parseQuotaExpression(source).evaluate(values);
      } catch (err) {
        throw validationFailed(`The item counts ${dimension} as ${source}, which ${(err as Error).message} for this order.`, {
          [parseQuotaExpression(source).fields[0] ?? dimension]: `is needed as a number for the ${dimension} quota`,
        });
      }
      if (out[dimension] < 0) throw validationFailed(`The order would use a negative amount of ${dimension} (${out[dimension]}).`);
    }
    return out;
  }

  /**
   * Checks the order against every limit that applies and runs `store` (which writes it) in
   * the same transaction, under the holders' locks. QUOTA_EXCEEDED names the dimension, whose
   * limit it is, the limit, the use and what the order asks; nothing is stored then — unless
   * `overToApproval` (its item's approval rules say so): `store` is then given the refusal, and
   * stores an order that waits for an approver.
   */
  async reserve<T>(
    order: QuotaOrder,
    store: (tx: EntityManager | null, exceeded: AppError | null) => Promise<T>,
    { overToApproval = false }: { overToApproval?: boolean } = {},
  ): Promise<T> {
    const limits = await this.quotas.applicable(order.user, order.tenantId);
    if (!limits.length) return store(null, null);
    return this.db.transaction(async (tx) => {
      for (const key of [...new Set(limits.map((l) => l.lockKey))].sort()) await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
      try {
        for (const limit of limits) await this.check(tx, limit, order);
      } catch (err) {
        // An item whose policy sends such orders to an approver: stored, to wait for one.
        if (overToApproval && err instanceof AppError && err.code === ErrorCode.QUOTA_EXCEEDED) return store(tx, err);
        throw err;
      }
      return store(tx, null);
    });
  }

  private async check(tx: EntityManager, quota: AppliedQuota, order: QuotaOrder): Promise<void> {
    // An order stored already counted on its day: its approval asks no second order of the day.
    const asked = order.requestId && quota.dimension === 'requests_per_day' ? 0 : askedOf(quota.dimension, order.amounts);
    if (asked <= 0) return;
    const used = await this.store.quotaUse(quota.dimension, quota.holder, { tx, except: order.requestId });
    if (used + asked <= quota.limit) return;
    const what = order.requestId ? `request ${order.requestId}` : 'this order';
    throw new AppError(
      ErrorCode.QUOTA_EXCEEDED,
      `Quota exceeded: ${quota.dimension} of ${quota.holderName} — limit ${round(quota.limit)}, in use ${round(used)}, ${what} asks ${round(asked)}.`,
      { dimension: quota.dimension, holder: quota.holderName, limit: quota.limit, used, asked, ...(order.requestId ? { requestId: order.requestId } : {}) },
    );
  }

  /** The use of a quota now, for the quotas module's pages. */
  @OnEvent(QuotaUsageQuery.NAME)
  async onUsage(query: QuotaUsageQuery): Promise<void> {
    query.used = await Promise.all(query.holders.map((holder) => this.store.quotaUse(query.dimension, holder)));
  }
}
