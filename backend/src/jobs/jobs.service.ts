import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, stat, symlink, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, IsNull, MoreThan, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { AppError, ErrorCode, isUuid, notFound, validationFailed } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig, runsWorker } from '../config/config.js';
import { channels, PubSubService } from '../pubsub/pubsub.service.js';
import { UsersService } from '../users/users.service.js';
import { removeTree, Sandbox, type SandboxFile } from '../system/sandbox.js';
import { AnsibleRunner, stripAnsi } from './ansible-runner.js';
import { JobEventEntity } from './job-event.entity.js';
import { capMessage, JobOutputWriter, type RawEvent } from './job-output.writer.js';
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
/**
 * ...once it has been seen lapsed twice, this long apart: a worker cut off from the database
 * (an outage) renews its lease within HEARTBEAT_MS of getting it back, so a lease that looked
 * lapsed right after the outage is fresh again at the second look.
 */
const STALE_CONFIRM_MS = 2 * HEARTBEAT_MS;
/** The final result of a run is written again this long through a database outage. */
const RESULT_RETRY_MS = 10 * 60_000;
/** A run folder younger than this is never swept (its job row may not be stored yet). */
const SWEEP_GRACE_MS = 15_000;
export const isFinished = (status: JobStatus) => FINISHED.includes(status);

@Injectable()
export class JobsService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobsService.name);
  /** Run folders being deleted in the background. */
  private readonly removals = new Set<Promise<void>>();
  /** Jobs this process is running now: live, whatever their lease looks like. */
  private readonly running = new Set<string>();
  /** When a job's (or a request's runs') lease was first seen lapsed, by this process. */
  private readonly staleSince = new Map<string, number>();

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

  /**
   * True while the job runs on a worker that renews its lease: this process, or one whose
   * lease is fresh. A lapsed lease makes it dead only when seen lapsed twice, STALE_CONFIRM_MS
   * apart (after a database outage the worker renews it at once): the first look says live.
   */
  async isLive(jobId: string): Promise<boolean> {
    if (this.running.has(jobId)) return true;
    if (!isUuid(jobId)) return false;
    const rows = (await this.db.query(
      `SELECT coalesce(heartbeat_at > now() - make_interval(secs => $2), false) AS fresh FROM jobs WHERE id = $1 AND status = ANY($3)`,
      [jobId, LEASE_MS / 1000, ACTIVE],
    )) as { fresh: boolean }[];
    return this.judgeLease(`job:${jobId}`, rows.length > 0, rows.some((r) => r.fresh));
  }

  /** Marks one job a dead worker left running as `error`. */
  async failJob(jobId: string, message: string): Promise<void> {
    const result = await this.jobs.update({ id: jobId, status: In(ACTIVE) }, { status: 'error', error: message, finishedAt: new Date() });
    if (result.affected) await this.publishDone(jobId);
  }

  /** True while a job of the request is running on a worker that renews its lease (as `isLive` judges it). */
  async hasLiveRun(requestId: string): Promise<boolean> {
    if (!isUuid(requestId)) return false;
    const rows = (await this.db.query(
      `SELECT id, coalesce(heartbeat_at > now() - make_interval(secs => $2), false) AS fresh FROM jobs WHERE request_id = $1 AND status = ANY($3)`,
      [requestId, LEASE_MS / 1000, ACTIVE],
    )) as { id: string; fresh: boolean }[];
    if (rows.some((r) => this.running.has(r.id))) return true;
    return this.judgeLease(`request:${requestId}`, rows.length > 0, rows.some((r) => r.fresh));
  }

  /** Live when active and fresh; when active with a lapsed lease, live until seen lapsed again STALE_CONFIRM_MS later. */
  private judgeLease(key: string, active: boolean, fresh: boolean): boolean {
    if (!active || fresh) {
      this.staleSince.delete(key);
      return active;
    }
    const first = this.staleSince.get(key);
    if (first === undefined) {
      this.staleSince.set(key, Date.now());
      return true;
    }
    if (Date.now() - first < STALE_CONFIRM_MS) return true;
    this.staleSince.delete(key);
    return false;
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
    this.running.add(job.id);
    try {
      return await this.runJob(job, spec);
    } finally {
      this.running.delete(job.id);
    }
  }

  private async runJob(job: { id: string }, spec: LaunchSpec): Promise<JobModel> {
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
    const writer = new JobOutputWriter(job.id, this.db, this.pubsub, this.config.jobOutputLimits);
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
        onEvent: (raw: RawEvent, bytes: number) => {
          writer.addEvent(raw, bytes);
          if (typeof raw.counter === 'number') eventsEmitted = Math.max(eventsEmitted, raw.counter);
          if ((raw.event === 'runner_on_failed' || raw.event === 'runner_on_unreachable') && raw.failed && failures.length < 20) {
            failures.push(`${raw.host ?? '?'}: ${capMessage(String(raw.msg ?? 'failed'), this.config.jobOutputLimits.maxMsgChars)}`);
          }
          if (raw.event === 'playbook_on_stats') {
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
      stopListening();
      await writer.close().catch((err: Error) => {
        // The run's own result stands; only its stored output is incomplete.
        this.logger.error(`job ${job.id}: ${err.message}`);
        error = [error, `Part of the run's output could not be stored: ${err.message}`].filter(Boolean).join('\n');
      });
      await this.discard(job.id, runDir);
    }
    // The outcome is stored through a database outage (the lease renewed meanwhile, so nobody
    // takes the run for dead): retried, with the events counted as stored.
    try {
      await this.retrying(`job ${job.id}: storing its result`, () => this.storeOutcome(job.id, status, error, { returnCode, artifacts, hostSummaries, eventsEmitted }));
    } finally {
      clearInterval(heartbeat);
    }
    const [, model] = await Promise.all([this.publishDone(job.id), this.get(job.id)]);
    return model;
  }

  /**
   * Stores how the run ended. `event_count` is what the database holds, so `eventsComplete`
   * compares the events stored with those Ansible emitted. Only a job still ours takes the
   * outcome's status: one the reconciler already failed keeps its status.
   */
  private async storeOutcome(
    jobId: string,
    status: JobStatus,
    error: string | null,
    o: { returnCode: number | null; artifacts: Record<string, unknown> | null; hostSummaries: Record<string, HostCounters> | null; eventsEmitted: number },
  ): Promise<void> {
    await this.db.query(
      `UPDATE jobs SET return_code = $2, artifacts = $3, host_summaries = $4, events_emitted = $5, finished_at = now(), heartbeat_at = NULL,
              event_count = (SELECT count(*) FROM job_events WHERE job_id = $1),
              status = CASE WHEN status = ANY($8) THEN $6 ELSE status END,
              error = CASE WHEN status = ANY($8) THEN $7 ELSE error END
        WHERE id = $1`,
      [jobId, o.returnCode, o.artifacts === null ? null : JSON.stringify(o.artifacts), o.hostSummaries === null ? null : JSON.stringify(o.hostSummaries), o.eventsEmitted, status, error, ACTIVE],
    );
  }

  /** Runs `write` until it succeeds, waiting longer each time, for at most RESULT_RETRY_MS; then throws its error. */
  private async retrying(what: string, write: () => Promise<void>): Promise<void> {
    const until = Date.now() + RESULT_RETRY_MS;
    for (let delay = 250, warned = false; ; delay = Math.min(delay * 2, 5_000)) {
      try {
        await write();
        if (warned) this.logger.log(`${what}: done`);
        return;
      } catch (err) {
        if (Date.now() > until) throw err;
        if (!warned) this.logger.warn(`${what} failed (${(err as Error).message}): trying again until it works`);
        warned = true;
        await new Promise((r) => setTimeout(r, delay));
      }
    }
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
    if (runsWorker(this.config)) {
      const swept = await this.sweepRunFolders().catch((err: Error) => {
        this.logger.warn(`sweeping run folders: ${err.message}`);
        return 0;
      });
      if (swept) this.logger.warn(`removed ${swept} run folder(s) and credential folder(s) a process that died left behind`);
    }
  }

  /**
   * Removes the run folders (DATA_DIR/runs/<job>) and tmpfs credential folders that belong
   * to no live job: what a worker killed mid-run left. A folder of a job whose lease is fresh
   * (another worker on this DATA_DIR runs it) or younger than SWEEP_GRACE_MS is kept; tmpfs
   * folders of checks (health, inventory) are removed after 10 minutes.
   */
  async sweepRunFolders(): Promise<number> {
    const leaseFresh = async (id: string) =>
      isUuid(id) &&
      ((await this.db.query(`SELECT 1 FROM jobs WHERE id = $1 AND status = ANY($2) AND heartbeat_at > now() - make_interval(secs => $3)`, [id, ACTIVE, LEASE_MS / 1000])) as unknown[])
        .length > 0;
    const old = async (path: string, ms: number) => {
      const st = await stat(path).catch(() => null);
      return st !== null && Date.now() - st.mtimeMs > ms;
    };
    let swept = 0;
    const runs = join(this.config.dataDir, 'runs');
    for (const id of await readdir(runs).catch(() => [] as string[])) {
      if (this.running.has(id) || !(await old(join(runs, id), SWEEP_GRACE_MS)) || (await leaseFresh(id))) continue;
      await this.discard(id, join(runs, id));
      swept++;
    }
    for (const name of await this.sandbox.tmpfsEntries()) {
      const path = join(this.sandbox.tmpfsRoot, name);
      const id = name.startsWith('run-') ? name.slice(4) : null;
      if (id ? this.running.has(id) || !(await old(path, SWEEP_GRACE_MS)) || (await leaseFresh(id)) : !(await old(path, 600_000))) continue;
      await this.sandbox.removeTmpfs(name);
      swept++;
    }
    return swept;
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
        await tx.query('DELETE FROM job_output_chunks WHERE job_id = ANY($1)', [ids]);
        await tx.query(`UPDATE jobs SET output_purged_at = now() WHERE id = ANY($1)`, [ids]);
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
