import { sees, type Viewer } from '../auth/auth.decorators.js';
import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ProviderUsageQuery } from '../providers/provider.events.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { VnfPackageUsageQuery } from '../vnf-packages/vnf-package.events.js';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, IsNull, Repository, type SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { AppError, ErrorCode, isUuid, notFound, validationFailed } from '../common/app-error.js';
import { EntityRows } from '../common/entity-rows.js';
import { checkDateRange, checkId, checkPage, SortDirection } from '../common/list-query.js';
import { type ServiceFilter, type ServiceSort, ServiceSortField } from './dto/service-list.input.js';
import type { ServiceModel } from './models/service.model.js';
import { ServiceEntity, type ServiceStatus } from './service.entity.js';

export interface NewService {
  /** The id fixed when it was ordered (its playbooks' superfluid_service_id); generated when absent. */
  id?: string;
  name: string;
  requestId: string;
  templateId: string;
  ownerId: string;
  tenantId: string;
  /** The groups that see it besides its owner. */
  groupIds?: string[];
  providerId: string | null;
  /** Every provider it was deployed on, when there are several (`providerId` is always among them). */
  providerIds?: string[];
  outputs: Record<string, unknown>;
  retiresAt?: Date | null;
  maxRetiresAt?: Date | null;
  retirementWarnDays?: number;
}

/** Sortable fields → their properties (an allow-list: nothing else reaches ORDER BY). */
const DAY_MS = 86_400_000;

const SORT_COLUMNS: Record<ServiceSortField, string> = { createdAt: 's.createdAt', name: 's.name', status: 's.status' };

@Injectable()
export class ServicesService {
  private readonly rows: EntityRows<ServiceEntity>;

  constructor(
    @InjectRepository(ServiceEntity) private readonly services: Repository<ServiceEntity>,
    private readonly catalog: CatalogService,
  ) {
    this.rows = new EntityRows(services.manager.connection, ServiceEntity);
  }

  /** Creates the service of a finished request; false when the request has made its service already (one per request). */
  async create(input: NewService): Promise<boolean> {
    const providerIds = [...new Set([...(input.providerId ? [input.providerId] : []), ...(input.providerIds ?? [])])];
    const inserted = await this.services
      .createQueryBuilder()
      .insert()
      .into(ServiceEntity)
      .values({ ...input, providerIds } as QueryDeepPartialEntity<ServiceEntity>)
      .orIgnore() // ON CONFLICT DO NOTHING: request_id is unique
      .returning(['id'])
      .execute();
    return (inserted.raw as unknown[]).length > 0;
  }

  /**
   * A page of the services `viewer` may see (those they own, and those of their tenants) that
   * match `filter`, newest first unless `sort` says otherwise (ties newest first, then by id).
   */
  list(skip: number, take: number, viewer?: Viewer, filter?: ServiceFilter | null, sort?: ServiceSort | null): Promise<ServiceModel[]> {
    checkPage(skip, take);
    const qb = this.matching(filter, viewer).orderBy(SORT_COLUMNS[sort?.field ?? ServiceSortField.createdAt], sort?.direction ?? SortDirection.DESC);
    if (sort?.field && sort.field !== ServiceSortField.createdAt) qb.addOrderBy('s.createdAt', 'DESC');
    return qb.addOrderBy('s.id', 'DESC').offset(skip).limit(take).getMany();
  }

  /** How many services `viewer` may see match `filter`. */
  count(viewer?: Viewer, filter?: ServiceFilter | null): Promise<number> {
    return this.matching(filter, viewer).getCount();
  }

  private matching(filter: ServiceFilter | null | undefined, viewer: Viewer | undefined): SelectQueryBuilder<ServiceEntity> {
    const f = filter ?? {};
    for (const field of ['templateId', 'ownerId', 'tenantId'] as const) checkId(field, f[field]);
    checkDateRange(f.createdAfter, f.createdBefore);
    const qb = this.services.createQueryBuilder('s');
    if (viewer)
      qb.andWhere('(s.owner_id = :me OR s.tenant_id = ANY(CAST(:tenants AS uuid[])) OR s.group_ids && CAST(:groups AS uuid[]))', {
        me: viewer.userId,
        tenants: viewer.tenants,
        groups: viewer.groups,
      });
    if (f.statuses) qb.andWhere('s.status = ANY(CAST(:statuses AS text[]))', { statuses: f.statuses });
    if (f.templateId) qb.andWhere('s.template_id = :templateId', { templateId: f.templateId });
    if (f.ownerId) qb.andWhere('s.owner_id = :ownerId', { ownerId: f.ownerId });
    if (f.tenantId) qb.andWhere('s.tenant_id = :tenantId', { tenantId: f.tenantId });
    if (f.createdAfter) qb.andWhere('s.created_at >= :createdAfter', { createdAfter: f.createdAfter });
    // The API's dates have milliseconds, the column microseconds: "at or before" takes the whole millisecond.
    if (f.createdBefore) qb.andWhere('s.created_at < :createdBefore', { createdBefore: new Date(f.createdBefore.getTime() + 1) });
    const name = f.nameContains?.trim();
    if (name) qb.andWhere(`s.name ILIKE :name ESCAPE '\\'`, { name: `%${name.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    return qb;
  }

  /** The service; NOT_FOUND also when the viewer may not see it (as if it did not exist). */
  async get(id: string, viewer?: Viewer): Promise<ServiceModel> {
    const service = isUuid(id) ? await this.services.findOneBy({ id }) : null;
    if (!service || !sees(viewer, service.ownerId, service.tenantId, service.groupIds)) throw notFound('Service', id);
    return service;
  }

  /** The service a request made (read on every update of a request a client follows). */
  forRequest(requestId: string): Promise<ServiceModel | null> {
    return this.rows.findOne('request_id = $1', [requestId]);
  }

  /**
   * Moves an active service's retirement date (its owner, or whoever acts on their services):
   * in the future and, when its item gives a longest lifetime, not after it. The warning is
   * sent again before the new date.
   */
  async extendRetirement(id: string, retiresAt: Date, now: Date, viewer?: Viewer): Promise<ServiceModel> {
    const service = await this.get(id, viewer);
    if (service.status !== 'active') throw new AppError(ErrorCode.CONFLICT, `This service is ${service.status}: it has no retirement date to move.`);
    if (Number.isNaN(retiresAt.getTime()) || retiresAt.getTime() <= now.getTime()) {
      throw validationFailed('The retirement date must be in the future.', { retiresAt: 'is not in the future' });
    }
    // The whole last day counts: a date picker's last day, at any hour, is within it.
    if (service.maxRetiresAt && retiresAt.getTime() > service.maxRetiresAt.getTime() + DAY_MS) {
      const latest = service.maxRetiresAt.toISOString().slice(0, 10);
      throw validationFailed(`This service may live until ${latest} at the latest (its item’s longest lifetime).`, { retiresAt: `is after ${latest}` });
    }
    await this.services.update({ id, status: 'active' }, { retiresAt, retirementWarnedAt: null, retirementStartedAt: null });
    return this.get(id, viewer);
  }

  /** Active services whose warning is due at `now` and not sent yet (oldest date first). */
  dueForWarning(now: Date): Promise<ServiceEntity[]> {
    return this.rows.find(
      `status = 'active' AND retires_at IS NOT NULL AND retirement_warned_at IS NULL AND retires_at - make_interval(secs => retirement_warn_days * 86400) <= $1`,
      [now],
      'retires_at LIMIT 200',
    );
  }

  /** Marks the warning sent; false when another process did it first. */
  async markWarned(id: string, at: Date): Promise<boolean> {
    const result = await this.services.update({ id, retirementWarnedAt: IsNull() }, { retirementWarnedAt: at });
    return (result.affected ?? 0) > 0;
  }

  /** Active services whose retirement date has come at `now` and whose retirement was not started yet (oldest date first). */
  dueForRetirement(now: Date): Promise<ServiceEntity[]> {
    return this.rows.find(`status = 'active' AND retires_at IS NOT NULL AND retires_at <= $1 AND retirement_started_at IS NULL`, [now], 'retires_at LIMIT 200');
  }

  /** Claims the start of a service's date retirement; false when another process did, or it was started already. */
  async markRetirementStarted(id: string, at: Date): Promise<boolean> {
    const result = await this.services.update({ id, retirementStartedAt: IsNull() }, { retirementStartedAt: at });
    return (result.affected ?? 0) > 0;
  }

  /** Marks a service retired; false when it was not active. */
  async retire(id: string, tx?: EntityManager): Promise<boolean> {
    const result = await (tx ?? this.services.manager).getRepository(ServiceEntity).update({ id, status: 'active' }, { status: 'retired' });
    return (result.affected ?? 0) > 0;
  }

  /**
   * Deletes a retired service's record (the requests that made, changed and retired it stay, and
   * so does the audit trail); false when it is not retired (any more).
   */
  async remove(id: string): Promise<boolean> {
    const result = await this.services.delete({ id, status: 'retired' });
    return (result.affected ?? 0) > 0;
  }

  /** Gives an active service the providers a migration moved it to; false when it is not active. */
  async moved(id: string, providerIds: string[]): Promise<boolean> {
    const result = await this.services.update({ id, status: 'active' }, { providerIds: [...new Set(providerIds)] });
    return (result.affected ?? 0) > 0;
  }

  /** Gives an active service the outputs of its reconfiguration; false when it is not active. */
  async reconfigured(id: string, outputs: Record<string, unknown>): Promise<boolean> {
    const result = await this.services.update({ id, status: 'active' }, { outputs: outputs as never });
    return (result.affected ?? 0) > 0;
  }

  /**
   * A provider any service was deployed on (on any of its sites) cannot be deleted: an active
   * one uses it, a retired one keeps it for its history (the service's providers, its
   * requests and jobs name it).
   */
  @OnEvent(ProviderUsageQuery.NAME)
  async onProviderUsage(query: ProviderUsageQuery): Promise<void> {
    const [active, retired] = await Promise.all([this.onProvider(query.providerId, 'active'), this.onProvider(query.providerId, 'retired')]);
    query.usedBy.push(...active);
    query.keptBy.push(...retired);
  }

  /** A VNF package an active service was deployed from (a catalog item deploying it) is in use until the service is retired. */
  @OnEvent(VnfPackageUsageQuery.NAME)
  async onVnfPackageUsage(query: VnfPackageUsageQuery): Promise<void> {
    const templates = await this.catalog.deployingVnfPackage(query.name, query.repoName);
    if (!templates.length) return;
    const rows = await this.services.find({
      where: { status: 'active', templateId: In(templates.map((t) => t.id)) },
      select: { name: true, tenantId: true },
      order: { name: 'ASC' },
      take: 20,
    });
    query.usedBy.push(...rows.map((r) => ({ what: `service "${r.name}"`, tenantId: r.tenantId })));
  }

  /** How many active services each tenant has (tenants with none are left out). */
  async activeCountsByTenant(): Promise<{ tenantId: string; count: number }[]> {
    return (await this.services.query(`SELECT tenant_id AS "tenantId", count(*)::int AS count FROM services WHERE status = 'active' GROUP BY tenant_id`)) as {
      tenantId: string;
      count: number;
    }[];
  }

  /** Names of the services in `status` deployed on a provider (any of a multi-site service's sites), at most 20. */
  async onProvider(providerId: string, status: ServiceStatus): Promise<string[]> {
    const rows = await this.services
      .createQueryBuilder('s')
      .where('s.status = :status', { status })
      .andWhere('(s.provider_ids @> ARRAY[CAST(:providerId AS uuid)] OR s.provider_id = :providerId)', { providerId })
      .orderBy('s.name', 'ASC')
      .take(20)
      .getMany();
    return rows.map((r) => `service "${r.name}"`);
  }
}
