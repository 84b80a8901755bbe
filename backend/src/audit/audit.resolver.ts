import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../access/allow.decorator.js';
import { InTenants, type TenantScope } from '../auth/auth.decorators.js';
import { ROOT_TENANT_ID } from '../tenants/tenants.service.js';
import { AuditService } from './audit.service.js';
import { AuditFilter } from './dto/audit-filter.input.js';
import { AuditEventModel } from './models/audit-event.model.js';

/** Reads the audit trail. There is deliberately no mutation: the trail is append-only. */
@Resolver(() => AuditEventModel)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Allow('audit:read')
  @Query(() => [AuditEventModel], { description: 'The audit trail, newest first: a page of `take` (at most 500) after `skip`.' })
  auditEvents(
    @InTenants('audit:read') scope: TenantScope,
    @Args('filter', { type: () => AuditFilter, nullable: true }) filter: AuditFilter | null,
    @Args('skip', { type: () => Int, defaultValue: 0 }) skip: number,
    @Args('take', { type: () => Int, defaultValue: 50 }) take: number,
  ): Promise<AuditEventModel[]> {
    // The trail is not yet split by tenant: it is read in the root tenant only (elsewhere it holds nothing for the caller).
    if (!scope.tenants.includes(ROOT_TENANT_ID)) return Promise.resolve([]);
    return this.audit.list(filter ?? {}, skip, take);
  }

  @Allow('audit:read')
  @Query(() => Int, { description: 'How many audit events match the filter.' })
  auditEventCount(
    @InTenants('audit:read') scope: TenantScope,
    @Args('filter', { type: () => AuditFilter, nullable: true }) filter: AuditFilter | null,
  ): Promise<number> {
    if (!scope.tenants.includes(ROOT_TENANT_ID)) return Promise.resolve(0);
    return this.audit.count(filter ?? {});
  }
}
