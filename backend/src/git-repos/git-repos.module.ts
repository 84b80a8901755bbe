import { TenantsModule } from '../tenants/tenants.module.js';
import { Inject, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig, runsWorker } from '../config/config.js';
import { type GitRepoJobData, JobName, QueueName, type SyntaxCheckJobData } from '../queue/queue.constants.js';
import { QueueService } from '../queue/queue.service.js';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { CredentialsModule } from '../credentials/credentials.module.js';
import { InstancesModule } from '../instances/instances.module.js';
import { GitClient } from './git-client.js';
import { GitHttpController } from './git-http.controller.js';
import { GitWebhookController } from './git-webhook.controller.js';
import { GitRefreshEntity } from './git-refresh.entity.js';
import { GitRepoEntity } from './git-repo.entity.js';
import { GitReposResolver } from './git-repos.resolver.js';
import { GitMirrors } from './git-mirrors.js';
import { GitReconciler } from './git-reconciler.js';
import { GitRefresher } from './git-refresher.js';
import { GitReposService } from './git-repos.service.js';
import { GitSchedules } from './git-schedules.js';
import { GitWebhooks } from './git-webhooks.service.js';
import { PlaybookEntity } from './playbook.entity.js';
import { SyntaxChecks } from './syntax-checks.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([GitRepoEntity, PlaybookEntity, GitRefreshEntity]),
    AuthModule,
    AuditModule,
    CredentialsModule,
    TenantsModule,
    InstancesModule,
  ],
  controllers: [GitHttpController, GitWebhookController],
  providers: [GitClient, GitMirrors, GitRefresher, SyntaxChecks, GitSchedules, GitReconciler, GitWebhooks, GitReposService, GitReposResolver],
  exports: [GitReposService],
})
export class GitReposModule implements OnApplicationBootstrap {
  private readonly logger = new Logger(GitReposModule.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queues: QueueService,
    private readonly refresher: GitRefresher,
    private readonly syntax: SyntaxChecks,
    private readonly schedules: GitSchedules,
    private readonly reconciler: GitReconciler,
  ) {}

  /** In the worker role: scheduled and webhook refreshes, and the syntax checks that follow a refresh. */
  async onApplicationBootstrap(): Promise<void> {
    if (!runsWorker(this.config)) return;
    this.queues.work(
      QueueName.GIT,
      {
        [JobName.REFRESH_GIT_REPO]: async (job) => {
          const { repoId } = job.data as GitRepoJobData;
          const repo = await this.refresher.refresh(repoId);
          return { commit: repo.commit };
        },
        [JobName.CHECK_PLAYBOOK_SYNTAX]: async (job) => {
          const { repoId, commit } = job.data as SyntaxCheckJobData;
          return this.syntax.check(repoId, commit);
        },
      },
      this.config.gitRefreshConcurrency,
    );
    const swept = await this.refresher.sweepStale();
    if (swept) this.logger.warn(`${swept} refreshes left running by a stopped process were recorded as failed`);
    await this.schedules.syncAll();
    const pending = await this.syntax.queuePending();
    if (pending) this.logger.log(`queued the syntax checks of ${pending} repository commits`);
    this.reconciler.start();
  }
}
