import { Inject, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, runsWorker } from '../config/config.js';
import { JobName, QueueName } from '../queue/queue.constants.js';
import { QueueService } from '../queue/queue.service.js';
import { ScheduleKeeper } from '../system/schedule-keeper.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GitReposModule } from '../git-repos/git-repos.module.js';
import { InstanceRegistry } from '../instances/instance-registry.js';
import { InstancesModule } from '../instances/instances.module.js';
import { UsersModule } from '../users/users.module.js';
import { AnsibleRunner } from './ansible-runner.js';
import { JobEventEntity } from './job-event.entity.js';
import { LocalRuns } from './job-lease.js';
import { JobLiveness } from './job-liveness.service.js';
import { JobRetention } from './job-retention.service.js';
import { JobRunner } from './job-runner.service.js';
import { JobStreamsService } from './job-streams.service.js';
import { JobEntity } from './job.entity.js';
import { JobsResolver } from './jobs.resolver.js';
import { JobsService } from './jobs.service.js';
import { ProjectSnapshots } from './project-snapshots.js';
import { ProviderSlots } from './provider-slots.service.js';
import { RunFolders } from './run-folders.js';

/**
 * Jobs: JobRunner runs a playbook (AnsibleRunner in its sandbox, RunFolders, ProjectSnapshots,
 * JobOutputWriter), ProviderSlots reserves slots on limited providers, JobLiveness judges
 * whether a run is alive, JobRetention purges old output; JobsService is what other modules
 * call, JobStreamsService and JobsResolver what clients see.
 */
@Module({
  imports: [TypeOrmModule.forFeature([JobEntity, JobEventEntity]), GitReposModule, UsersModule, InstancesModule],
  providers: [
    AnsibleRunner,
    ProjectSnapshots,
    LocalRuns,
    JobLiveness,
    RunFolders,
    JobRunner,
    ProviderSlots,
    JobRetention,
    JobsService,
    JobStreamsService,
    JobsResolver,
  ],
  exports: [JobsService],
})
export class JobsModule implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobsModule.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queues: QueueService,
    private readonly jobs: JobsService,
    private readonly schedules: ScheduleKeeper,
    local: LocalRuns,
    instances: InstanceRegistry,
  ) {
    // The worker registry shows how many runs this process has going.
    instances.countRunningWith(() => local.size);
  }

  /** In the worker role: the hourly retention cleanup, one schedule shared by every worker (put back if Redis loses it). */
  async onApplicationBootstrap(): Promise<void> {
    if (!runsWorker(this.config)) return;
    this.queues.work(
      QueueName.MAINTENANCE,
      {
        [JobName.PURGE_JOB_OUTPUT]: async () => {
          const purged = await this.jobs.purgeOldOutput();
          if (purged) this.logger.log(`retention: removed the events and logs of ${purged} jobs older than ${this.config.jobRetentionDays} days`);
          return { purged };
        },
      },
      1,
    );
    // Kept: put back every reconcile tick if Redis loses it.
    await this.schedules.keep(QueueName.MAINTENANCE, 'purge-job-output', 3_600_000, JobName.PURGE_JOB_OUTPUT);
  }
}
