import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, mkdir, readdir, readlink, rename, rm, stat, symlink, utimes } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { GitReposService } from '../git-repos/git-repos.service.js';

/** Snapshots of one repository kept at most; the least recently used go first. */
const KEEP_PER_REPO = 10;
/** A snapshot not used for this long is removed when the next one of its repository is made. */
const MAX_IDLE_MS = 7 * 86_400_000;
const COMMIT = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/**
 * The tree of a repository at one commit, exported once into DATA_DIR/snapshots and
 * copied into each run's folder from there: a copy in-process costs a few milliseconds,
 * where `git archive | tar` cost two processes (and a third to check the commit) per run.
 *
 * A snapshot is made complete in a temporary folder, then renamed into place, so a
 * snapshot that exists is whole; it is named by its full commit id and never changed
 * afterwards, so a refresh of the repository cannot change what a run gets. Each run
 * gets a real copy, never links: what a playbook writes into its own project folder
 * stays in that run. If anything goes wrong with the snapshot (another process pruned
 * it meanwhile, say), the run's tree is exported straight from git as before.
 *
 * Copying a tree of a few dozen files still takes 5–15 ms of file creation, on the path
 * from order to ansible-playbook. So each snapshot keeps one spare copy, made in the
 * background while a run that took the previous one runs: a run renames the spare into its folder
 * (one system call) and copies only when there is none (the first run of a commit, or two
 * runs at once). A spare is made complete under a `.tmp-` name first and is never given
 * to anything but the rename, so a run always gets an untouched tree. The rename is also
 * what makes sharing safe: a spare that pruning (or another process) renames away first
 * is simply not there, and the run copies instead.
 */
@Injectable()
export class ProjectSnapshots implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ProjectSnapshots.name);
  /** Snapshot folder → its spare copy, ready to be renamed into a run. */
  private readonly spares = new Map<string, string>();
  /** Snapshot folders whose spare is being made. */
  private readonly making = new Map<string, Promise<void>>();
  private stopping = false;

  constructor(
    private readonly repos: GitReposService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Writes the tree of `commit` into the folder `dest`, which must not exist yet (its parent must). */
  async copyInto(repoId: string, commit: string, dest: string): Promise<void> {
    if (!COMMIT.test(commit)) {
      await mkdir(dest);
      await this.repos.exportTree(repoId, commit, dest);
      return;
    }
    try {
      const snapshot = await this.snapshot(repoId, commit);
      if (await this.takeSpare(snapshot, dest)) return;
      await mkdir(dest);
      await copyTree(snapshot, dest);
      return;
    } catch (err) {
      this.logger.warn(`snapshot of ${commit.slice(0, 12)} unusable, exporting from git instead: ${(err as Error).message}`);
    }
    await rm(dest, { recursive: true, force: true });
    await mkdir(dest, { recursive: true });
    await this.repos.exportTree(repoId, commit, dest);
  }

  /** Renames the snapshot's spare copy to `dest`; false when there is none to take. */
  private async takeSpare(snapshot: string, dest: string): Promise<boolean> {
    const spare = this.spares.get(snapshot);
    if (!spare) return false;
    this.spares.delete(snapshot);
    try {
      await rename(spare, dest);
      return true;
    } catch (err) {
      // Pruned meanwhile (ENOENT): copy instead. Anything else leaves a spare nobody would take.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') await rm(spare, { recursive: true, force: true }).catch(() => undefined);
      return false;
    }
  }

  /**
   * Starts making the next spare copy of a snapshot `copyInto` used, unless one is ready or
   * on its way. Called once the run has started: made during `copyInto`, its file copies would
   * queue ahead of the run's own inventory and variable files in libuv's thread pool.
   */
  replenish(repoId: string, commit: string): void {
    if (this.stopping || !COMMIT.test(commit)) return;
    const snapshot = join(this.config.dataDir, 'snapshots', repoId, commit);
    if (this.spares.has(snapshot) || this.making.has(snapshot)) return;
    const tmp = join(dirname(snapshot), `.tmp-${randomUUID()}`);
    const spare = join(dirname(snapshot), `.spare-${commit}-${randomUUID()}`);
    const made = (async () => {
      try {
        await mkdir(tmp);
        await copyTree(snapshot, tmp);
        await rename(tmp, spare);
        this.spares.set(snapshot, spare);
      } catch (err) {
        this.logger.warn(`spare copy of ${commit.slice(0, 12)} not made: ${(err as Error).message}`);
        await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
      } finally {
        this.making.delete(snapshot);
      }
    })();
    this.making.set(snapshot, made);
  }

  /**
   * Removes the spare copies a process that died left behind. Another process's live spares go
   * too, which costs it one copy: it finds its spare gone and copies, as when pruning took it.
   */
  async onModuleInit(): Promise<void> {
    const root = join(this.config.dataDir, 'snapshots');
    const repos = await readdir(root).catch(() => [] as string[]);
    for (const repo of repos) {
      for (const name of (await readdir(join(root, repo)).catch(() => [] as string[])).filter((n) => n.startsWith('.spare-'))) {
        const gone = join(root, repo, `.tmp-${randomUUID()}`);
        if (
          await rename(join(root, repo, name), gone).then(
            () => true,
            () => false,
          )
        )
          await rm(gone, { recursive: true, force: true });
      }
    }
  }

  /**
   * Removes this process's spare copies: another process would never take them. At application
   * shutdown, after the workers have let their running jobs finish (those start no new spare).
   */
  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.making.values());
    const spares = [...this.spares.values()];
    this.spares.clear();
    await Promise.all(spares.map((dir) => rm(dir, { recursive: true, force: true }).catch(() => undefined)));
  }

  /** The folder holding the tree of `commit`, made when missing. */
  private async snapshot(repoId: string, commit: string): Promise<string> {
    const repoDir = join(this.config.dataDir, 'snapshots', repoId);
    const dir = join(repoDir, commit);
    const now = new Date();
    try {
      await utimes(dir, now, now); // its last use, for pruning
      return dir;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    await mkdir(repoDir, { recursive: true, mode: 0o700 });
    const tmp = join(repoDir, `.tmp-${randomUUID()}`);
    try {
      await mkdir(tmp);
      await this.repos.exportTree(repoId, commit, tmp);
      await rename(tmp, dir).catch(async (err: NodeJS.ErrnoException) => {
        // Another run made it first: theirs is the same tree.
        if (err.code !== 'ENOTEMPTY' && err.code !== 'EEXIST') throw err;
      });
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
    await this.prune(repoDir, commit).catch((err: Error) => this.logger.warn(`pruning snapshots: ${err.message}`));
    return dir;
  }

  /** Removes a repository's snapshots beyond the most recently used ones, and those idle too long. */
  private async prune(repoDir: string, keep: string): Promise<void> {
    // Spares and temporary folders come and go meanwhile (renamed into runs): one gone is skipped.
    const entries = (
      await Promise.all(
        (await readdir(repoDir)).filter((n) => n !== keep).map(async (name) => ({ name, at: (await stat(join(repoDir, name)).catch(() => null))?.mtimeMs })),
      )
    ).filter((e): e is { name: string; at: number } => e.at !== undefined);
    // Half-made snapshots of a process that died while exporting.
    for (const { name } of entries.filter((e) => e.name.startsWith('.tmp-') && e.at < Date.now() - 3_600_000)) {
      await rm(join(repoDir, name), { recursive: true, force: true });
    }
    const used = entries.filter((e) => COMMIT.test(e.name));
    used.sort((a, b) => b.at - a.at);
    const cutoff = Date.now() - MAX_IDLE_MS;
    const stale = used.filter((u, i) => i >= KEEP_PER_REPO - 1 || u.at < cutoff);
    // Spares of those, and spares a process that stopped without removing them left behind.
    const kept = new Set([keep, ...used.filter((u) => !stale.includes(u)).map((u) => u.name)]);
    const spares = entries.filter((e) => e.name.startsWith('.spare-') && (!kept.has(e.name.slice(7, -37)) || e.at < cutoff));
    // Renamed away first, so a run never starts copying a half-removed snapshot (nor takes a half-removed spare).
    for (const { name } of [...stale, ...spares]) {
      const gone = join(repoDir, `.tmp-${randomUUID()}`);
      await rename(join(repoDir, name), gone).catch(() => undefined);
      await rm(gone, { recursive: true, force: true });
    }
  }
}

/** Copies the folder `from` into the existing folder `to`: files (with their mode), folders and symbolic links as they are. */
export async function copyTree(from: string, to: string): Promise<void> {
  const entries = await readdir(from, { withFileTypes: true });
  await Promise.all(
    entries.map(async (entry) => {
      const source = join(from, entry.name);
      const target = join(to, entry.name);
      if (entry.isDirectory()) {
        await mkdir(target);
        await copyTree(source, target);
      } else if (entry.isSymbolicLink()) {
        await symlink(await readlink(source), target);
      } else if (entry.isFile()) {
        await copyFile(source, target, constants.COPYFILE_EXCL);
      }
    }),
  );
}
