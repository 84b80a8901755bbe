import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { subtree } from '../access/permissions.js';
import type { TenantScope } from '../auth/auth.decorators.js';
import { isUuid, notFound, validationFailed } from '../common/app-error.js';
import { TenantsService } from '../tenants/tenants.service.js';
import { UsersService } from '../users/users.service.js';
import type { QuotaInput, QuotaModel } from './models/quota.model.js';
import { DIMENSION_NAME } from './quota-dimensions.js';
import { QuotaEntity } from './quota.entity.js';
import { type QuotaHolder, QuotaUsageQuery } from './quota.events.js';

/** A limit that applies to an order: its dimension, and whose use it counts. */
export interface AppliedQuota {
  id: string;
  dimension: string;
  limit: number;
  holder: QuotaHolder;
  /** In words, for QUOTA_EXCEEDED: `tenant East`, `user rita`. */
  holderName: string;
  /** What an order of this holder locks while it counts (tenant or user id). */
  lockKey: string;
}

const MAX_LIMIT = 1e12;

/**
 * Quotas: limits on what a tenant (with the tenants below it) or a user may hold. Stored here;
 * the use is counted where the orders are (the requests module, answering QuotaUsageQuery), and
 * checked there when an order is placed and when it is approved, under a lock.
 */
@Injectable()
export class QuotasService {
  constructor(
    @InjectRepository(QuotaEntity) private readonly quotas: Repository<QuotaEntity>,
    private readonly tenants: TenantsService,
    private readonly users: UsersService,
    private readonly events: EventEmitter2,
  ) {}

  /** The limits on an order by `user` of `tenantId`: the user's own, their tenant's, and those of every tenant above it. */
  async applicable(user: { id: string; username: string }, tenantId: string): Promise<AppliedQuota[]> {
    const rows = await this.quotas.query(
      `WITH RECURSIVE up(id, parent_id, name) AS (
         SELECT id, parent_id, name FROM tenants WHERE id = $2
         UNION SELECT t.id, t.parent_id, t.name FROM tenants t JOIN up ON t.id = up.parent_id)
       SELECT q.id, q.tenant_id, q.user_id, q.dimension, q."limit", up.name AS tenant_name
         FROM quotas q LEFT JOIN up ON up.id = q.tenant_id
        WHERE q.user_id = $1 OR q.tenant_id IN (SELECT id FROM up)`,
      [user.id, tenantId],
    );
    if (!rows.length) return [];
    const parents = await this.tenants.parents();
    return (rows as { id: string; tenant_id: string | null; dimension: string; limit: number; tenant_name: string | null }[]).map((r) => ({
      id: r.id,
      dimension: r.dimension,
      limit: r.limit,
      holder: r.tenant_id ? { tenants: subtree(parents, r.tenant_id) } : { requesterId: user.id },
      holderName: r.tenant_id ? `tenant ${r.tenant_name}` : `user ${user.username}`,
      lockKey: r.tenant_id ? `quota:tenant:${r.tenant_id}` : `quota:user:${user.id}`,
    }));
  }

  /** What applies to the caller, with the use now (their own quota page). */
  async mine(user: { id: string; username: string }, tenantId: string): Promise<QuotaModel[]> {
    const applied = await this.applicable(user, tenantId);
    if (!applied.length) return [];
    const rows = await this.quotas.findBy(applied.map((a) => ({ id: a.id })));
    return this.withUse(rows);
  }

  /** A tenant's quotas or a user's, with their use; NOT_FOUND for a tenant or user outside the scope. */
  async list(filter: { tenantId?: string | null; userId?: string | null }, scope?: TenantScope): Promise<QuotaModel[]> {
    if (filter.tenantId) await this.tenants.get(filter.tenantId, scope);
    if (filter.userId && !(await this.users.findById(filter.userId, scope))) throw notFound('User', filter.userId);
    const rows = await this.quotas.find({
      where: filter.tenantId ? { tenantId: filter.tenantId } : filter.userId ? { userId: filter.userId } : {},
      order: { dimension: 'ASC' },
    });
    const visible = scope ? await this.inScope(rows, scope) : rows;
    return this.withUse(visible);
  }

  /**
   * Sets a limit (replacing the one of the same holder and dimension). A tenant's limit is set by an
   * administrator of the tenant above it (the root's by a root administrator): a tenant does not
   * raise its own. A user's by an administrator of the user's tenant.
   */
  async set(input: QuotaInput, scope?: TenantScope): Promise<QuotaModel> {
    const dimension = input.dimension.trim();
    if (!DIMENSION_NAME.test(dimension)) {
      throw validationFailed('A dimension is a lower_snake_case name: services, requests_per_day, or one an item declares (vcpus...).', {
        dimension: 'is not a lower_snake_case name',
      });
    }
    if (!Number.isFinite(input.limit) || input.limit < 0 || input.limit > MAX_LIMIT) {
      throw validationFailed(`A limit is a number from 0 to ${MAX_LIMIT}.`, { limit: 'is out of range' });
    }
    if (!!input.tenantId === !!input.userId)
      throw validationFailed('A quota is either a tenant’s or a user’s: give tenantId or userId.', { tenantId: 'or userId' });
    await this.assertMayLimit(input, scope);
    const conflict = input.tenantId ? '("tenant_id", "dimension") WHERE "tenant_id" IS NOT NULL' : '("user_id", "dimension") WHERE "user_id" IS NOT NULL';
    const [row] = (await this.quotas.query(
      `INSERT INTO quotas (tenant_id, user_id, dimension, "limit") VALUES ($1, $2, $3, $4)
       ON CONFLICT ${conflict} DO UPDATE SET "limit" = EXCLUDED."limit", updated_at = now()
       RETURNING id`,
      [input.tenantId ?? null, input.userId ?? null, dimension, input.limit],
    )) as { id: string }[];
    const [model] = await this.withUse([await this.quotas.findOneByOrFail({ id: row.id })]);
    return model;
  }

  async delete(id: string, scope?: TenantScope): Promise<boolean> {
    const row = isUuid(id) ? await this.quotas.findOneBy({ id }) : null;
    if (!row || (scope && !(await this.inScope([row], scope)).length)) throw notFound('Quota', id);
    await this.assertMayLimit(row, scope);
    await this.quotas.delete({ id });
    return true;
  }

  /** NOT_FOUND for a tenant or user outside the scope; FORBIDDEN-as-NOT_FOUND for one's own top tenant. */
  private async assertMayLimit(input: { tenantId?: string | null; userId?: string | null }, scope?: TenantScope): Promise<void> {
    if (input.userId) {
      if (!(await this.users.findById(input.userId, scope))) throw notFound('User', input.userId);
      return;
    }
    const tenant = await this.tenants.get(input.tenantId!, scope);
    if (scope && tenant.parentId && !scope.tenants.includes(tenant.parentId)) {
      throw validationFailed('A tenant’s quota is set by an administrator of the tenant above it.', { tenantId: 'is not below a tenant you administer' });
    }
  }

  private async inScope(rows: QuotaEntity[], scope: TenantScope): Promise<QuotaEntity[]> {
    const out: QuotaEntity[] = [];
    for (const r of rows) {
      if (r.tenantId ? scope.tenants.includes(r.tenantId) : r.userId && (await this.users.findById(r.userId, scope))) out.push(r);
    }
    return out;
  }

  private async withUse(rows: QuotaEntity[]): Promise<QuotaModel[]> {
    if (!rows.length) return [];
    const parents = await this.tenants.parents();
    const names = new Map((await this.tenants.list()).map((t) => [t.id, t.name]));
    const out: QuotaModel[] = [];
    for (const r of rows) {
      const holder: QuotaHolder = r.tenantId ? { tenants: subtree(parents, r.tenantId) } : { requesterId: r.userId! };
      const query = new QuotaUsageQuery(r.dimension, [holder]);
      await this.events.emitAsync(QuotaUsageQuery.NAME, query);
      const user = r.userId ? await this.users.findById(r.userId) : null;
      out.push({
        id: r.id,
        tenant: r.tenantId ? { id: r.tenantId, name: names.get(r.tenantId) ?? r.tenantId } : null,
        user: user ? { id: user.id, username: user.username } : null,
        dimension: r.dimension,
        limit: r.limit,
        used: query.used[0] ?? 0,
      });
    }
    return out;
  }
}
