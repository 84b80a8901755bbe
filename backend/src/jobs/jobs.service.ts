import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, IsNull, MoreThan, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { AppError, ErrorCode, isUuid, notFound, validationFailed } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { channels, PubSubService } from '../pubsub/pubsub.service.js';
import { UsersService } from '../users/users.service.js';
import { removeTree, Sandbox, type SandboxFile } from '../system/sandbox.js';
import { AnsibleRunner, stripAnsi } from './ansible-runner.js';
import { JobEventEntity } from './job-event.entity.js';
import { JobOutputWriter, type RawEvent } from './job-output.writer.js';
import { type HostCounters, JobEntity, type JobStatus } from './job.entity.js';
import type { JobEventModel, JobModel } from './models/job.model.js';
import type { JobOptions } from './job-options.js';
import { ProjectSnapshots } from './project-snapshots.js';
import { type MaterialsFor, type RunMaterials, writeInventory } from './run-materials.js';
import { scrubber } from '../credentials/scrubber.js';
import { renderUnsafeVars } from './unsafe-vars.js';

export interface LaunchSpec {
  requestId: string | null;
  createdBy: string;
  repoId: string;
  commit: string;
  playbook: string;
  /** The inventory, environment and credentials of the run, made in its folder. */
  materials: MaterialsFor;
  extraVars: Record<string, unknown>;
  options?: JobOptions;
  /** The bundle item this run is, if any. */
  item?: string | null;
  /** Called once the job row exists, before the run starts (a bundle item records its job). */
  onCreated?: (jobId: string) => Promise<void>;
  /** The providers it runs on; their concurrency limits count it. */
  providerIds?: string[];
  /** Variables from secret dialog fields: written to the run's extra_vars file only (never kept on the job), and masked in output. */
  secretExtraVars?: Record<string, unknown>;
  /** A job row reserved by `reserve` (a slot on limited providers); made here otherwise. */
  jobId?: string;
}

const FINISHED: JobStatus[] = ['successful', 'failed', 'error', 'canceled'];
const ACTIVE: JobStatus[] = ['new', 'pending', 'waiting', 'running'];
/** The running worker renews a job's lease this often... */
const HEARTBEAT_MS = 5_000;
/** ...and a lease older than this means the worker died. */
export const LEASE_MS = 30_000;
export const isFinished = (status: JobStatus) => FINISHED.includes(status);

@Injectable()
export class JobsService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobsService.name);
  /** Run folders being deleted in the background. */
  private readonly removals = new Set<Promise<void>>();

  constructor(
    @InjectRepository(JobEntity) private readonly jobs: Repository<JobEntity>,
    @InjectRepository(JobEventEntity) private readonly events: Repository<JobEventEntity>,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly snapshots: ProjectSnapshots,
    private readonly runner: AnsibleRunner,
    private readonly pubsub: PubSubService,
    private readonly users: UsersService,
    private readonly sandbox: Sandbox,
  ) {}

  async get(id: string): Promise<JobModel> {
    const job = isUuid(id) ? await this.jobs.findOneBy({ id }) : null;
    if (!job) throw notFound('Job', id);
    return job;
  }

  listForRequest(requestId: string): Promise<JobModel[]> {
    return this.jobs.find({ where: { requestId }, order: { createdAt: 'ASC' } });
  }

  async eventsAfter(jobId: string, afterSeq: number, limit: number): Promise<JobEventModel[]> {
    if (!isUuid(jobId)) throw notFound('Job', jobId);
    return this.events.find({ where: { jobId, seq: MoreThan(Math.max(afterSeq, 0)) }, order: { seq: 'ASC' }, take: Math.min(Math.max(limit, 1), 1000) });
  }

  /** Stdout from `offset` (in characters) and the job's current status. */
  async stdoutFrom(jobId: string, offset: number): Promise<{ text: string; status: JobStatus }> {
    if (!isUuid(jobId)) throw notFound('Job', jobId);
    if (offset < 0) throw validationFailed('offset must be 0 or more');
    const job = await this.jobs.findOne({ where: { id: jobId }, select: { stdout: true, status: true } });
    if (!job) throw notFound('Job', jobId);
    return { text: job.stdout.slice(offset), status: job.status };
  }

  /** Marks the jobs of a request that a dead worker left running as `error`, and ends their streams. */
  async failRunning(requestId: string, message: string): Promise<void> {
    const rows = (await this.jobs
      .createQueryBuilder()
      .update()
      .set({ status: 'error', error: message, finishedAt: new Date() })
      .where({ requestId, status: In(ACTIVE) })
      .returning(['id'])
      .execute()).raw as { id: string }[];
    for (const { id } of rows) await this.publishDone(id);
  }

  /**
   * Asks the worker running a job to stop it. The request is stored first (Postgres is
   * the truth: the worker also sees it when it renews its lease), then announced on Redis
   * so the worker reacts at once. The job ends `canceled` with its output kept.
   */
  async cancel(id: string, userId: string): Promise<JobModel> {
    const job = await this.get(id);
    const result = await this.jobs.update(
      { id: job.id, status: In(ACTIVE), cancelRequestedAt: IsNull() },
      { cancelRequestedAt: new Date(), canceledBy: userId },
    );
    if (!result.affected) {
      const current = await this.get(id);
      if (isFinished(current.status)) throw new AppError(ErrorCode.CONFLICT, `This job has already ended (${current.status}): there is nothing to cancel.`);
      return current; // a cancel is already on its way
    }
    await this.pubsub.publish(channels.jobCancel(job.id), { cancel: true }).catch((err: Error) => this.logger.warn(`job ${id}: publish failed: ${err.message}`));
    return this.get(id);
  }

  /** True while the job runs on a worker that renews its lease. */
  async isLive(jobId: string): Promise<boolean> {
    return this.jobs
      .createQueryBuilder('j')
      .where({ id: jobId, status: In(ACTIVE) })
      .andWhere(`j.heartbeat_at > now() - make_interval(secs => :lease)`, { lease: LEASE_MS / 1000 })
      .getExists();
  }

  /** Marks one job a dead worker left running as `error`. */
  async failJob(jobId: string, message: string): Promise<void> {
    const result = await this.jobs.update({ id: jobId, status: In(ACTIVE) }, { status: 'error', error: message, finishedAt: new Date() });
    if (result.affected) await this.publishDone(jobId);
  }

  /** True while a job of the request is running on a worker that renews its lease. */
  async hasLiveRun(requestId: string): Promise<boolean> {
    return this.jobs
      .createQueryBuilder('j')
      .where({ requestId, status: In(ACTIVE) })
      .andWhere(`j.heartbeat_at > now() - make_interval(secs => :lease)`, { lease: LEASE_MS / 1000 })
      .getExists();
  }

  /**
   * Runs one playbook to its end: a run directory of its own with the repository at the
   * recorded commit, the rendered inventory and the variables; output and events stored
   * as they arrive; the directory removed afterwards. Never throws for a failed run: the
   * job's status says how it went.
   */
  /**
   * Reserves a slot on providers that limit their concurrent jobs: under a lock per
   * provider, counts their active jobs and, when each has room, stores the job row (status
   * pending) that `run` then uses. Null when one of them is full: try again later.
   */
  async reserve(spec: Omit<LaunchSpec, 'materials' | 'onCreated' | 'jobId'>, limits: Record<string, number>): Promise<string | null> {
    return this.db.transaction(async (tx) => {
      for (const id of Object.keys(limits).sort()) await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`provider-slots:${id}`]);
      for (const [id, max] of Object.entries(limits)) {
        // A slot reserved by a process that died before its run started (a pending row whose lease lapsed) is free again.
        const [{ n }] = (await tx.query(
          `SELECT count(*)::int AS n FROM jobs WHERE $1 = ANY(provider_ids) AND status = ANY($2)
             AND (status <> 'pending' OR heartbeat_at > now() - make_interval(secs => $3))`,
          [id, ACTIVE, LEASE_MS / 1000],
        )) as { n: number }[];
        if (n >= max) return null;
      }
      const row = await tx.save(tx.create(JobEntity, this.newJob(spec)));
      return row.id;
    });
  }

  /** Gives back a slot reserved for a run that will not happen after all. */
  async release(jobId: string): Promise<void> {
    await this.jobs.delete({ id: jobId, status: 'pending', startedAt: IsNull() });
  }

  private newJob(spec: Omit<LaunchSpec, 'materials' | 'onCreated' | 'jobId' | 'secretExtraVars'>): Partial<JobEntity> {
    return {
      requestId: spec.requestId,
      createdBy: spec.createdBy,
      status: 'pending',
      repoId: spec.repoId,
      commit: spec.commit,
      playbook: spec.playbook,
      extraVars: spec.extraVars,
      inventory: '',
      item: spec.item ?? null,
      providerIds: spec.providerIds ?? [],
      heartbeatAt: new Date(),
    };
  }

  async run(spec: LaunchSpec): Promise<JobModel> {
    // The job's id is chosen here, so its folder is prepared (project, credentials,
    // inventory) while its row is being stored: ansible-playbook starts once both are done.
    const job = { id: spec.jobId ?? randomUUID() };
    const runDir = join(this.config.dataDir, 'runs', job.id);
    const prepared = this.prepare(job.id, runDir, spec);
    prepared.catch(() => undefined); // awaited below, where its failure becomes the job's error
    // Cancel: announced on Redis for an instant stop (listened to from the start, alongside the
    // row's insert), seen when the job is marked running and at each lease renewal in case the
    // announcement was lost.
    const cancel = new AbortController();
    const listening = this.pubsub.subscribe(channels.jobCancel(job.id), () => cancel.abort()).catch(() => () => undefined);
    try {
      if (spec.jobId) await this.jobs.update(spec.jobId, this.newJob(spec) as QueryDeepPartialEntity<JobEntity>);
      else await this.jobs.insert({ ...this.newJob(spec), id: job.id } as QueryDeepPartialEntity<JobEntity>);
    } catch (err) {
      (await listening)();
      await prepared.catch(() => undefined);
      await this.discard(job.id, runDir);
      throw err;
    }
    const [stopListening, notCreated] = await Promise.all([listening, Promise.resolve(spec.onCreated?.(job.id)).then(() => null, (err: unknown) => err)]);
    if (notCreated) {
      stopListening();
      await prepared.catch(() => undefined);
      await this.discard(job.id, runDir); // its credential files with it
      throw notCreated;
    }
    const heartbeat = setInterval(() => {
      this.renewLease(job.id)
        .then((cancelRequested) => cancelRequested && cancel.abort())
        .catch((err: Error) => this.logger.warn(`job ${job.id}: heartbeat failed: ${err.message}`));
    }, HEARTBEAT_MS);
    const writer = new JobOutputWriter(job.id, this.db, this.pubsub);
    const failures: string[] = [];
    let artifacts: Record<string, unknown> | null = null;
    let hostSummaries: Record<string, HostCounters> | null = null;
    let eventsEmitted = 0;
    let status: JobStatus = 'error';
    let returnCode: number | null = null;
    let error: string | null = null;
    let scrub = (text: string) => text;
    let runEnv: Record<string, string> = {};
    let vaultIds: { label: string; file: string }[] = [];
    try {
      const { materials, secretVarsFile } = await prepared;
      const secretValues = Object.values(spec.secretExtraVars ?? {}).filter((v): v is string => typeof v === 'string' && v.length > 0);
      scrub = scrubber([...materials.secrets, ...secretValues]);
      const command = this.runner.command(runDir, spec.playbook, spec.options, materials.vaultIds, secretVarsFile);
      const secretFiles = await this.credentialsForSandbox(job.id, runDir);
      runEnv = materials.env;
      vaultIds = materials.vaultIds ?? [];
      if (await this.markRunning(job.id, command, JSON.stringify(materials.inventory, null, 2))) cancel.abort(); // canceled while it was being prepared
      this.snapshots.replenish(spec.repoId, spec.commit);
      const result = await this.runner.run({
        runDir,
        playbook: spec.playbook,
        options: spec.options,
        signal: cancel.signal,
        env: runEnv,
        vaultIds,
        secretFiles,
        secretVarsFile,
        scrub,
        onStdout: (text) => writer.addText(text),
        onEvent: (raw: RawEvent) => {
          const event = writer.addEvent(raw);
          if (typeof raw.counter === 'number') eventsEmitted = Math.max(eventsEmitted, raw.counter);
          if ((event.event === 'runner_on_failed' || event.event === 'runner_on_unreachable') && event.failed) {
            failures.push(`${event.host}: ${String(raw.msg ?? 'failed')}`);
          }
          if (event.event === 'playbook_on_stats') {
            artifacts = (raw.artifact_data as Record<string, unknown>) ?? {};
            hostSummaries = (raw.hosts as Record<string, HostCounters>) ?? {};
          }
        },
      });
      returnCode = result.returnCode;
      if (result.canceled) {
        status = 'canceled';
        error = `Canceled${await this.canceledByName(job.id)} while it ran; its output so far is kept.`;
      } else if (result.startError) {
        status = 'error';
        error = `ansible-playbook could not start: ${result.startError}`;
      } else if (result.timedOut) {
        status = 'failed';
        error = `The run took longer than ${this.config.jobTimeoutSeconds} s (JOB_TIMEOUT_SECONDS) and was stopped.`;
      } else if (returnCode === 0 && isTruncated(artifacts)) {
        status = 'failed';
        error = 'The playbook\'s set_stats outputs are larger than 1 MB: return less, or store large data elsewhere and return a reference.';
      } else {
        status = returnCode === 0 ? 'successful' : 'failed';
        if (status === 'failed') {
          error = failures.length ? failures.join('\n') : result.stderrTail || `ansible-playbook exited with code ${returnCode}`;
        }
      }
    } catch (err) {
      status = 'error';
      error = scrub(`The run could not start: ${stripAnsi((err as Error).message)}`);
      this.logger.error(`job ${job.id}: ${(err as Error).stack}`);
    } finally {
      clearInterval(heartbeat);
      stopListening();
      await writer.close().catch((err: Error) => {
        // The run's own result stands; only its stored output is incomplete.
        this.logger.error(`job ${job.id}: ${err.message}`);
        error = [error, `Part of the run's output could not be stored: ${err.message}`].filter(Boolean).join('\n');
      });
      await this.discard(job.id, runDir);
    }
    const outcome = { returnCode, artifacts, hostSummaries, eventsEmitted, finishedAt: new Date(), eventCount: writer.eventCount, heartbeatAt: null };
    // Only a job still ours takes the outcome's status: one the reconciler already failed keeps its status.
    const claimed = await this.jobs.update({ id: job.id, status: In(ACTIVE) }, { ...outcome, status, error });
    if (!claimed.affected) await this.jobs.update(job.id, outcome);
    const [, model] = await Promise.all([this.publishDone(job.id), this.get(job.id)]);
    return model;
  }

  /**
   * A run's folder: the repository's tree at the commit in project/, a private tmp/, the
   * inventory and the variables; and its credentials — the materials of its providers,
   * secret group variables, secret dialog values — in `credentials/`, a link to a tmpfs
   * folder of the run's own (RAM: never on disk), whence the sandbox takes them.
   */
  private async prepare(jobId: string, runDir: string, spec: LaunchSpec): Promise<{ materials: RunMaterials; secretVarsFile?: string }> {
    const [tmpfs] = await Promise.all([this.sandbox.runFolder(jobId), mkdir(join(runDir, 'tmp'), { recursive: true, mode: 0o700 })]);
    await symlink(tmpfs, join(runDir, 'credentials'));
    const [materials] = await Promise.all([spec.materials(runDir), this.snapshots.copyInto(spec.repoId, spec.commit, join(runDir, 'project'))]);
    const secretVars = spec.secretExtraVars && Object.keys(spec.secretExtraVars).length ? spec.secretExtraVars : null;
    const secretVarsFile = secretVars ? join(runDir, 'credentials', '.extra_vars.yml') : undefined;
    await Promise.all([
      writeInventory(runDir, materials),
      writeFile(join(runDir, 'extra_vars.yml'), renderUnsafeVars(spec.extraVars), { mode: 0o600 }),
      secretVarsFile && secretVars ? writeFile(secretVarsFile, renderUnsafeVars(secretVars), { mode: 0o600 }) : undefined,
    ]);
    return { materials, secretVarsFile };
  }

  /**
   * In the sandbox, the run's credentials move from its tmpfs folder into the sandbox's own
   * tmpfs (read into memory, the folder removed): when the sandbox ends, however it ends,
   * they are gone. SANDBOX=off: they stay in the tmpfs folder until the run's folder goes.
   */
  private async credentialsForSandbox(jobId: string, runDir: string): Promise<SandboxFile[]> {
    if (!this.sandbox.enabled) return [];
    const link = join(runDir, 'credentials');
    const files = await this.sandbox.takeFiles(await this.sandbox.runFolder(jobId), link);
    await unlink(link);
    return files;
  }

  /** Marks the job running and renews its lease, in one statement; true when a cancel has been asked for. */
  private async markRunning(jobId: string, command: string[], inventory: string): Promise<boolean> {
    const rows = (await this.jobs
      .createQueryBuilder()
      .update()
      .set({ status: 'running', startedAt: new Date(), command, inventory, heartbeatAt: () => 'now()' })
      .where({ id: jobId })
      .returning(['cancel_requested_at'])
      .execute()).raw as { cancel_requested_at: Date | null }[];
    return Boolean(rows[0]?.cancel_requested_at);
  }

  /**
   * Removes a run's folder (its credential files with it): moved out of runs/ at once,
   * deleted in the background; shutdown waits for the deletions, and a start clears what
   * a process that died left in the trash.
   */
  private async discard(jobId: string, runDir: string): Promise<void> {
    await this.sandbox.removeTmpfs(`run-${jobId}`).catch((err: Error) => this.logger.warn(`job ${jobId}: removing its credentials: ${err.message}`));
    const trash = join(this.config.dataDir, 'trash', basename(runDir));
    try {
      await rename(runDir, trash);
    } catch {
      await mkdir(dirname(trash), { recursive: true, mode: 0o700 }).catch(() => undefined);
      if (!(await rename(runDir, trash).then(() => true, () => false))) {
        await removeTree(runDir).catch(() => undefined);
        return;
      }
    }
    const removal: Promise<void> = removeTree(trash)
      .catch((err: Error) => this.logger.warn(`removing ${trash}: ${err.message}`))
      .finally(() => this.removals.delete(removal));
    this.removals.add(removal);
  }

  async onModuleInit(): Promise<void> {
    await removeTree(join(this.config.dataDir, 'trash')).catch(() => undefined);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.removals);
  }

  /**
   * Retention: removes the events and the log of jobs that finished more than
   * JOB_RETENTION_DAYS ago, in batches; the jobs themselves, their status, return code and
   * outputs stay. Returns how many jobs were purged.
   */
  async purgeOldOutput(): Promise<number> {
    if (this.config.jobRetentionDays === 0) return 0;
    let purged = 0;
    for (;;) {
      const done = await this.db.transaction(async (tx) => {
        const rows = (await tx.query(
          `SELECT id FROM jobs WHERE output_purged_at IS NULL AND finished_at < now() - make_interval(days => $1)
            ORDER BY finished_at LIMIT 100 FOR UPDATE SKIP LOCKED`,
          [this.config.jobRetentionDays],
        )) as { id: string }[];
        if (rows.length === 0) return 0;
        const ids = rows.map((r) => r.id);
        await tx.query('DELETE FROM job_events WHERE job_id = ANY($1)', [ids]);
        await tx.query(`UPDATE jobs SET stdout = '', output_purged_at = now() WHERE id = ANY($1)`, [ids]);
        return ids.length;
      });
      purged += done;
      if (done < 100) return purged;
    }
  }

  /** Renews the job's lease; true when a cancel has been asked for. */
  private async renewLease(jobId: string): Promise<boolean> {
    const rows = (await this.jobs
      .createQueryBuilder()
      .update()
      .set({ heartbeatAt: () => 'now()' })
      .where({ id: jobId })
      .returning(['cancel_requested_at'])
      .execute()).raw as { cancel_requested_at: Date | null }[];
    return Boolean(rows[0]?.cancel_requested_at);
  }

  private async canceledByName(jobId: string): Promise<string> {
    const job = await this.jobs.findOne({ where: { id: jobId }, select: { canceledBy: true } });
    const user = job?.canceledBy ? await this.users.findById(job.canceledBy) : null;
    return user ? ` by ${user.username}` : '';
  }

  private async publishDone(jobId: string): Promise<void> {
    await Promise.all([
      this.pubsub.publish(channels.jobEvents(jobId), { done: true }),
      this.pubsub.publish(channels.jobLog(jobId), { done: true }),
    ]).catch((err: Error) => this.logger.warn(`job ${jobId}: publish failed: ${err.message}`));
  }
}

const isTruncated = (artifacts: Record<string, unknown> | null) => artifacts !== null && artifacts.truncated === true && 'size' in artifacts;
