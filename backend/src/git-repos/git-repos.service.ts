import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AppError, ErrorCode, isUuid, notFound } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { GitClient } from './git-client.js';
import { GitRepoEntity } from './git-repo.entity.js';
import type { GitRepoModel } from './models/git-repo.model.js';
import { isPlaybook, playbookCandidates } from './playbook-discovery.js';
import { PlaybookEntity } from './playbook.entity.js';

export const BUILTIN_REPO_NAME = 'playbooks';
/** How long a refresh waits for another process's refresh of the same repository. */
const LOCK_WAIT_MS = 120_000;
const BUILTIN_BRANCH = 'main';

@Injectable()
export class GitReposService {
  private readonly logger = new Logger(GitReposService.name);
  private readonly refreshing = new Map<string, Promise<GitRepoModel>>();

  constructor(
    @InjectRepository(GitRepoEntity) private readonly repos: Repository<GitRepoEntity>,
    @InjectRepository(PlaybookEntity) private readonly playbooks: Repository<PlaybookEntity>,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly git: GitClient,
  ) {}

  list(): Promise<GitRepoModel[]> {
    return this.repos.find({ order: { name: 'ASC' } });
  }

  async get(id: string): Promise<GitRepoModel> {
    const repo = isUuid(id) ? await this.repos.findOneBy({ id }) : null;
    if (!repo) throw notFound('Git repository', id);
    return repo;
  }

  async findByName(name: string): Promise<GitRepoModel | null> {
    return this.repos.findOneBy({ name });
  }

  /**
   * The repository's recorded commit with the playbooks found at that very commit, read in
   * one statement, so a refresh landing meanwhile cannot pair one commit with another's files.
   */
  async snapshot(name: string): Promise<{ id: string; name: string; commit: string | null; playbooks: string[] } | null> {
    const rows: { id: string; name: string; commit: string | null; path: string | null }[] = await this.db.query(
      `SELECT r.id, r.name, r.commit, p.path
         FROM git_repos r LEFT JOIN playbooks p ON p.repo_id = r.id AND p.commit = r.commit
        WHERE r.name = $1 ORDER BY p.path`,
      [name],
    );
    if (rows.length === 0) return null;
    const { id, commit } = rows[0];
    return { id, name, commit, playbooks: rows.flatMap((r) => (r.path ? [r.path] : [])) };
  }

  /** Playbook paths found by the last refresh, sorted. */
  async playbookPaths(repoId: string): Promise<string[]> {
    const rows = await this.playbooks.find({ where: { repoId }, order: { path: 'ASC' } });
    return rows.map((r) => r.path);
  }

  /** Publishes the project's playbooks/ folder as the built-in hosted repository, then refreshes it. */
  async publishBuiltin(): Promise<GitRepoModel> {
    const bare = join(this.config.dataDir, 'git', `${BUILTIN_REPO_NAME}.git`);
    await this.git.publishFolder(this.config.playbooksDir, bare, BUILTIN_BRANCH, 'Publish the playbooks/ folder');
    await this.repos
      .createQueryBuilder()
      .insert()
      .values({ name: BUILTIN_REPO_NAME, url: `file://${bare}`, branch: BUILTIN_BRANCH, builtin: true })
      .orUpdate(['url'], ['name'])
      .execute();
    const repo = await this.repos.findOneByOrFail({ name: BUILTIN_REPO_NAME });
    return this.refresh(repo.id);
  }

  /**
   * Fetches the repository into its mirror, records the commit and the playbooks found.
   * One refresh per repository at a time, across processes (a Postgres advisory lock).
   */
  async refresh(id: string): Promise<GitRepoModel> {
    // Concurrent refreshes of one repository in this process share one run.
    const running = this.refreshing.get(id);
    if (running) return running;
    const run = this.refreshOnce(id).finally(() => this.refreshing.delete(id));
    this.refreshing.set(id, run);
    return run;
  }

  private async refreshOnce(id: string): Promise<GitRepoModel> {
    const repo = await this.get(id);
    await this.withLock(repo.id, async () => {
      await this.repos.update(repo.id, { refreshStatus: 'running' });
      const started = Date.now();
      try {
        const mirror = this.mirrorDir(repo.id);
        await this.git.mirror(repo.url, mirror);
        const commit = await this.git.resolve(mirror, repo.branch);
        const candidates = playbookCandidates(await this.git.listTree(mirror, commit));
        const texts = await this.git.readFiles(mirror, commit, candidates);
        const found = candidates.filter((path) => isPlaybook(texts.get(path) ?? ''));
        await this.db.transaction(async (tx) => {
          await tx.delete(PlaybookEntity, { repoId: repo.id });
          if (found.length) await tx.insert(PlaybookEntity, found.map((path) => ({ repoId: repo.id, path, commit })));
          await tx.update(GitRepoEntity, repo.id, { commit, lastRefreshedAt: new Date(), refreshStatus: 'successful', refreshError: null });
        });
        this.logger.log(`refreshed ${repo.name} at ${commit.slice(0, 12)}: ${found.length} playbooks in ${Date.now() - started} ms`);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        await this.repos.update(repo.id, { refreshStatus: 'failed', refreshError: message.slice(0, 4000) });
        throw new AppError(ErrorCode.UNAVAILABLE, `Refreshing git repository "${repo.name}" failed: ${message}`);
      }
    });
    return this.get(id);
  }

  /** Writes the repository's tree at `commit` into `dest`, for a run that must not see a moving tree. */
  async exportTree(repoId: string, commit: string, dest: string): Promise<void> {
    const mirror = this.mirrorDir(repoId);
    if (!(await this.git.hasCommit(mirror, commit))) {
      // A worker on another machine, or after its data folder was lost: fetch first.
      const repo = await this.get(repoId);
      await this.withLock(repoId, () => this.git.mirror(repo.url, mirror));
      if (!(await this.git.hasCommit(mirror, commit))) {
        throw new AppError(ErrorCode.NOT_FOUND, `Commit ${commit} is no longer in git repository "${repo.name}" (was it force-pushed away?)`);
      }
    }
    await this.git.exportTree(mirror, commit, dest);
  }

  /**
   * Runs `work` holding the repository's lock, across processes (a Postgres advisory
   * lock). Waiting never holds a pooled connection: it tries, lets go and tries again,
   * so many waiters cannot starve the pool that `work` itself needs.
   */
  private async withLock<T>(repoId: string, work: () => Promise<T>): Promise<T> {
    const key = `git-repo:${repoId}`;
    const until = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      const lock = this.db.createQueryRunner();
      await lock.connect();
      let held = false;
      try {
        const [row] = (await lock.query('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [key])) as { ok: boolean }[];
        held = row.ok;
        if (held) return await work();
      } finally {
        if (held) await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [key]).catch(() => undefined);
        await lock.release();
      }
      if (Date.now() > until) {
        throw new AppError(ErrorCode.CONFLICT, 'Another refresh of this git repository is still running: try again when it has finished.');
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private mirrorDir(repoId: string): string {
    return join(this.config.dataDir, 'mirrors', `${repoId}.git`);
  }
}
