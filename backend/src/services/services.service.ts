import { sees, type Viewer } from '../auth/auth.decorators.js';
import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ProviderUsageQuery } from '../providers/provider.events.js';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { isUuid, notFound } from '../common/app-error.js';
import { EntityRows } from '../common/entity-rows.js';
import type { ServiceModel } from './models/service.model.js';
import { ServiceEntity } from './service.entity.js';

export interface NewService {
  name: string;
  requestId: string;
  templateId: string;
  ownerId: string;
  tenantId: string;
  providerId: string | null;
  /** Every provider it was deployed on, when there are several (`providerId` is always among them). */
  providerIds?: string[];
  outputs: Record<string, unknown>;
}

@Injectable()
export class ServicesService {
  private readonly rows: EntityRows<ServiceEntity>;

  constructor(@InjectRepository(ServiceEntity) private readonly services: Repository<ServiceEntity>) {
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

  /** Newest first; only those `viewer` owns unless they may see all. */
  list(skip: number, take: number, viewer?: Viewer): Promise<ServiceModel[]> {
    return this.services.find({
      where: viewer ? [{ ownerId: viewer.userId }, { tenantId: In(viewer.tenants) }] : {},
      order: { createdAt: 'DESC' },
      skip: Math.max(skip, 0),
      take: Math.min(Math.max(take, 1), 500),
    });
  }

  /** The service; NOT_FOUND also when the viewer may not see it (as if it did not exist). */
  async get(id: string, viewer?: Viewer): Promise<ServiceModel> {
    const service = isUuid(id) ? await this.services.findOneBy({ id }) : null;
    if (!service || !sees(viewer, service.ownerId, service.tenantId)) throw notFound('Service', id);
    return service;
  }

  /** The service a request made (read on every update of a request a client follows). */
  forRequest(requestId: string): Promise<ServiceModel | null> {
    return this.rows.findOne('request_id = $1', [requestId]);
  }

  /** Marks a service retired; false when it was not active. */
  async retire(id: string): Promise<boolean> {
    const result = await this.services.update({ id, status: 'active' }, { status: 'retired' });
    return (result.affected ?? 0) > 0;
  }

  /** Gives an active service the outputs of its reconfiguration; false when it is not active. */
  async reconfigured(id: string, outputs: Record<string, unknown>): Promise<boolean> {
    const result = await this.services.update({ id, status: 'active' }, { outputs: outputs as never });
    return (result.affected ?? 0) > 0;
  }

  /** A provider with active services cannot be deleted. */
  @OnEvent(ProviderUsageQuery.NAME)
  async onProviderUsage(query: ProviderUsageQuery): Promise<void> {
    query.usedBy.push(...(await this.activeOnProvider(query.providerId)));
  }

  /** Names of the active services deployed on a provider (any of a multi-site service's). */
  async activeOnProvider(providerId: string): Promise<string[]> {
    const rows = await this.services
      .createQueryBuilder('s')
      .where(`s.status = 'active'`)
      .andWhere('s.provider_ids @> ARRAY[CAST(:providerId AS uuid)]', { providerId })
      .orderBy('s.name', 'ASC')
      .take(20)
      .getMany();
    return rows.map((r) => `service "${r.name}"`);
  }
}
