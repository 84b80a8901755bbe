import { randomUUID } from 'node:crypto';
import { mkdir, symlink, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { EntityRows } from '../common/entity-rows.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { scrubber } from '../credentials/scrubber.js';
import { channels, PubSubService } from '../pubsub/pubsub.service.js';
import { ShutdownGraceOverEvent } from '../queue/queue.events.js';
import { Sandbox, type SandboxFile } from '../system/sandbox.js';
import { UsersService } from '../users/users.service.js';
import { AnsibleRunner, stripAnsi } from './ansible-runner.js';
import { ACTIVE, HEARTBEAT_MS, LocalRuns } from './job-lease.js';
import { JobOutputWriter, type RawEvent } from './job-output.writer.js';
import { failureLine, hidePaths, oneLine } from './failure-line.js';
import { publishJobDone } from './job-publish.js';
import { JobEventsIngestedEvent, JobRanEvent } from './job.events.js';
import { type HostCounters, JobEntity, type JobStatus } from './job.entity.js';
import { type LaunchSpec, newJobRow } from './launch-spec.js';
import type { JobModel } from './models/job.model.js';
import { ProjectSnapshots } from './project-snapshots.js';
import { RunFolders } from './run-folders.js';
import { type RunMaterials, writeInventory } from './run-materials.js';
import { renderUnsafeVars } from './unsafe-vars.js';

/** The final result of a run is written again this long through a database outage. */
const RESULT_RETRY_MS = 10 * 60_000;
/** Failures (one per host) kept in a failed job's error. */
const MAX_FAILURES = 20;

interface Outcome {
  returnCode: number | null;
  artifacts: Record<string, unknown> | null;
  hostSummaries: Record<string, HostCounters> | null;
  eventsEmitted: number;
}

/** Why a run was stopped when the portal stopped before it finished: its abort reason. */
class PortalStopped {
  constructor(readonly graceSeconds: number) {}

  get message(): string {
    return (
      `The portal was stopped before the run finished: it waited its shutdown grace period (${this.graceSeconds} s, ` +
      'SHUTDOWN_GRACE_SECONDS), then stopped the run; its output so far is kept. Check the target, then retry the request.'
    );
  }
}

/**
 * Runs one playbook to its end: a run folder of its own with the repository at the recorded
 * commit, the rendered inventory and the variables, and its credentials on tmpfs; Ansible in
 * its sandbox; output and events stored as they arrive (through a database outage too); the
 * folder removed afterwards; the job's lease renewed meanwhile and its cancel obeyed.
 */
@Injectable()
export class JobRunner {
  private readonly logger = new Logger(JobRunner.name);

  private readonly jobRows: EntityRows<JobEntity>;
  /** The cancel of each run of this process, for the portal's stop. */
  private readonly cancels = new Map<string, AbortController>();

  constructor(
    @InjectRepository(JobEntity) private readonly jobs: Repository<JobEntity>,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly snapshots: ProjectSnapshots,
    private readonly ansible: AnsibleRunner,
    private readonly pubsub: PubSubService,
    private readonly users: UsersService,
    private readonly sandbox: Sandbox,
    private readonly folders: RunFolders,
    private readonly local: LocalRuns,
    private readonly events: EventEmitter2,
  ) {
    this.jobRows = new EntityRows(db, JobEntity);
  }

  /** Never throws for a failed run: the job's status says how it went. */
  async run(spec: LaunchSpec): Promise<JobModel> {
    // The job's id is chosen here, so its folder is prepared (project, credentials,
    // inventory) while its row is being stored: ansible-playbook starts once both are done.
    const jobId = spec.jobId ?? randomUUID();
    const cancel = new AbortController();
    this.local.add(jobId);
    this.cancels.set(jobId, cancel);
    try {
      return await this.runJob(jobId, spec, cancel);
    } finally {
      this.local.delete(jobId);
      this.cancels.delete(jobId);
    }
  }

  /** The portal is stopping and its grace period is nearly over: the runs still going stop, saying why. */
  @OnEvent(ShutdownGraceOverEvent.NAME)
  stopAll(event: ShutdownGraceOverEvent): void {
    for (const [jobId, cancel] of this.cancels) {
      this.logger.warn(`job ${jobId}: stopped, the portal's shutdown grace period (${event.graceSeconds} s) is over`);
      cancel.abort(new PortalStopped(event.graceSeconds));
    }
  }

  private async runJob(jobId: string, spec: LaunchSpec, cancel: AbortController): Promise<JobModel> {
    const started = performance.now();
    const runDir = this.folders.runDir(jobId);
    const prepared = this.prepare(jobId, runDir, spec);
    prepared.catch(() => undefined); // awaited below, where its failure becomes the job's error
    // Cancel: announced on Redis for an instant stop (listened to from the start, alongside the
    // row's insert), seen when the job is marked running and at each lease renewal in case the
    // announcement was lost; or the portal's stop (stopAll).
    const listening = this.pubsub.subscribe(channels.jobCancel(jobId), () => cancel.abort()).catch(() => () => undefined);
    try {
      if (spec.jobId) await this.jobs.update(spec.jobId, newJobRow(spec) as QueryDeepPartialEntity<JobEntity>);
      else await this.jobs.insert({ ...newJobRow(spec), id: jobId } as QueryDeepPartialEntity<JobEntity>);
    } catch (err) {
      (await listening)();
      await prepared.catch(() => undefined);
      await this.folders.discard(jobId, runDir);
      throw err;
    }
    const [stopListening, notCreated] = await Promise.all([
      listening,
      Promise.resolve(spec.onCreated?.(jobId)).then(
        () => null,
        (err: unknown) => err,
      ),
    ]);
    if (notCreated) {
      stopListening();
      await prepared.catch(() => undefined);
      await this.folders.discard(jobId, runDir); // its credential files with it
      throw notCreated;
    }
    const heartbeat = setInterval(() => {
      this.renewLease(jobId)
        .then((cancelRequested) => cancelRequested && cancel.abort())
        .catch((err: Error) => this.logger.warn(`job ${jobId}: heartbeat failed: ${err.message}`));
    }, HEARTBEAT_MS);
    const limits = this.config.jobOutputLimits;
    const writer = new JobOutputWriter(jobId, this.db, this.pubsub, limits, (count) =>
      this.events.emit(JobEventsIngestedEvent.NAME, new JobEventsIngestedEvent(jobId, count)),
    );
    const failures: string[] = [];
    const outcome: Outcome = { returnCode: null, artifacts: null, hostSummaries: null, eventsEmitted: 0 };
    let status: JobStatus = 'error';
    let error: string | null = null;
    let scrub = (text: string) => text;
    try {
      const { materials, secretVarsFile } = await prepared;
      const secretValues = Object.values(spec.secretExtraVars ?? {}).filter((v): v is string => typeof v === 'string' && v.length > 0);
      scrub = scrubber([...materials.secrets, ...secretValues]);
      const command = this.ansible.command(runDir, spec.playbook, spec.options, materials.vaultIds, secretVarsFile);
      const secretFiles = await this.credentialsForSandbox(jobId, runDir);
      if (await this.markRunning(jobId, command, JSON.stringify(materials.inventory, null, 2))) cancel.abort(); // canceled while it was being prepared
      this.logger.log({ ansibleJobId: jobId, playbook: spec.playbook }, 'playbook run started');
      this.snapshots.replenish(spec.repoId, spec.commit);
      const result = await this.ansible.run({
        runDir,
        playbook: spec.playbook,
        options: spec.options,
        signal: cancel.signal,
        env: materials.env,
        vaultIds: materials.vaultIds ?? [],
        secretFiles,
        secretVarsFile,
        scrub,
        onStdout: (text) => writer.addText(text),
        onEvent: (raw: RawEvent, bytes: number) => {
          writer.addEvent(raw, bytes);
          if (typeof raw.counter === 'number') outcome.eventsEmitted = Math.max(outcome.eventsEmitted, raw.counter);
          if ((raw.event === 'runner_on_failed' || raw.event === 'runner_on_unreachable') && raw.failed && failures.length < MAX_FAILURES) {
            failures.push(failureLine(raw, [this.config.dataDir]));
          }
          if (raw.event === 'playbook_on_stats') {
            outcome.artifacts = (raw.artifact_data as Record<string, unknown>) ?? {};
            outcome.hostSummaries = (raw.hosts as Record<string, HostCounters>) ?? {};
          }
        },
      });
      outcome.returnCode = result.returnCode;
      if (result.canceled && cancel.signal.reason instanceof PortalStopped) {
        status = 'failed';
        error = cancel.signal.reason.message;
      } else if (result.canceled) {
        status = 'canceled';
        error = `Canceled${await this.canceledByName(jobId)} while it ran; its output so far is kept.`;
      } else if (result.startError) {
        status = 'error';
        error = `ansible-playbook could not start: ${result.startError}`;
      } else if (result.timedOut) {
        status = 'failed';
        error = `The run took longer than ${this.config.jobTimeoutSeconds} s (JOB_TIMEOUT_SECONDS) and was stopped.`;
      } else if (result.returnCode === 0 && isTruncated(outcome.artifacts)) {
        status = 'failed';
        error = "The playbook's set_stats outputs are larger than 1 MB: return less, or store large data elsewhere and return a reference.";
      } else {
        status = result.returnCode === 0 ? 'successful' : 'failed';
        if (status === 'failed') {
          error = failures.length
            ? oneLine(failures)
            : hidePaths(result.stderrTail, [this.config.dataDir]) || `ansible-playbook exited with code ${result.returnCode}`;
        }
      }
    } catch (err) {
      status = 'error';
      error = scrub(`The run could not start: ${stripAnsi((err as Error).message)}`);
      this.logger.error(`job ${jobId}: ${(err as Error).stack}`);
    } finally {
      stopListening();
      await writer.close().catch((err: Error) => {
        // The run's own result stands; only its stored output is incomplete.
        this.logger.error(`job ${jobId}: ${err.message}`);
        error = [error, `Part of the run's output could not be stored: ${err.message}`].filter(Boolean).join('\n');
      });
    }
    // The folder goes while the outcome is stored; the job is announced done once both are.
    const discarded = this.folders.discard(jobId, runDir);
    // The outcome is stored through a database outage (the lease renewed meanwhile, so nobody
    // takes the run for dead): retried, with the events counted as stored.
    try {
      await this.retrying(`job ${jobId}: storing its result`, () => this.storeOutcome(jobId, status, error, outcome));
    } finally {
      clearInterval(heartbeat);
      await discarded;
    }
    this.events.emit(JobRanEvent.NAME, new JobRanEvent(jobId, status, (performance.now() - started) / 1000));
    this.logger.log({ ansibleJobId: jobId, status, durationMs: Math.round(performance.now() - started), events: writer.eventCount }, `playbook run ${status}`);
    const [, model] = await Promise.all([publishJobDone(this.pubsub, jobId, this.logger), this.jobRows.findOne('id = $1', [jobId])]);
    if (!model) throw new Error(`job ${jobId} is gone`);
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
    const rows = (
      await this.jobs
        .createQueryBuilder()
        .update()
        .set({ status: 'running', startedAt: new Date(), command, inventory, heartbeatAt: () => 'now()' })
        .where({ id: jobId })
        .returning(['cancel_requested_at'])
        .execute()
    ).raw as { cancel_requested_at: Date | null }[];
    return Boolean(rows[0]?.cancel_requested_at);
  }

  /** Renews the job's lease; true when a cancel has been asked for. */
  private async renewLease(jobId: string): Promise<boolean> {
    const rows = (
      await this.jobs
        .createQueryBuilder()
        .update()
        .set({ heartbeatAt: () => 'now()' })
        .where({ id: jobId })
        .returning(['cancel_requested_at'])
        .execute()
    ).raw as { cancel_requested_at: Date | null }[];
    return Boolean(rows[0]?.cancel_requested_at);
  }

  /**
   * Stores how the run ended. `event_count` is what the database holds, so `eventsComplete`
   * compares the events stored with those Ansible emitted. Only a job still ours takes the
   * outcome's status: one the reconciler already failed keeps its status.
   */
  private async storeOutcome(jobId: string, status: JobStatus, error: string | null, o: Outcome): Promise<void> {
    await this.db.query(
      `UPDATE jobs SET return_code = $2, artifacts = $3, host_summaries = $4, events_emitted = $5, finished_at = now(), heartbeat_at = NULL,
              event_count = (SELECT count(*) FROM job_events WHERE job_id = $1),
              status = CASE WHEN status = ANY($8) THEN $6 ELSE status END,
              error = CASE WHEN status = ANY($8) THEN $7 ELSE error END
        WHERE id = $1`,
      [
        jobId,
        o.returnCode,
        o.artifacts === null ? null : JSON.stringify(o.artifacts),
        o.hostSummaries === null ? null : JSON.stringify(o.hostSummaries),
        o.eventsEmitted,
        status,
        error,
        ACTIVE,
      ],
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

  private async canceledByName(jobId: string): Promise<string> {
    const job = await this.jobs.findOne({ where: { id: jobId }, select: { canceledBy: true } });
    const user = job?.canceledBy ? await this.users.findById(job.canceledBy) : null;
    return user ? ` by ${user.username}` : '';
  }
}

const isTruncated = (artifacts: Record<string, unknown> | null) => artifacts !== null && artifacts.truncated === true && 'size' in artifacts;
