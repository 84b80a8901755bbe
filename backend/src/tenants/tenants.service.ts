import { Injectable } from '@nestjs/common';
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
  constructor(@InjectRepository(TenantEntity) private readonly tenants: Repository<TenantEntity>) {}

  /** The whole tree, each tenant's parent by id: one small statement (tenants are few). */
  async parents(): Promise<Map<string, string | null>> {
    const rows = await this.tenants.find({ select: { id: true, parentId: true } });
    return new Map(rows.map((r) => [r.id, r.parentId]));
  }

  /** Every tenant, by name. */
  list(): Promise<TenantModel[]> {
    return this.tenants.find({ order: { name: 'ASC' } });
  }

  async get(id: string): Promise<TenantModel> {
    const row = isUuid(id) ? await this.tenants.findOneBy({ id }) : null;
    if (!row) throw notFound('Tenant', id);
    return row;
  }

  /** VALIDATION_FAILED on `field` unless every id names a tenant. */
  async assertExist(ids: string[], field: string): Promise<void> {
    const known = await this.parents();
    const missing = ids.find((id) => !known.has(id));
    if (missing !== undefined) throw validationFailed(`Tenant ${missing} does not exist.`, { [field]: `tenant ${missing} does not exist` });
  }

  async save(id: string | null, input: TenantInput): Promise<TenantModel> {
    const name = input.name.trim();
    if (name.length < 1 || name.length > 100) throw validationFailed('Name the tenant (1 to 100 characters).', { name: 'use 1 to 100 characters' });
    const row = id ? await this.get(id) : this.tenants.create({});
    const parents = await this.parents();
    if (id === ROOT_TENANT_ID) {
      if (input.parentId) throw validationFailed('The root tenant has no parent.', { parentId: 'the root tenant has none' });
    } else {
      const parentId = input.parentId ?? row.parentId ?? ROOT_TENANT_ID;
      if (!parents.has(parentId)) throw validationFailed(`Tenant ${parentId} does not exist.`, { parentId: 'does not exist' });
      if (id && subtree(parents, id).includes(parentId)) {
        throw validationFailed('A tenant cannot be moved under itself or one of its sub-tenants.', { parentId: 'is the tenant or below it' });
      }
      row.parentId = parentId;
    }
    row.name = name;
    row.description = (input.description ?? row.description ?? '').trim();
    try {
      return await this.tenants.save(row);
    } catch (err) {
      if ((err as { driverError?: { code?: string } }).driverError?.code === '23505') {
        throw new AppError(ErrorCode.CONFLICT, `A tenant "${name}" already exists.`, { fields: { name: 'is taken' } });
      }
      throw err;
    }
  }

  /** Deletes an empty tenant: CONFLICT while it has sub-tenants, users, groups, catalog items, requests or services. */
  async delete(id: string): Promise<boolean> {
    if (id === ROOT_TENANT_ID) throw new AppError(ErrorCode.CONFLICT, 'The root tenant cannot be deleted.');
    await this.get(id);
    try {
      await this.tenants.delete({ id });
    } catch (err) {
      if (!isForeignKeyViolation(err)) throw err;
      throw new AppError(
        ErrorCode.CONFLICT,
        'This tenant still has sub-tenants, users, groups, catalog items, requests or services: move or delete them first.',
      );
    }
    return true;
  }
}
