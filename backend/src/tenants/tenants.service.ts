import type { TenantScope } from '../auth/auth.decorators.js';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { TenantsChangedEvent } from './tenants.events.js';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { subtree } from '../access/permissions.js';
import { AppError, ErrorCode, isUuid, notFound, validationFailed } from '../common/app-error.js';
import { isForeignKeyViolation } from '../common/foreign-keys.js';
import { ROOT_TENANT_ID } from '../database/migrations/1765820000000-Tenants.js';
import type { TenantInput } from './dto/tenant.input.js';
import type { TenantModel } from './models/tenant.model.js';
import { TenantEntity } from './tenant.entity.js';

export { ROOT_TENANT_ID };

@Injectable()
export class TenantsService {
  constructor(
    @InjectRepository(TenantEntity) private readonly tenants: Repository<TenantEntity>,
    private readonly events: EventEmitter2,
  ) {}

  /** The whole tree, each tenant's parent by id: one small statement (tenants are few). */
  async parents(): Promise<Map<string, string | null>> {
    const rows = await this.tenants.find({ select: { id: true, parentId: true } });
    return new Map(rows.map((r) => [r.id, r.parentId]));
  }

  /** Every tenant, by name. */
  list(): Promise<TenantModel[]> {
    return this.tenants.find({ order: { name: 'ASC' } });
  }

  /** The tenant; NOT_FOUND also when not among the scope's tenants. */
  async get(id: string, scope?: TenantScope): Promise<TenantModel> {
    const row = isUuid(id) ? await this.tenants.findOneBy({ id }) : null;
    if (!row || (scope && !scope.tenants.includes(row.id))) throw notFound('Tenant', id);
    return row;
  }

  /** VALIDATION_FAILED on `field` unless every id names a tenant. */
  async assertExist(ids: string[], field: string): Promise<void> {
    const known = await this.parents();
    const missing = ids.find((id) => !known.has(id));
    if (missing !== undefined) throw validationFailed(`Tenant ${missing} does not exist.`, { [field]: `tenant ${missing} does not exist` });
  }

  /** VALIDATION_FAILED on `field` unless every id names a tenant of the scope (any tenant without one). */
  async assertWithin(ids: string[], field: string, scope?: TenantScope): Promise<void> {
    if (!scope) return this.assertExist(ids, field);
    const outside = ids.find((id) => !scope.tenants.includes(id));
    if (outside !== undefined) {
      throw validationFailed(`Tenant ${outside} does not exist or is not one of yours: share with your tenant and those below it.`, {
        [field]: `tenant ${outside} is not one of yours`,
      });
    }
  }

  /** Creates (id null) or changes a tenant; with a scope, only within its tenants (a new one under one of them). */
  async save(id: string | null, input: TenantInput, scope?: TenantScope): Promise<TenantModel> {
    const name = input.name.trim();
    if (name.length < 1 || name.length > 100) throw validationFailed('Name the tenant (1 to 100 characters).', { name: 'use 1 to 100 characters' });
    const row = id ? await this.get(id, scope) : this.tenants.create({});
    const parents = await this.parents();
    if (id === ROOT_TENANT_ID) {
      if (input.parentId) throw validationFailed('The root tenant has no parent.', { parentId: 'the root tenant has none' });
    } else {
      const parentId = input.parentId ?? row.parentId ?? ROOT_TENANT_ID;
      // A new tenant, or one that moves, goes under a tenant the caller administers (renaming one's own top tenant keeps its parent).
      const placing = !id || parentId !== row.parentId;
      if (!parents.has(parentId) || (placing && scope && !scope.tenants.includes(parentId))) {
        throw validationFailed(`Tenant ${parentId} does not exist or is not yours to administer.`, { parentId: 'is not a tenant you administer' });
      }
      if (id && subtree(parents, id).includes(parentId)) {
        throw validationFailed('A tenant cannot be moved under itself or one of its sub-tenants.', { parentId: 'is the tenant or below it' });
      }
      row.parentId = parentId;
    }
    row.name = name;
    row.description = (input.description ?? row.description ?? '').trim();
    try {
      const saved = await this.tenants.save(row);
      this.events.emit(TenantsChangedEvent.NAME, new TenantsChangedEvent());
      return saved;
    } catch (err) {
      if ((err as { driverError?: { code?: string } }).driverError?.code === '23505') {
        throw new AppError(ErrorCode.CONFLICT, `A tenant "${name}" already exists.`, { fields: { name: 'is taken' } });
      }
      throw err;
    }
  }

  /** Deletes an empty tenant: CONFLICT while it has sub-tenants, users, groups, catalog items, requests or services. */
  async delete(id: string, scope?: TenantScope): Promise<boolean> {
    await this.get(id, scope);
    if (id === ROOT_TENANT_ID) throw new AppError(ErrorCode.CONFLICT, 'The root tenant cannot be deleted.');
    try {
      await this.tenants.delete({ id });
    } catch (err) {
      if (!isForeignKeyViolation(err)) throw err;
      throw new AppError(
        ErrorCode.CONFLICT,
        'This tenant still has sub-tenants, users, groups, catalog items, dialogs, providers, repositories, requests or services: move or delete them first.',
      );
    }
    this.events.emit(TenantsChangedEvent.NAME, new TenantsChangedEvent());
    return true;
  }
}
