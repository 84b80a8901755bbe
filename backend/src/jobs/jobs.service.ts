import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, MoreThan, Repository } from 'typeorm';
import { isUuid, notFound } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { GitReposService } from '../git-repos/git-repos.service.js';
import { channels, PubSubService } from '../pubsub/pubsub.service.js';
import { AnsibleRunner, stripAnsi } from './ansible-runner.js';
import { JobEventEntity } from './job-event.entity.js';
import { JobOutputWriter, type RawEvent } from './job-output.writer.js';
import { JobEntity, type JobStatus } from './job.entity.js';
import type { JobEventModel, JobModel } from './models/job.model.js';
import { renderUnsafeVars } from './unsafe-vars.js';

export interface LaunchSpec {
  requestId: string | null;
  createdBy: string;
  repoId: string;
  commit: string;
  playbook: string;
  inventory: object;
  extraVars: Record<string, unknown>;
}

const FINISHED: JobStatus[] = ['successful', 'failed', 'error', 'canceled'];
export const isFinished = (status: JobStatus) => FINISHED.includes(status);

@Injectable()
export class JobsService {
  private readonly logger = new Logger(JobsService.name);

  constructor(
    @InjectRepository(JobEntity) private readonly jobs: Repository<JobEntity>,
    @InjectRepository(JobEventEntity) private readonly events: Repository<JobEventEntity>,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repos: GitReposService,
    private readonly runner: AnsibleRunner,
    private readonly pubsub: PubSubService,
  ) {}

  async get(id: string): Promise<JobModel> {
    const job = isUuid(id) ? await this.jobs.findOneBy({ id }) : null;
    if (!job) throw notFound('Job', id);
    return job;
  }

  listForRequest(requestId: string): Promise<JobModel[]> {
    return this.jobs.find({ where: { requestId }, order: { createdAt: 'ASC' } });
  }

  async listForRequests(requestIds: string[]): Promise<JobModel[]> {
    if (requestIds.length === 0) return [];
    return this.jobs.find({ where: { requestId: In(requestIds) }, order: { createdAt: 'ASC' } });
  }

  async eventsAfter(jobId: string, afterSeq: number, limit: number): Promise<JobEventModel[]> {
    return this.events.find({ where: { jobId, seq: MoreThan(afterSeq) }, order: { seq: 'ASC' }, take: Math.min(Math.max(limit, 1), 10000) });
  }

  /** Stdout from `offset` (in characters) and the job's current status. */
  async stdoutFrom(jobId: string, offset: number): Promise<{ text: string; status: JobStatus }> {
    const job = await this.jobs.findOne({ where: { id: jobId }, select: { stdout: true, status: true } });
    if (!job) throw notFound('Job', jobId);
    return { text: job.stdout.slice(offset), status: job.status };
  }

  /** Marks the jobs of a request that a dead worker left running as `error`. */
  async failRunning(requestId: string, message: string): Promise<void> {
    await this.jobs.update({ requestId, status: In(['new', 'pending', 'waiting', 'running']) }, { status: 'error', error: message, finishedAt: new Date() });
  }

  /**
   * Runs one playbook to its end: a run directory of its own with the repository at the
   * recorded commit, the rendered inventory and the variables; output and events stored
   * as they arrive; the directory removed afterwards. Never throws for a failed run: the
   * job's status says how it went.
   */
  async run(spec: LaunchSpec): Promise<JobModel> {
    const job = await this.jobs.save(
      this.jobs.create({
        requestId: spec.requestId,
        createdBy: spec.createdBy,
        status: 'pending',
        repoId: spec.repoId,
        commit: spec.commit,
        playbook: spec.playbook,
        extraVars: spec.extraVars,
        inventory: JSON.stringify(spec.inventory, null, 2),
      }),
    );
    const runDir = join(this.config.dataDir, 'runs', job.id);
    const writer = new JobOutputWriter(job.id, this.db, this.pubsub);
    const failures: string[] = [];
    let artifacts: Record<string, unknown> | null = null;
    let status: JobStatus = 'error';
    let returnCode: number | null = null;
    let error: string | null = null;
    try {
      await mkdir(join(runDir, 'project'), { recursive: true });
      await mkdir(join(runDir, 'tmp'), { recursive: true, mode: 0o700 });
      await Promise.all([
        this.repos.exportTree(spec.repoId, spec.commit, join(runDir, 'project')),
        writeFile(join(runDir, 'inventory.yml'), JSON.stringify(spec.inventory), { mode: 0o600 }),
        writeFile(join(runDir, 'extra_vars.yml'), renderUnsafeVars(spec.extraVars), { mode: 0o600 }),
      ]);
      const command = this.runner.command(runDir, spec.playbook);
      await this.jobs.update(job.id, { status: 'running', startedAt: new Date(), command });
      const result = await this.runner.run({
        runDir,
        playbook: spec.playbook,
        onStdout: (text) => writer.addText(text),
        onEvent: (raw: RawEvent) => {
          const event = writer.addEvent(raw);
          if ((event.event === 'runner_on_failed' || event.event === 'runner_on_unreachable') && event.failed) {
            failures.push(`${event.host}: ${String(raw.msg ?? 'failed')}`);
          }
          if (event.event === 'playbook_on_stats') artifacts = (raw.artifact_data as Record<string, unknown>) ?? {};
        },
      });
      returnCode = result.returnCode;
      status = returnCode === 0 ? 'successful' : 'failed';
      if (status === 'failed') {
        error = failures.length ? failures.join('\n') : result.stderrTail || `ansible-playbook exited with code ${returnCode}`;
      }
    } catch (err) {
      status = 'error';
      error = `The run could not start: ${stripAnsi((err as Error).message)}`;
      this.logger.error(`job ${job.id}: ${(err as Error).stack}`);
    } finally {
      await writer.close().catch((err: Error) => {
        status = 'error';
        error = `Storing the run's output failed: ${err.message}`;
      });
      await rm(runDir, { recursive: true, force: true }).catch(() => undefined);
    }
    await this.jobs.update(job.id, { status, returnCode, error, artifacts, finishedAt: new Date(), eventCount: writer.eventCount });
    await this.pubsub.publish(channels.jobEvents(job.id), { done: true });
    await this.pubsub.publish(channels.jobLog(job.id), { done: true });
    return this.get(job.id);
  }
}
