import { EventEmitter2 } from '@nestjs/event-emitter';
import { sees, type Viewer } from '../auth/auth.decorators.js';
import { JobRequesterQuery } from './job.events.js';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, IsNull, MoreThan, Repository } from 'typeorm';
import { AppError, ErrorCode, isUuid, notFound, validationFailed } from '../common/app-error.js';
import { channels, PubSubService } from '../pubsub/pubsub.service.js';
import { JobEventEntity } from './job-event.entity.js';
import { ACTIVE, isFinished } from './job-lease.js';
import { JobLiveness } from './job-liveness.service.js';
import { publishJobDone } from './job-publish.js';
import { JobRetention } from './job-retention.service.js';
import { JobRunner } from './job-runner.service.js';
import { JobEntity, type JobStatus } from './job.entity.js';
import type { LaunchSpec } from './launch-spec.js';
import type { JobEventModel, JobModel } from './models/job.model.js';
import { ProviderSlots } from './provider-slots.service.js';
import { RunFolders } from './run-folders.js';

export { isFinished, LEASE_MS, RUN_LEASE_MS } from './job-lease.js';
export type { LaunchSpec } from './launch-spec.js';

/**
 * What other modules use of jobs: reading them and their output, canceling and failing them,
 * and — through the services that do the work — running them (JobRunner), reserving provider
 * slots (ProviderSlots), judging whether a run is alive (JobLiveness) and the retention
 * cleanup (JobRetention).
 */
@Injectable()
export class JobsService {
  private readonly logger = new Logger(JobsService.name);

  constructor(
    @InjectRepository(JobEntity) private readonly jobs: Repository<JobEntity>,
    @InjectRepository(JobEventEntity) private readonly events: Repository<JobEventEntity>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly pubsub: PubSubService,
    private readonly emitter: EventEmitter2,
    private readonly runner: JobRunner,
    private readonly slots: ProviderSlots,
    private readonly liveness: JobLiveness,
    private readonly retention: JobRetention,
    private readonly folders: RunFolders,
  ) {}

  /** The job; NOT_FOUND also when the viewer may not see its request (as if it did not exist). */
  async get(id: string, viewer?: Viewer): Promise<JobModel> {
    const job = isUuid(id) ? await this.jobs.findOneBy({ id }) : null;
    if (!job || !(await this.visible(job, viewer))) throw notFound('Job', id);
    return job;
  }

  /** Whether the viewer may see the job: one who may see every request, or who ordered its request. */
  private async visible(job: JobEntity, viewer?: Viewer): Promise<boolean> {
    if (!viewer) return true;
    if (!job.requestId) return job.createdBy === viewer.userId;
    const query = new JobRequesterQuery(job.requestId);
    await this.emitter.emitAsync(JobRequesterQuery.NAME, query);
    return query.requesterId !== null && query.tenantId !== null && sees(viewer, query.requesterId, query.tenantId, query.groupIds);
  }

  listForRequest(requestId: string): Promise<JobModel[]> {
    return this.jobs.find({ where: { requestId }, order: { createdAt: 'ASC' } });
  }

  async eventsAfter(jobId: string, afterSeq: number, limit: number): Promise<JobEventModel[]> {
    if (!isUuid(jobId)) throw notFound('Job', jobId);
    return this.events.find({ where: { jobId, seq: MoreThan(Math.max(afterSeq, 0)) }, order: { seq: 'ASC' }, take: Math.min(Math.max(limit, 1), 1000) });
  }

  /**
   * Stdout from `offset` (in characters) and the job's current status, read in one statement
   * (so they agree): only the chunks that end past `offset`.
   */
  async stdoutFrom(jobId: string, offset: number): Promise<{ text: string; status: JobStatus }> {
    if (!isUuid(jobId)) throw notFound('Job', jobId);
    if (offset < 0) throw validationFailed('offset must be 0 or more');
    const rows = (await this.db.query(
      `SELECT j.status, c.start, c.text FROM jobs j LEFT JOIN job_output_chunks c ON c.job_id = j.id AND c.stop > $2 WHERE j.id = $1 ORDER BY c.seq`,
      [jobId, offset],
    )) as { status: JobStatus; start: number | null; text: string | null }[];
    if (rows.length === 0) throw notFound('Job', jobId);
    const text = rows
      .filter((r) => r.text !== null)
      .map((r) => (r.start! < offset ? r.text!.slice(offset - r.start!) : r.text!))
      .join('');
    return { text, status: rows[0].status };
  }

  /** The whole stdout of a job (as stored). */
  async stdoutOf(jobId: string): Promise<string> {
    const [row] = (await this.db.query(`SELECT coalesce(string_agg(text, '' ORDER BY seq), '') AS text FROM job_output_chunks WHERE job_id = $1`, [jobId])) as {
      text: string;
    }[];
    return row.text;
  }

  /** Runs one playbook to its end (JobRunner.run). */
  run(spec: LaunchSpec): Promise<JobModel> {
    return this.runner.run(spec);
  }

  /** Reserves a slot on limited providers: the job row `run` then uses, or null when one is full (ProviderSlots.reserve). */
  reserve(spec: Omit<LaunchSpec, 'materials' | 'onCreated' | 'jobId'>, limits: Record<string, number>): Promise<string | null> {
    return this.slots.reserve(spec, limits);
  }

  /** Gives back a slot reserved for a run that will not happen after all. */
  release(jobId: string): Promise<void> {
    return this.slots.release(jobId);
  }

  /** True while the job runs on a live worker (JobLiveness.isLive). */
  isLive(jobId: string): Promise<boolean> {
    return this.liveness.isLive(jobId);
  }

  /** True while a job of the request runs on a live worker (JobLiveness.hasLiveRun). */
  hasLiveRun(requestId: string): Promise<boolean> {
    return this.liveness.hasLiveRun(requestId);
  }

  /** Retention: removes the events and logs of jobs older than JOB_RETENTION_DAYS. */
  purgeOldOutput(): Promise<number> {
    return this.retention.purgeOldOutput();
  }

  /** Marks the jobs of a request that a dead worker left running as `error`, and ends their streams. */
  async failRunning(requestId: string, message: string): Promise<void> {
    const rows = (
      await this.jobs
        .createQueryBuilder()
        .update()
        .set({ status: 'error', error: message, finishedAt: new Date() })
        .where({ requestId, status: In(ACTIVE) })
        .returning(['id'])
        .execute()
    ).raw as { id: string }[];
    for (const { id } of rows) await publishJobDone(this.pubsub, id, this.logger);
  }

  /** Marks one job a dead worker left running as `error`. */
  async failJob(jobId: string, message: string): Promise<void> {
    const result = await this.jobs.update({ id: jobId, status: In(ACTIVE) }, { status: 'error', error: message, finishedAt: new Date() });
    if (!result.affected) return;
    await publishJobDone(this.pubsub, jobId, this.logger);
    // What its dead worker left on this machine (run folder, tmpfs credentials) goes now, not at the next worker's start.
    await this.folders.discard(jobId).catch((err: Error) => this.logger.warn(`job ${jobId}: removing its run folder: ${err.message}`));
  }

  /**
   * Asks the worker running a job to stop it. The request is stored first (Postgres is
   * the truth: the worker also sees it when it renews its lease), then announced on Redis
   * so the worker reacts at once. The job ends `canceled` with its output kept.
   */
  async cancel(id: string, userId: string, viewer?: Viewer): Promise<JobModel> {
    const job = await this.get(id, viewer);
    const result = await this.jobs.update(
      { id: job.id, status: In(ACTIVE), cancelRequestedAt: IsNull() },
      { cancelRequestedAt: new Date(), canceledBy: userId },
    );
    if (!result.affected) {
      const current = await this.get(id);
      if (isFinished(current.status)) throw new AppError(ErrorCode.CONFLICT, `This job has already ended (${current.status}): there is nothing to cancel.`);
      return current; // a cancel is already on its way
    }
    await this.pubsub
      .publish(channels.jobCancel(job.id), { cancel: true })
      .catch((err: Error) => this.logger.warn(`job ${id}: publish failed: ${err.message}`));
    return this.get(id);
  }
}
