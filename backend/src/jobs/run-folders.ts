import { mkdir, readdir, rename, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, runsWorker } from '../config/config.js';
import { removeTree, Sandbox } from '../system/sandbox.js';
import { LocalRuns } from './job-lease.js';
import { JobLiveness } from './job-liveness.service.js';

/** A run folder younger than this is never swept (its job row may not be stored yet). */
const SWEEP_GRACE_MS = 15_000;
/** A tmpfs folder of a check (health, inventory) older than this is what a dead process left. */
const CHECK_FOLDER_MAX_AGE_MS = 600_000;

/**
 * The run folders (DATA_DIR/runs/<job id>) and their tmpfs credential folders: removed when
 * a run ends, and — at a worker's start — those a worker killed mid-run left behind.
 */
@Injectable()
export class RunFolders implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(RunFolders.name);
  /** Run folders being deleted in the background. */
  private readonly removals = new Set<Promise<void>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sandbox: Sandbox,
    private readonly local: LocalRuns,
    private readonly liveness: JobLiveness,
  ) {}

  runDir(jobId: string): string {
    return join(this.config.dataDir, 'runs', jobId);
  }

  /**
   * Removes a run's folder and its tmpfs credential folder: moved out of runs/ at once,
   * deleted in the background; shutdown waits for the deletions, and a start clears what
   * a process that died left in the trash.
   */
  async discard(jobId: string, runDir = this.runDir(jobId)): Promise<void> {
    await this.sandbox.removeTmpfs(`run-${jobId}`).catch((err: Error) => this.logger.warn(`job ${jobId}: removing its credentials: ${err.message}`));
    const trash = join(this.config.dataDir, 'trash', basename(runDir));
    try {
      await rename(runDir, trash);
    } catch {
      await mkdir(dirname(trash), { recursive: true, mode: 0o700 }).catch(() => undefined);
      if (
        !(await rename(runDir, trash).then(
          () => true,
          () => false,
        ))
      ) {
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
    if (!runsWorker(this.config)) return;
    const swept = await this.sweep().catch((err: Error) => {
      this.logger.warn(`sweeping run folders: ${err.message}`);
      return 0;
    });
    if (swept) this.logger.warn(`removed ${swept} run folder(s) and credential folder(s) a process that died left behind`);
  }

  /**
   * Removes the run folders and tmpfs credential folders that belong to no live job: what a
   * worker killed mid-run left. A folder of a job whose lease is fresh (another worker on this
   * DATA_DIR runs it), or younger than SWEEP_GRACE_MS, is kept; tmpfs folders of checks
   * (health, inventory) go after CHECK_FOLDER_MAX_AGE_MS.
   */
  async sweep(): Promise<number> {
    const old = async (path: string, ms: number) => {
      const st = await stat(path).catch(() => null);
      return st !== null && Date.now() - st.mtimeMs > ms;
    };
    const orphan = async (id: string, path: string) => !this.local.has(id) && (await old(path, SWEEP_GRACE_MS)) && !(await this.liveness.leaseFresh(id));
    let swept = 0;
    const runs = join(this.config.dataDir, 'runs');
    for (const id of await readdir(runs).catch(() => [] as string[])) {
      if (!(await orphan(id, join(runs, id)))) continue;
      await this.discard(id, join(runs, id));
      swept++;
    }
    for (const name of await this.sandbox.tmpfsEntries()) {
      const path = join(this.sandbox.tmpfsRoot, name);
      const gone = name.startsWith('run-') ? await orphan(name.slice(4), path) : await old(path, CHECK_FOLDER_MAX_AGE_MS);
      if (!gone) continue;
      await this.sandbox.removeTmpfs(name);
      swept++;
    }
    return swept;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.removals);
  }
}
