import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '../access/allow.decorator.js';
import { type CatalogViewer, CurrentCatalogViewer, CurrentUser, CurrentViewer, InTenants, type TenantScope, type Viewer } from '../auth/auth.decorators.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { ServicesService } from '../services/services.service.js';
import { UserModel } from '../users/models/user.model.js';
import { CreateScheduledOperationInput, UpdateScheduledOperationInput } from './dto/schedule.input.js';
import { ScheduledOperationModel } from './models/scheduled-operation.model.js';
import type { ScheduledOperationEntity } from './scheduled-operation.entity.js';
import { SchedulesService } from './schedules.service.js';

const asModel = (row: ScheduledOperationEntity): ScheduledOperationModel => ({
  id: row.id,
  name: row.name,
  action: row.action,
  templateId: row.templateId,
  dialogValues: row.dialogValues,
  serviceId: row.serviceId,
  runAt: row.runAt,
  cron: row.cron,
  timezone: row.timezone,
  enabled: row.enabled,
  nextRunAt: row.nextRunAt,
  lastRunAt: row.lastRunAt,
  lastRequestId: row.lastRequestId,
  lastError: row.lastError,
  runCount: row.runCount,
  ownerId: row.ownerId,
  tenantId: row.tenantId,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

@Resolver(() => ScheduledOperationModel)
export class SchedulesResolver {
  constructor(
    private readonly schedules: SchedulesService,
    private readonly catalog: CatalogService,
    private readonly services: ServicesService,
  ) {}

  @Allow('requests:read')
  @Query(() => [ScheduledOperationModel], {
    description:
      'Scheduled operations the caller may see (their own; their tenants’ with requests:all), the next to fire first; of one service when serviceId is given.',
  })
  async scheduledOperations(
    @CurrentViewer() viewer: Viewer,
    @Args('serviceId', { type: () => ID, nullable: true }) serviceId: string | null,
    @Args('take', { type: () => Int, defaultValue: 50 }) take: number,
    @Args('skip', { type: () => Int, defaultValue: 0 }) skip: number,
  ): Promise<ScheduledOperationModel[]> {
    return (await this.schedules.list(viewer, serviceId, skip, take)).map(asModel);
  }

  @Allow('requests:read')
  @Query(() => Int, { description: 'How many scheduled operations scheduledOperations would list in all.' })
  scheduledOperationsCount(@CurrentViewer() viewer: Viewer, @Args('serviceId', { type: () => ID, nullable: true }) serviceId: string | null): Promise<number> {
    return this.schedules.count(viewer, serviceId);
  }

  @Allow('requests:read')
  @Query(() => ScheduledOperationModel, { description: 'A scheduled operation (NOT_FOUND when the caller may not see it).' })
  async scheduledOperation(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string): Promise<ScheduledOperationModel> {
    return asModel(await this.schedules.get(id, viewer));
  }

  @Allow('order')
  @Mutation(() => ScheduledOperationModel, {
    description:
      'Schedule an order (templateId, dialogValues: checked now as an order would be), a heal or a retirement (serviceId: an active service the caller may act on), once at runAt or on a cron expression in a time zone. It starts as the caller, with the rights they have when it fires.',
  })
  async createScheduledOperation(
    @CurrentUser() user: UserModel,
    @CurrentViewer() viewer: Viewer,
    @CurrentCatalogViewer() catalog: CatalogViewer,
    @InTenants('order') order: TenantScope,
    @Args('input') input: CreateScheduledOperationInput,
  ): Promise<ScheduledOperationModel> {
    return asModel(await this.schedules.create({ user, viewer, catalog, order }, input));
  }

  @Allow('order')
  @Mutation(() => ScheduledOperationModel, { description: 'Rename, re-time, pause (enabled: false) or resume (enabled: true) a scheduled operation.' })
  async updateScheduledOperation(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateScheduledOperationInput,
  ): Promise<ScheduledOperationModel> {
    return asModel(await this.schedules.update(id, input, viewer));
  }

  @Allow('order')
  @Mutation(() => Boolean, { description: 'Delete a scheduled operation; the requests it started stay.' })
  deleteScheduledOperation(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.schedules.remove(id, viewer);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'What it acts on, by name: the catalog item an order orders, or the service healed or retired (null when it is gone).',
  })
  async targetName(@Parent() row: ScheduledOperationModel): Promise<string | null> {
    if (row.templateId) return (await this.catalog.template(row.templateId))?.name ?? null;
    if (row.serviceId) return (await this.services.get(row.serviceId).catch(() => null))?.name ?? null;
    return null;
  }
}
