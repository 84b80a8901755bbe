import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, mkdir, readdir, readlink, rename, rm, stat, symlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
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
 */
@Injectable()
export class ProjectSnapshots {
  private readonly logger = new Logger(ProjectSnapshots.name);

  constructor(
    private readonly repos: GitReposService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Writes the tree of `commit` into `dest` (an empty folder that exists). */
  async copyInto(repoId: string, commit: string, dest: string): Promise<void> {
    if (!COMMIT.test(commit)) {
      await this.repos.exportTree(repoId, commit, dest);
      return;
    }
    try {
      const snapshot = await this.snapshot(repoId, commit);
      await copyTree(snapshot, dest);
      return;
    } catch (err) {
      this.logger.warn(`snapshot of ${commit.slice(0, 12)} unusable, exporting from git instead: ${(err as Error).message}`);
    }
    await rm(dest, { recursive: true, force: true });
    await mkdir(dest, { recursive: true });
    await this.repos.exportTree(repoId, commit, dest);
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
    const entries = await Promise.all(
      (await readdir(repoDir)).filter((n) => n !== keep).map(async (name) => ({ name, at: (await stat(join(repoDir, name))).mtimeMs })),
    );
    // Half-made snapshots of a process that died while exporting.
    for (const { name } of entries.filter((e) => e.name.startsWith('.tmp-') && e.at < Date.now() - 3_600_000)) {
      await rm(join(repoDir, name), { recursive: true, force: true });
    }
    const used = entries.filter((e) => COMMIT.test(e.name));
    used.sort((a, b) => b.at - a.at);
    const cutoff = Date.now() - MAX_IDLE_MS;
    const stale = used.filter((u, i) => i >= KEEP_PER_REPO - 1 || u.at < cutoff);
    // Renamed away first, so a run never starts copying a half-removed snapshot.
    for (const { name } of stale) {
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
