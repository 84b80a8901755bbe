import { Allow } from '../access/allow.decorator.js';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { CurrentUser, CurrentViewer, type Viewer } from '../auth/auth.decorators.js';
import { UserModel } from '../users/models/user.model.js';
import { JobStreamsService } from './job-streams.service.js';
import { JobsService } from './jobs.service.js';
import { HostSummaryModel, JobEventModel, JobModel, LogChunkModel } from './models/job.model.js';

@Resolver(() => JobModel)
export class JobsResolver {
  constructor(
    private readonly jobs: JobsService,
    private readonly streams: JobStreamsService,
  ) {}

  @Allow('requests:read')
  @Query(() => JobModel, { nullable: true })
  job(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string): Promise<JobModel> {
    return this.jobs.get(id, viewer);
  }

  @Allow('order')
  @Mutation(() => JobModel, {
    description: 'Stop a running job: SIGTERM to ansible, SIGKILL 10 s later. It ends `canceled`, its output kept. CONFLICT when it has already ended.',
  })
  cancelJob(@CurrentUser() user: UserModel, @CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string): Promise<JobModel> {
    return this.jobs.cancel(id, user.id, viewer);
  }

  @ResolveField(() => String, { description: 'Human-readable output, with ANSI colours.' })
  stdout(@Parent() job: JobModel): Promise<string> {
    return this.jobs.stdoutOf(job.id);
  }

  @ResolveField(() => [HostSummaryModel], { description: "Ansible's recap per host, once the run has ended." })
  hostSummaries(@Parent() job: JobModel): HostSummaryModel[] {
    return Object.entries(job.hostSummaries ?? {}).map(([host, c]) => ({ host, ...c }));
  }

  @ResolveField(() => Boolean, {
    nullable: true,
    description: 'Whether every event Ansible emitted was stored (eventsEmitted = eventCount); null until the run has ended.',
  })
  eventsComplete(@Parent() job: JobModel): boolean | null {
    return job.eventsEmitted === null ? null : job.eventsEmitted === job.eventCount;
  }

  @ResolveField(() => [JobEventModel], { description: 'Stored events after a sequence number, in order.' })
  events(
    @Parent() job: JobModel,
    @Args('afterSeq', { type: () => Int, defaultValue: 0 }) afterSeq: number,
    @Args('limit', { type: () => Int, defaultValue: 1000 }) limit: number,
  ): Promise<JobEventModel[]> {
    return this.jobs.eventsAfter(job.id, afterSeq, limit);
  }

  @Allow('requests:read')
  @Subscription(() => JobEventModel, {
    description: "A job's events: those stored after `afterSeq`, then live ones until the job ends. No gaps, no duplicates.",
    resolve: (event: JobEventModel) => event,
  })
  async jobEvents(
    @CurrentViewer() viewer: Viewer,
    @Args('jobId', { type: () => ID }) jobId: string,
    @Args('afterSeq', { type: () => Int, defaultValue: 0 }) afterSeq: number,
  ): Promise<AsyncGenerator<JobEventModel>> {
    await this.jobs.get(jobId, viewer);
    return this.streams.events(jobId, afterSeq);
  }

  @Allow('requests:read')
  @Subscription(() => LogChunkModel, {
    description: "A job's stdout from `offset`, then live chunks until the job ends.",
    resolve: (chunk: LogChunkModel) => chunk,
  })
  async jobLog(
    @CurrentViewer() viewer: Viewer,
    @Args('jobId', { type: () => ID }) jobId: string,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset: number,
  ): Promise<AsyncGenerator<LogChunkModel>> {
    await this.jobs.get(jobId, viewer);
    return this.streams.log(jobId, offset);
  }
}
