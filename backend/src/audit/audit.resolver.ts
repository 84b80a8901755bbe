import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../access/allow.decorator.js';
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
    @Args('filter', { type: () => AuditFilter, nullable: true }) filter: AuditFilter | null,
    @Args('skip', { type: () => Int, defaultValue: 0 }) skip: number,
    @Args('take', { type: () => Int, defaultValue: 50 }) take: number,
  ): Promise<AuditEventModel[]> {
    return this.audit.list(filter ?? {}, skip, take);
  }

  @Allow('audit:read')
  @Query(() => Int, { description: 'How many audit events match the filter.' })
  auditEventCount(@Args('filter', { type: () => AuditFilter, nullable: true }) filter: AuditFilter | null): Promise<number> {
    return this.audit.count(filter ?? {});
  }
}
