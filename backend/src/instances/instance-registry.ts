import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sha256 } from '../auth/auth.service.js';
import { APP_CONFIG, type AppConfig, PROJECT_ROOT, runsWorker } from '../config/config.js';
import { HEARTBEAT_MS } from '../jobs/job-lease.js';

/** Stopped and lost instances are forgotten this long after their last sign of life. */
export const INSTANCE_RETENTION_HOURS = 24;
/** How often an instance prunes the forgotten ones (every instance does; it is one small DELETE). */
const PRUNE_EVERY_MS = 10 * 60_000;

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

/** The credential this process fetches hosted repositories from PORTAL_URL with: HTTP basic auth. */
export interface InstanceCredential {
  username: string;
  /** Secret: never logged, never in a process argument. */
  password: string;
}

export const instanceSecretHash = (secret: string) => sha256(secret);

const VERSION = (() => {
  try {
    return (JSON.parse(readFileSync(join(PROJECT_ROOT, 'backend', 'package.json'), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
})();

/**
 * This process in the worker registry, when it runs the worker role: registered at start with
 * a fresh random secret (only its hash is stored), its heartbeat and running-job count renewed
 * every HEARTBEAT_MS (a failure, such as a database outage, is logged and tried again at the
 * next beat), marked stopped on a clean shutdown, after the running jobs had their grace.
 * That is `onApplicationShutdown`: every module's `beforeApplicationShutdown` (the queues' drain
 * among them, up to SHUTDOWN_GRACE_SECONDS) has run by then, and the database pool (a global
 * module's, closed after this one's hook) is still open. Until then the instance is online and
 * its credential works: a draining job may still fetch.
 */
@Injectable()
export class InstanceRegistry implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(InstanceRegistry.name);
  readonly id = randomUUID();
  private readonly secret = randomBytes(32).toString('base64url');
  private timer: NodeJS.Timeout | null = null;
  private running: () => number = () => 0;
  private lastPrune = 0;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Whether this process is in the registry (it runs the worker role). */
  get registered(): boolean {
    return runsWorker(this.config);
  }

  /** How the process counts its running jobs (the jobs module tells). */
  countRunningWith(count: () => number): void {
    this.running = count;
  }

  /** The process's fetch credential; null when it does not run the worker role. */
  credential(): InstanceCredential | null {
    return this.registered && !this.stopped ? { username: this.id, password: this.secret } : null;
  }

  async onModuleInit(): Promise<void> {
    if (!this.registered) return;
    const portal = this.config.portalUrl ? new URL(this.config.portalUrl) : null;
    if (portal?.protocol === 'http:' && !LOOPBACK.test(portal.hostname)) {
      this.logger.warn(
        `PORTAL_URL is plain http (${portal.host}): this worker's credential, which fetches every hosted repository, crosses the network unencrypted. Put the api behind TLS and use https.`,
      );
    }
    // Registered before any module starts taking work, so the first fetch already has its credential.
    await this.beat();
    this.timer = setInterval(() => void this.beat(), HEARTBEAT_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.registered) return;
    if (this.timer) clearInterval(this.timer);
    this.stopped = true;
    await this.db
      .query(`UPDATE "instances" SET "stopped_at" = now(), "heartbeat_at" = now(), "running_jobs" = 0 WHERE "id" = $1`, [this.id])
      .catch((err: Error) => this.logger.warn(`could not mark this instance stopped: ${err.message}`));
  }

  /** Registers or renews the row (put back should it have been pruned meanwhile); never throws. */
  private async beat(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.db.query(
        `INSERT INTO "instances" ("id", "hostname", "role", "version", "concurrency", "running_jobs", "started_at", "heartbeat_at", "secret_hash")
         VALUES ($1, $2, $3, $4, $5, $6, now(), now(), $7)
         ON CONFLICT ("id") DO UPDATE SET "heartbeat_at" = now(), "running_jobs" = EXCLUDED."running_jobs"`,
        [this.id, hostname(), this.config.role, VERSION, this.config.workerConcurrency, this.running(), instanceSecretHash(this.secret)],
      );
      if (Date.now() - this.lastPrune >= PRUNE_EVERY_MS) {
        this.lastPrune = Date.now();
        await this.prune();
      }
    } catch (err) {
      this.logger.warn(`instance heartbeat failed (tried again in ${HEARTBEAT_MS / 1000} s): ${(err as Error).message}`);
    }
  }

  /** Forgets instances stopped, or lost, more than INSTANCE_RETENTION_HOURS ago. */
  async prune(): Promise<number> {
    const [, count] = (await this.db.query(`DELETE FROM "instances" WHERE coalesce("stopped_at", "heartbeat_at") < now() - make_interval(hours => $1)`, [
      INSTANCE_RETENTION_HOURS,
    ])) as [unknown, number];
    return count;
  }
}
