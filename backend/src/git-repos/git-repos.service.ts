import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AppError, ErrorCode, isUuid, notFound, validationFailed } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { GitClient } from './git-client.js';
import { GitRefreshEntity } from './git-refresh.entity.js';
import { checkGitUrl, checkRefName } from './git-url.js';
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
    @InjectRepository(GitRefreshEntity) private readonly refreshes: Repository<GitRefreshEntity>,
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
      const record = await this.refreshes.save(this.refreshes.create({ repoId: repo.id, status: 'running', previousCommit: repo.commit }));
      const finish = (fields: Partial<GitRefreshEntity>) =>
        this.refreshes.update(record.id, { ...fields, durationMs: Date.now() - started, finishedAt: new Date() });
      try {
        const mirror = this.mirrorDir(repo.id);
        // Skipped when the remote branch has not moved and the mirror already has it.
        if (repo.commit && (await this.git.hasCommit(mirror, repo.commit))) {
          const head = await this.git.remoteHead(repo.url, repo.branch);
          if (head === repo.commit) {
            await this.repos.update(repo.id, { lastRefreshedAt: new Date(), refreshStatus: 'successful', refreshError: null });
            await finish({ status: 'unchanged', commit: head });
            return;
          }
        }
        await this.git.mirror(repo.url, mirror);
        const commit = await this.git.resolve(mirror, repo.branch);
        const tree = await this.git.listTree(mirror, commit);
        const blobs = new Map(tree.map((f) => [f.path, f.oid]));
        const candidates = playbookCandidates(tree);
        const texts = await this.git.readFiles(mirror, commit, candidates);
        const found = candidates.filter((path) => isPlaybook(texts.get(path) ?? ''));
        const before = new Map((await this.playbooks.findBy({ repoId: repo.id })).map((p) => [p.path, p.blob]));
        const diff = {
          added: found.filter((path) => !before.has(path)),
          changed: found.filter((path) => before.has(path) && before.get(path) !== blobs.get(path)),
          removed: [...before.keys()].filter((path) => !found.includes(path)).sort(),
        };
        await this.db.transaction(async (tx) => {
          await tx.delete(PlaybookEntity, { repoId: repo.id });
          if (found.length) await tx.insert(PlaybookEntity, found.map((path) => ({ repoId: repo.id, path, commit, blob: blobs.get(path) ?? null })));
          await tx.update(GitRepoEntity, repo.id, { commit, lastRefreshedAt: new Date(), refreshStatus: 'successful', refreshError: null });
        });
        await finish({ status: 'successful', commit, ...diff });
        this.logger.log(`refreshed ${repo.name} at ${commit.slice(0, 12)}: ${found.length} playbooks in ${Date.now() - started} ms`);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        await this.repos.update(repo.id, { refreshStatus: 'failed', refreshError: message.slice(0, 4000) });
        await finish({ status: 'failed', error: message.slice(0, 4000) });
        throw new AppError(ErrorCode.UNAVAILABLE, `Refreshing git repository "${repo.name}" failed: ${message}`);
      }
    });
    return this.get(id);
  }

  /** The latest refreshes of a repository, newest first. */
  refreshHistory(repoId: string, take: number): Promise<GitRefreshEntity[]> {
    return this.refreshes.find({ where: { repoId }, order: { startedAt: 'DESC' }, take: Math.min(Math.max(take, 1), 200) });
  }

  /**
   * Registers a repository and clones it at once. Nothing is stored unless the URL and
   * branch are valid and the clone succeeds.
   */
  async create(input: { name: string; url: string; branch?: string | null }): Promise<GitRepoModel> {
    const branch = input.branch ?? 'main';
    this.validate({ name: input.name, url: input.url, branch });
    if (await this.repos.existsBy({ name: input.name })) {
      throw validationFailed(`A git repository named "${input.name}" exists already`, { name: 'is taken by another repository' });
    }
    const { id } = await this.repos.save(this.repos.create({ name: input.name, url: input.url, branch, builtin: false }));
    try {
      return await this.refresh(id);
    } catch (err) {
      await this.repos.delete(id);
      await this.git.removeMirror(this.mirrorDir(id));
      const why = err instanceof AppError ? err.message.replace(/^Refreshing git repository "[^"]*" failed: /, '') : String(err);
      throw validationFailed(`The repository could not be cloned: ${why}`, { url: `could not be cloned: ${why}` });
    }
  }

  /** Changes a repository; refreshes it when its URL or branch changed. The built-in one cannot change. */
  async update(id: string, input: { name?: string | null; url?: string | null; branch?: string | null }): Promise<GitRepoModel> {
    const repo = await this.get(id);
    if (repo.builtin) throw new AppError(ErrorCode.CONFLICT, 'The built-in repository is published from the playbooks/ folder and cannot be changed.');
    const next = { name: input.name ?? repo.name, url: input.url ?? repo.url, branch: input.branch ?? repo.branch };
    this.validate(next);
    if (next.name !== repo.name && (await this.repos.existsBy({ name: next.name }))) {
      throw validationFailed(`A git repository named "${next.name}" exists already`, { name: 'is taken by another repository' });
    }
    await this.repos.update(id, next);
    if (next.url !== repo.url) await this.git.removeMirror(this.mirrorDir(id));
    return next.url !== repo.url || next.branch !== repo.branch ? this.refresh(id) : this.get(id);
  }

  /** Deletes a repository and its mirror; refused for the built-in one and for one whose playbooks ran jobs. */
  async delete(id: string): Promise<boolean> {
    const repo = await this.get(id);
    if (repo.builtin) throw new AppError(ErrorCode.CONFLICT, 'The built-in repository cannot be deleted.');
    try {
      await this.repos.delete(id);
    } catch (err) {
      if ((err as { driverError?: { code?: string } }).driverError?.code === '23503') {
        throw new AppError(ErrorCode.CONFLICT, `Playbooks of "${repo.name}" have run jobs: the repository is kept for their history.`);
      }
      throw err;
    }
    await this.git.removeMirror(this.mirrorDir(id));
    return true;
  }

  private validate(input: { name: string; url: string; branch: string }): void {
    const fields: Record<string, string> = {};
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(input.name)) fields.name = 'use 1 to 100 letters, digits, . _ or -, starting with a letter or digit';
    // Every user is an administrator until roles arrive; file:// is for administrators.
    const url = checkGitUrl(input.url, { allowFile: true });
    if (!url.ok) fields.url = url.reason;
    const ref = checkRefName(input.branch);
    if (!ref.ok) fields.branch = ref.reason;
    const names = Object.keys(fields);
    if (names.length) throw validationFailed(`The git repository is not valid — ${names.map((n) => `${n}: ${fields[n]}`).join('; ')}`, fields);
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
