import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '../access/allow.decorator.js';
import { CurrentUser, CurrentViewer, InTenants, type TenantScope, type Viewer } from '../auth/auth.decorators.js';
import { UserModel } from '../users/models/user.model.js';
import type { PerformanceJobEntity, ThresholdOperator } from './performance.entities.js';
import {
  CreatePerformanceJobInput,
  CreateProviderPerformanceJobInput,
  CreatePerformanceThresholdInput,
  PerformanceJobModel,
  PerformanceSampleModel,
  PerformanceThresholdModel,
} from './performance.models.js';
import { PerformanceService } from './performance.service.js';

const asModel = (job: PerformanceJobEntity): PerformanceJobModel => ({
  id: job.id,
  serviceId: job.serviceId,
  name: job.name,
  metric: job.metric,
  url: job.source.kind === 'http' ? job.source.url : null,
  providerId: job.source.kind === 'kubernetes' || job.source.kind === 'openstack' ? job.source.providerId : null,
  namespace: job.source.kind === 'kubernetes' ? job.source.namespace : null,
  deployment: job.source.kind === 'kubernetes' ? job.source.deployment : null,
  stack: job.source.kind === 'openstack' ? job.source.stack : null,
  playbook: job.source.kind === 'playbook' ? job.source.playbook : null,
  stat: job.source.kind === 'playbook' ? job.source.stat : null,
  intervalSeconds: job.intervalSeconds,
  createdAt: job.createdAt,
});

@Resolver(() => PerformanceJobModel)
export class PerformanceResolver {
  constructor(private readonly performance: PerformanceService) {}

  @Allow('requests:read')
  @Query(() => [PerformanceJobModel], { description: 'The performance jobs of a service (NOT_FOUND when the caller may not see it).' })
  async performanceJobs(@CurrentViewer() viewer: Viewer, @Args('serviceId', { type: () => ID }) serviceId: string): Promise<PerformanceJobModel[]> {
    return (await this.performance.jobsOf(serviceId, viewer)).map(asModel);
  }

  @Allow('providers:read')
  @Query(() => [PerformanceJobModel], {
    description: 'A provider’s own performance jobs (not those of the services on it); NOT_FOUND when the caller may not see it.',
  })
  async providerPerformanceJobs(
    @InTenants('providers:read') scope: TenantScope,
    @Args('providerId', { type: () => ID }) providerId: string,
  ): Promise<PerformanceJobModel[]> {
    return (await this.performance.jobsOfProvider(providerId, scope)).map(asModel);
  }

  @Allow('requests:read')
  @Query(() => PerformanceJobModel, { description: 'A performance job: of a service the caller sees, or of a provider they see.' })
  async performanceJob(
    @CurrentViewer() viewer: Viewer,
    @InTenants('providers:read') providers: TenantScope,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<PerformanceJobModel> {
    return asModel(await this.performance.job(id, viewer, providers));
  }

  @Allow('order')
  @Mutation(() => PerformanceJobModel, {
    description: 'Create a performance job: the metric of the service is sampled every intervalSeconds (the first sample within seconds).',
  })
  async createPerformanceJob(
    @CurrentUser() user: UserModel,
    @CurrentViewer() viewer: Viewer,
    @InTenants('providers:write') providers: TenantScope,
    @Args('input') input: CreatePerformanceJobInput,
  ): Promise<PerformanceJobModel> {
    return asModel(await this.performance.createJob(input, user.id, viewer, providers));
  }

  @Allow('providers:write')
  @Mutation(() => PerformanceJobModel, {
    description: 'Create a performance job about a provider itself: a metric read from its API every intervalSeconds (its own tenant’s providers).',
  })
  async createProviderPerformanceJob(
    @CurrentUser() user: UserModel,
    @InTenants('providers:write') scope: TenantScope,
    @Args('input') input: CreateProviderPerformanceJobInput,
  ): Promise<PerformanceJobModel> {
    return asModel(await this.performance.createProviderJob(input, user.id, scope));
  }

  @Allow('order')
  @Mutation(() => Boolean, {
    description:
      'Delete a performance job with its samples and thresholds; the alarms its thresholds raised are cleared. A provider’s job needs providers:write on it.',
  })
  deletePerformanceJob(
    @CurrentViewer() viewer: Viewer,
    @InTenants('providers:write') providers: TenantScope,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    return this.performance.deleteJob(id, viewer, providers);
  }

  @Allow('order')
  @Mutation(() => PerformanceThresholdModel, {
    description: 'Create a threshold on a performance job’s metric: crossing it raises an alarm, coming back clears it.',
  })
  createPerformanceThreshold(
    @CurrentViewer() viewer: Viewer,
    @InTenants('providers:write') providers: TenantScope,
    @Args('input') input: CreatePerformanceThresholdInput,
  ): Promise<PerformanceThresholdModel> {
    return this.performance.createThreshold({ ...input, operator: input.operator as ThresholdOperator }, viewer, providers);
  }

  @Allow('order')
  @Mutation(() => Boolean, { description: 'Delete a threshold; its open alarm is cleared.' })
  deletePerformanceThreshold(
    @CurrentViewer() viewer: Viewer,
    @InTenants('providers:write') providers: TenantScope,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    return this.performance.deleteThreshold(id, viewer, providers);
  }

  @ResolveField(() => [PerformanceThresholdModel])
  thresholds(@Parent() job: PerformanceJobModel): Promise<PerformanceThresholdModel[]> {
    return this.performance.thresholds(job.id);
  }

  @ResolveField(() => [PerformanceSampleModel], { description: 'Its samples of the last `minutes` (60), oldest first; at most the newest 1000.' })
  samples(@Parent() job: PerformanceJobModel, @Args('minutes', { type: () => Int, defaultValue: 60 }) minutes: number): Promise<PerformanceSampleModel[]> {
    return this.performance.samples(job.id, new Date(Date.now() - Math.min(Math.max(minutes, 1), 30 * 24 * 60) * 60_000));
  }
}
