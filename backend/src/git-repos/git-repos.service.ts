import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, Repository } from 'typeorm';
import { AppError, ErrorCode, isUuid, notFound, validationFailed } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { CredentialsService } from '../credentials/credentials.service.js';
import { SecretBox, webhookAad } from '../credentials/secret-box.js';
import { JobName, QueueName } from '../queue/queue.constants.js';
import { QueueService } from '../queue/queue.service.js';
import { ProcessRunner } from '../system/process-runner.js';
import { type GitAuth, GitClient } from './git-client.js';
import { GitRefreshEntity } from './git-refresh.entity.js';
import { checkGitUrl, checkRefName } from './git-url.js';
import { GitRepoEntity } from './git-repo.entity.js';
import type { GitRepoModel } from './models/git-repo.model.js';
import { isPlaybook, playbookCandidates } from './playbook-discovery.js';
import { PlaybookEntity } from './playbook.entity.js';
import { type RunProgram, syntaxCheck } from './syntax-check.js';

export const BUILTIN_REPO_NAME = 'playbooks';
/** How long a refresh waits for another process's refresh of the same repository. */
const LOCK_WAIT_MS = 120_000;
const BUILTIN_BRANCH = 'main';
/** Syntax checks run at once per repository. */
const SYNTAX_CHECKS_AT_ONCE = 2;

export interface CreateRepo {
  name: string;
  url?: string | null;
  branch?: string | null;
  hosted?: boolean;
  credentialId?: string | null;
  refreshMaxAgeSeconds?: number | null;
  refreshIntervalSeconds?: number | null;
}

export interface UpdateRepo {
  name?: string | null;
  url?: string | null;
  branch?: string | null;
  enabled?: boolean | null;
  /** undefined keeps it, null removes it. */
  credentialId?: string | null;
  /** undefined keeps the policy, null turns it off. */
  refreshMaxAgeSeconds?: number | null;
  refreshIntervalSeconds?: number | null;
}

/** A repository's settings as `update` stores them. */
type RepoSettings = Pick<GitRepoEntity, 'name' | 'url' | 'branch' | 'enabled' | 'credentialId' | 'refreshMaxAgeSeconds' | 'refreshIntervalSeconds'>;

const mb = (bytes: number) => `${Math.ceil(bytes / 1024 / 1024)} MB`;

@Injectable()
export class GitReposService {
  private readonly logger = new Logger(GitReposService.name);
  private readonly refreshing = new Map<string, Promise<GitRepoModel>>();
  private readonly followUps = new Map<string, Promise<GitRepoModel>>();
  /** Loads a repository's catalog/ files (the catalog module's, registered at start): it throws when they are refused. */
  private catalogLoader: ((repoName: string, files: { path: string; text: string }[]) => Promise<unknown>) | null = null;

  constructor(
    @InjectRepository(GitRepoEntity) private readonly repos: Repository<GitRepoEntity>,
    @InjectRepository(PlaybookEntity) private readonly playbooks: Repository<PlaybookEntity>,
    @InjectRepository(GitRefreshEntity) private readonly refreshes: Repository<GitRefreshEntity>,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly git: GitClient,
    private readonly queues: QueueService,
    private readonly processes: ProcessRunner,
    private readonly box: SecretBox,
    private readonly credentials: CredentialsService,
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

  /**
   * The snapshot a run is planned on: refused for a disabled repository, and taken after
   * a refresh when the repository asks for one before runs and its last one is too old.
   */
  async snapshotForRun(name: string): Promise<{ id: string; name: string; commit: string | null; playbooks: string[] } | null> {
    const repo = await this.findByName(name);
    if (!repo) return null;
    if (!repo.enabled) throw new AppError(ErrorCode.CONFLICT, `Git repository "${name}" is disabled: enable it to order from it.`);
    const maxAge = repo.refreshMaxAgeSeconds;
    if (maxAge !== null && (!repo.lastRefreshedAt || Date.now() - repo.lastRefreshedAt.getTime() >= maxAge * 1000)) {
      await this.refresh(repo.id);
    }
    return this.snapshot(name);
  }

  /** The playbooks found by the last refresh, sorted by path, with their syntax status. */
  playbooksOf(repoId: string): Promise<PlaybookEntity[]> {
    return this.playbooks.find({ where: { repoId }, order: { path: 'ASC' } });
  }

  /** Playbook paths found by the last refresh, sorted. */
  async playbookPaths(repoId: string): Promise<string[]> {
    return (await this.playbooksOf(repoId)).map((r) => r.path);
  }

  /** The bare repository of a hosted repository, served at /git/<name>.git. */
  hostedDir(name: string): string {
    return join(this.config.dataDir, 'git', `${name}.git`);
  }

  /** The URL to clone and push a hosted repository; null for the others. */
  cloneUrl(repo: Pick<GitRepoModel, 'hosted' | 'name'>): string | null {
    return repo.hosted ? `${this.config.publicUrl}/git/${repo.name}.git` : null;
  }

  /** Publishes the project's playbooks/ folder as the built-in hosted repository, then refreshes it. */
  async publishBuiltin(): Promise<GitRepoModel> {
    const bare = this.hostedDir(BUILTIN_REPO_NAME);
    await this.git.ensureHosted(bare, BUILTIN_BRANCH, this.config.gitMaxRepoBytes);
    await this.git.publishFolder(this.config.playbooksDir, bare, BUILTIN_BRANCH, 'Publish the playbooks/ folder');
    await this.repos
      .createQueryBuilder()
      .insert()
      .values({ name: BUILTIN_REPO_NAME, url: `file://${bare}`, branch: BUILTIN_BRANCH, builtin: true, hosted: true })
      .orUpdate(['url', 'hosted'], ['name'])
      .execute();
    const repo = await this.repos.findOneByOrFail({ name: BUILTIN_REPO_NAME });
    return this.refresh(repo.id);
  }

  /**
   * Fetches the repository into its mirror, records the commit and the playbooks found.
   * One refresh per repository at a time, across processes (a Postgres advisory lock).
   */
  async refresh(id: string): Promise<GitRepoModel> {
    // Concurrent refreshes of one repository in this process coalesce: one running, and at
    // most one more after it (which sees anything pushed after the running one looked).
    const queued = this.followUps.get(id);
    if (queued) return queued;
    const running = this.refreshing.get(id);
    if (running) {
      const next = running
        .catch(() => undefined)
        .then(() => {
          this.followUps.delete(id);
          return this.refresh(id);
        });
      this.followUps.set(id, next);
      return next;
    }
    const run = this.refreshOnce(id).finally(() => this.refreshing.delete(id));
    this.refreshing.set(id, run);
    return run;
  }

  /**
   * One refresh. With `change` (new settings of the repository), the fetch uses the new URL,
   * branch and credential, and the settings are stored with the commit it found, in one
   * transaction: when it fails, the repository keeps its settings, its commit and its
   * status, and a new URL's mirror is thrown away (its failed refresh stays in the history).
   */
  private async refreshOnce(id: string, change?: RepoSettings): Promise<GitRepoModel> {
    const stored = await this.get(id);
    const repo = change ? { ...stored, ...change } : stored;
    if (!repo.enabled) throw new AppError(ErrorCode.CONFLICT, `Git repository "${repo.name}" is disabled: enable it to refresh it.`);
    let syntaxPending: string | null = null;
    await this.withLock(repo.id, async () => {
      if (!change) await this.repos.update(repo.id, { refreshStatus: 'running' });
      const started = Date.now();
      const record = await this.refreshes.save(this.refreshes.create({ repoId: repo.id, status: 'running', previousCommit: repo.commit }));
      const finish = (fields: Partial<GitRefreshEntity>) =>
        this.refreshes.update(record.id, { ...fields, durationMs: Date.now() - started, finishedAt: new Date() });
      // A mirror fetches from the URL it was made with: a new URL gets a mirror of its own, kept
      // only if it works (hosted repositories keep their URL, so only the last path below has one).
      const newUrl = repo.url !== stored.url;
      const mirror = newUrl ? `${this.mirrorDir(repo.id)}.next-${randomBytes(4).toString('hex')}` : this.mirrorDir(repo.id);
      const settled = (fields: Partial<GitRepoEntity>, tx: EntityManager = this.db.manager) => tx.update(GitRepoEntity, repo.id, { ...change, ...fields });
      try {
        const auth = await this.authFor(repo);
        // Skipped when the remote branch has not moved and the mirror already has it.
        if (repo.commit && (await this.git.hasCommit(mirror, repo.commit))) {
          const head = await this.git.remoteHead(mirror, repo.branch, auth, this.knownHosts());
          if (head === repo.commit) {
            await settled({ lastRefreshedAt: new Date(), refreshStatus: 'successful', refreshError: null });
            await finish({ status: 'unchanged', commit: head });
            return;
          }
        }
        await this.git.mirror(repo.url, mirror, auth, this.knownHosts());
        const size = await this.git.repoSize(mirror);
        if (size > this.config.gitMaxRepoBytes) {
          await this.git.removeMirror(mirror);
          throw new Error(`the repository holds ${mb(size)}, more than the ${mb(this.config.gitMaxRepoBytes)} allowed (GIT_MAX_REPO_MB)`);
        }
        const commit = await this.git.resolve(mirror, repo.branch).catch(() => null);
        if (!commit) {
          if (repo.hosted && !(await this.git.hasRefs(mirror))) {
            // A hosted repository nobody has pushed to yet.
            await finish({ status: 'successful', commit: null });
            await settled({ lastRefreshedAt: new Date(), refreshStatus: 'successful', refreshError: null });
            return;
          }
          throw new Error(`no branch, tag or commit "${repo.branch}" in the repository`);
        }
        const tree = await this.git.listTree(mirror, commit);
        if (tree.length > this.config.gitMaxFiles) {
          throw new Error(`commit ${commit.slice(0, 12)} has ${tree.length} files, more than the ${this.config.gitMaxFiles} allowed (GIT_MAX_FILES)`);
        }
        const blobs = new Map(tree.map((f) => [f.path, f.oid]));
        const candidates = playbookCandidates(tree);
        const texts = await this.git.readFiles(mirror, commit, candidates);
        const found = candidates.filter((path) => isPlaybook(texts.get(path) ?? ''));
        const previous = new Map((await this.playbooks.findBy({ repoId: repo.id })).map((p) => [p.path, p]));
        const diff = {
          added: found.filter((path) => !previous.has(path)),
          changed: found.filter((path) => previous.has(path) && previous.get(path)?.blob !== blobs.get(path)),
          removed: [...previous.keys()].filter((path) => !found.includes(path)).sort(),
        };
        // A playbook's syntax status still holds when nothing but playbooks changed and its own file did not.
        const othersChanged = repo.commit ? await this.nonPlaybookChanges(mirror, repo.commit, tree, new Set([...found, ...previous.keys()])) : true;
        const rows = found.map((path) => {
          const before = previous.get(path);
          const keep = !othersChanged && before && before.blob === blobs.get(path) && before.syntaxStatus !== 'pending';
          return {
            repoId: repo.id,
            path,
            commit,
            blob: blobs.get(path) ?? null,
            syntaxStatus: keep ? before.syntaxStatus : ('pending' as const),
            syntaxError: keep ? before.syntaxError : null,
          };
        });
        await this.db.transaction(async (tx) => {
          await tx.delete(PlaybookEntity, { repoId: repo.id });
          if (rows.length) await tx.insert(PlaybookEntity, rows);
          await settled({ commit, lastRefreshedAt: new Date(), refreshStatus: 'successful', refreshError: null }, tx);
        });
        if (newUrl) await this.git.moveMirror(mirror, this.mirrorDir(repo.id));
        const catalogProblem = repo.builtin ? null : await this.loadCatalog(repo.name, this.mirrorDir(repo.id), commit, tree);
        await finish({ status: 'successful', commit, ...diff, ...(catalogProblem ? { error: catalogProblem } : {}) });
        if (rows.some((r) => r.syntaxStatus === 'pending')) syntaxPending = commit;
        this.logger.log(`refreshed ${repo.name} at ${commit.slice(0, 12)}: ${found.length} playbooks in ${Date.now() - started} ms`);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (change) {
          if (newUrl) await this.git.removeMirror(mirror);
        } else {
          await this.repos.update(repo.id, { refreshStatus: 'failed', refreshError: message.slice(0, 4000) });
        }
        await finish({ status: 'failed', error: message.slice(0, 4000) });
        throw new AppError(ErrorCode.UNAVAILABLE, `Refreshing git repository "${repo.name}" failed: ${message}`);
      }
    });
    if (syntaxPending) await this.queueSyntaxCheck(repo.id, syntaxPending);
    return this.get(id);
  }

  /** Lets the catalog module load the catalog/ folder of every refreshed repository. */
  registerCatalogLoader(loader: (repoName: string, files: { path: string; text: string }[]) => Promise<unknown>): void {
    this.catalogLoader = loader;
  }

  /**
   * Hands the commit's catalog/ YAML files (paths inside catalog/) to the catalog module; a
   * repository without one hands none (what it brought before is unpublished). Returns why
   * they were refused, for the refresh record: the playbooks are refreshed all the same.
   */
  private async loadCatalog(repoName: string, mirror: string, commit: string, tree: { path: string }[]): Promise<string | null> {
    if (!this.catalogLoader) return null;
    const paths = tree.map((f) => f.path).filter((p) => p.startsWith('catalog/') && /\.ya?ml$/.test(p));
    try {
      const texts = paths.length ? await this.git.readFiles(mirror, commit, paths) : new Map<string, string>();
      await this.catalogLoader(repoName, paths.map((p) => ({ path: p.slice('catalog/'.length), text: texts.get(p) ?? '' })));
      return null;
    } catch (err) {
      const message = `The playbooks were refreshed, but catalog/ was not loaded: ${(err as Error).message}`;
      this.logger.warn(`${repoName}: ${message}`);
      return message.slice(0, 4000);
    }
  }

  /** True when a file other than the given playbooks differs between `oldCommit` and the new tree. */
  private async nonPlaybookChanges(mirror: string, oldCommit: string, tree: { path: string; oid: string }[], playbooks: Set<string>): Promise<boolean> {
    if (!(await this.git.hasCommit(mirror, oldCommit))) return true;
    const old = new Map((await this.git.listTree(mirror, oldCommit)).map((f) => [f.path, f.oid]));
    const now = new Map(tree.map((f) => [f.path, f.oid]));
    for (const path of new Set([...old.keys(), ...now.keys()])) {
      if (!playbooks.has(path) && old.get(path) !== now.get(path)) return true;
    }
    return false;
  }

  /** Queues the syntax check of a commit's pending playbooks; a failure to queue is retried by the worker's start-up sweep. */
  private async queueSyntaxCheck(repoId: string, commit: string): Promise<void> {
    try {
      await this.queues.add(QueueName.GIT, JobName.CHECK_PLAYBOOK_SYNTAX, { repoId, commit }, `syntax-${repoId}-${commit}`);
    } catch (err) {
      this.logger.warn(`syntax check of ${repoId}@${commit.slice(0, 12)} not queued: ${(err as Error).message}`);
    }
  }

  /**
   * At a worker's start: refreshes a stopped process left `running` (nobody holds their
   * lock) are recorded as failed, so no repository shows "running" forever.
   */
  async sweepStaleRefreshes(): Promise<number> {
    let swept = 0;
    for (const repo of await this.repos.find({ where: { refreshStatus: 'running' } })) {
      const lock = this.db.createQueryRunner();
      await lock.connect();
      try {
        const [row] = (await lock.query('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [`git-repo:${repo.id}`])) as { ok: boolean }[];
        if (!row.ok) continue;
        try {
          const why = 'The process refreshing it stopped before the refresh ended.';
          await this.repos.update({ id: repo.id, refreshStatus: 'running' }, { refreshStatus: 'failed', refreshError: why });
          await this.refreshes.update({ repoId: repo.id, status: 'running' }, { status: 'failed', error: why, finishedAt: new Date() });
          swept++;
        } finally {
          await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [`git-repo:${repo.id}`]).catch(() => undefined);
        }
      } finally {
        await lock.release();
      }
    }
    return swept;
  }

  /** Queues a syntax check for every repository whose current playbooks still wait for one. */
  async queuePendingSyntaxChecks(): Promise<number> {
    const rows: { repo_id: string; commit: string }[] = await this.db.query(
      `SELECT DISTINCT p.repo_id, p.commit FROM playbooks p JOIN git_repos r ON r.id = p.repo_id AND r.commit = p.commit WHERE p.syntax_status = 'pending'`,
    );
    for (const row of rows) await this.queueSyntaxCheck(row.repo_id, row.commit);
    return rows.length;
  }

  /**
   * Runs `ansible-playbook --syntax-check` on the pending playbooks of `commit`, from an
   * export of that commit, and records each result unless a refresh replaced the commit.
   */
  async checkSyntax(repoId: string, commit: string): Promise<{ checked: number; failed: number }> {
    const pending = await this.playbooks.find({ where: { repoId, commit, syntaxStatus: 'pending' }, order: { path: 'ASC' } });
    if (pending.length === 0) return { checked: 0, failed: 0 };
    const dir = await mkdtemp(join(tmpdir(), 'superfluid-syntax-tree-'));
    let failed = 0;
    try {
      await this.exportTree(repoId, commit, dir);
      const run: RunProgram = async (file, args, options) => {
        const r = await this.processes.spawn(file, args, { ...options, extendEnv: false, reject: false, timeout: 120_000 });
        return { exitCode: r.exitCode, stdout: String(r.stdout), stderr: String(r.stderr) };
      };
      let next = 0;
      const worker = async () => {
        while (next < pending.length) {
          const playbook = pending[next++];
          const result = await syntaxCheck(run, this.config.ansiblePlaybookBin, dir, playbook.path, { sandbox: this.config.sandbox });
          if (!result.ok) failed++;
          await this.playbooks.update(
            { id: playbook.id, commit },
            { syntaxStatus: result.ok ? 'ok' : 'failed', syntaxError: result.ok ? null : result.line ? `line ${result.line}: ${result.error}` : result.error },
          );
        }
      };
      await Promise.all(Array.from({ length: SYNTAX_CHECKS_AT_ONCE }, worker));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    return { checked: pending.length, failed };
  }

  /** Refreshes every enabled repository, a bounded number at a time; failures are recorded per repository. */
  async refreshAll(): Promise<GitRepoModel[]> {
    const repos = await this.repos.find({ where: { enabled: true }, order: { name: 'ASC' } });
    let next = 0;
    const worker = async () => {
      while (next < repos.length) {
        const repo = repos[next++];
        await this.refresh(repo.id).catch((err: Error) => this.logger.warn(err.message));
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.config.gitRefreshConcurrency, repos.length) }, worker));
    return this.list();
  }

  /** Keeps the repository's refresh schedule in Redis in line with its row. */
  async syncSchedule(repo: Pick<GitRepoModel, 'id' | 'enabled' | 'refreshIntervalSeconds'>): Promise<void> {
    const queue = this.queues.queue(QueueName.GIT);
    const key = `git-refresh:${repo.id}`;
    if (repo.enabled && repo.refreshIntervalSeconds) {
      await queue.upsertJobScheduler(key, { every: repo.refreshIntervalSeconds * 1000 }, { name: JobName.REFRESH_GIT_REPO, data: { repoId: repo.id } });
    } else {
      await queue.removeJobScheduler(key);
    }
  }

  /** Every repository's schedule, after a start (Postgres is the source of truth, Redis may have lost them). */
  async syncAllSchedules(): Promise<void> {
    for (const repo of await this.repos.find()) await this.syncSchedule(repo);
  }

  /**
   * Turns webhooks on (or gives a new secret): the git host signs its calls with the
   * secret, which is stored encrypted and returned this once.
   */
  async enableWebhook(id: string): Promise<{ url: string; secret: string }> {
    const repo = await this.get(id);
    const secret = randomBytes(24).toString('base64url');
    await this.repos.update(repo.id, { webhookSecret: this.box.encrypt(secret, webhookAad(repo.id)) });
    return { url: this.webhookUrl(repo.id), secret };
  }

  async disableWebhook(id: string): Promise<GitRepoModel> {
    const repo = await this.get(id);
    await this.repos.update(repo.id, { webhookSecret: null });
    return repo;
  }

  webhookUrl(id: string): string {
    return `${this.config.publicUrl}/hooks/git/${id}`;
  }

  /** The webhook secret of a repository, or null when webhooks are off (or the id is unknown). */
  async webhookSecret(id: string): Promise<string | null> {
    if (!isUuid(id)) return null;
    const row = await this.repos.findOne({ where: { id }, select: { id: true, webhookSecret: true } });
    return row?.webhookSecret ? this.box.decrypt(row.webhookSecret, webhookAad(id)) : null;
  }

  async webhookEnabled(id: string): Promise<boolean> {
    const row = await this.repos.findOne({ where: { id }, select: { id: true, webhookSecret: true } });
    return Boolean(row?.webhookSecret);
  }

  /**
   * Queues a refresh for the worker (webhooks answer at once; the refresh follows). Calls
   * arriving together coalesce, across processes: a refresh of the repository already
   * queued absorbs the new one, and one already running gets at most one follow-up (which
   * sees whatever was pushed after the running one looked).
   */
  async queueRefresh(id: string): Promise<void> {
    await this.queues.add(QueueName.GIT, JobName.REFRESH_GIT_REPO, { repoId: id }, `refresh-${id}-${Date.now()}-${randomBytes(4).toString('hex')}`, {
      deduplication: { id: `refresh-${id}`, keepLastIfActive: true },
    });
  }

  /** The latest refreshes of a repository, newest first. */
  refreshHistory(repoId: string, take: number): Promise<GitRefreshEntity[]> {
    return this.refreshes.find({ where: { repoId }, order: { startedAt: 'DESC' }, take: Math.min(Math.max(take, 1), 200) });
  }

  /**
   * Registers a repository and clones it at once, or creates a hosted one. Nothing is
   * stored unless the input is valid and the clone succeeds.
   */
  async create(input: CreateRepo): Promise<GitRepoModel> {
    const branch = input.branch ?? 'main';
    const hosted = input.hosted ?? false;
    const url = hosted ? `file://${this.hostedDir(input.name)}` : (input.url ?? '');
    const policy = { refreshMaxAgeSeconds: input.refreshMaxAgeSeconds ?? null, refreshIntervalSeconds: input.refreshIntervalSeconds ?? null };
    const credentialId = input.credentialId ?? null;
    const problems: Record<string, string> = {};
    if (hosted && input.url) problems.url = 'leave it empty for a hosted repository';
    if (hosted && credentialId) problems.credentialId = 'a hosted repository needs no credential';
    else await this.checkCredential(credentialId, url, problems);
    this.validate({ name: input.name, url, branch, ...policy }, problems);
    if (await this.repos.existsBy({ name: input.name })) {
      throw validationFailed(`A git repository named "${input.name}" exists already`, { name: 'is taken by another repository' });
    }
    if (hosted) await this.git.ensureHosted(this.hostedDir(input.name), branch, this.config.gitMaxRepoBytes);
    const saved = await this.repos.save(this.repos.create({ name: input.name, url, branch, builtin: false, hosted, credentialId, ...policy }));
    try {
      const repo = await this.refresh(saved.id);
      await this.syncSchedule(repo);
      return repo;
    } catch (err) {
      await this.repos.delete(saved.id);
      await this.git.removeMirror(this.mirrorDir(saved.id));
      if (hosted) await this.git.removeMirror(this.hostedDir(input.name));
      const why = err instanceof AppError ? err.message.replace(/^Refreshing git repository "[^"]*" failed: /, '') : String(err);
      throw validationFailed(`The repository could not be cloned: ${why}`, { url: `could not be cloned: ${why}` });
    }
  }

  /** Changes a repository; refreshes it when its URL or branch changed. The built-in one cannot change. */
  async update(id: string, input: UpdateRepo): Promise<GitRepoModel> {
    const repo = await this.get(id);
    if (repo.builtin) throw new AppError(ErrorCode.CONFLICT, 'The built-in repository is published from the playbooks/ folder and cannot be changed.');
    const next = {
      name: input.name ?? repo.name,
      url: input.url ?? repo.url,
      branch: input.branch ?? repo.branch,
      enabled: input.enabled ?? repo.enabled,
      refreshMaxAgeSeconds: input.refreshMaxAgeSeconds === undefined ? repo.refreshMaxAgeSeconds : input.refreshMaxAgeSeconds,
      refreshIntervalSeconds: input.refreshIntervalSeconds === undefined ? repo.refreshIntervalSeconds : input.refreshIntervalSeconds,
      credentialId: input.credentialId === undefined ? repo.credentialId : input.credentialId,
    };
    const hostedProblems: Record<string, string> = {};
    if (repo.hosted && next.credentialId) hostedProblems.credentialId = 'a hosted repository needs no credential';
    else await this.checkCredential(next.credentialId, next.url, hostedProblems);
    if (repo.hosted && next.name !== repo.name) hostedProblems.name = 'a hosted repository keeps its name: its clone URL depends on it';
    if (repo.hosted && next.url !== repo.url) hostedProblems.url = 'a hosted repository is pushed to, it has no URL to change';
    this.validate(next, hostedProblems);
    if (next.name !== repo.name && (await this.repos.existsBy({ name: next.name }))) {
      throw validationFailed(`A git repository named "${next.name}" exists already`, { name: 'is taken by another repository' });
    }
    const moved = next.url !== repo.url || next.branch !== repo.branch || next.credentialId !== repo.credentialId;
    if (next.enabled && moved) {
      // Stored only once a fetch with the new settings has worked, together with what it found.
      const changed = (['url', 'branch', 'credentialId'] as const).filter((f) => next[f] !== repo[f]);
      const updated = await this.refreshOnce(id, next).catch((err: unknown) => {
        const why = (err instanceof AppError ? err.message.replace(/^Refreshing git repository "[^"]*" failed: /, '') : String(err)).replace(/\s+/g, ' ').trim().replace(/\.$/, '');
        throw validationFailed(
          `Git repository "${repo.name}" was not changed: fetching with the new ${changed.join(', ')} failed: ${why}. Check them and try again.`,
          Object.fromEntries(changed.map((f) => [f, `could not be fetched: ${why}`])),
        );
      });
      await this.syncSchedule(updated);
      return updated;
    }
    await this.repos.update(id, next);
    await this.syncSchedule({ id, ...next });
    if (next.url !== repo.url) await this.git.removeMirror(this.mirrorDir(id));
    return next.enabled && !repo.enabled ? this.refresh(id) : this.get(id);
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
    await this.syncSchedule({ id, enabled: false, refreshIntervalSeconds: null });
    await this.git.removeMirror(this.mirrorDir(id));
    if (repo.hosted) await this.git.removeMirror(this.hostedDir(repo.name));
    return true;
  }

  private validate(
    input: { name: string; url: string; branch: string; refreshMaxAgeSeconds: number | null; refreshIntervalSeconds: number | null },
    extra: Record<string, string> = {},
  ): void {
    const fields: Record<string, string> = { ...extra };
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(input.name) || input.name.endsWith('.git')) {
      fields.name ??= 'use 1 to 100 letters, digits, . _ or -, starting with a letter or digit (and not ending in .git)';
    }
    // Every user is an administrator until roles arrive; file:// and http:// are for administrators.
    const url = checkGitUrl(input.url, { allowFile: true, allowHttp: true });
    if (!url.ok) fields.url ??= url.reason;
    const ref = checkRefName(input.branch);
    if (!ref.ok) fields.branch = ref.reason;
    if (input.refreshMaxAgeSeconds !== null && (!Number.isInteger(input.refreshMaxAgeSeconds) || input.refreshMaxAgeSeconds < 0)) {
      fields.refreshMaxAgeSeconds = 'use 0 or more seconds, or leave it empty';
    }
    if (input.refreshIntervalSeconds !== null && (!Number.isInteger(input.refreshIntervalSeconds) || input.refreshIntervalSeconds < 60)) {
      fields.refreshIntervalSeconds = 'use 60 seconds or more, or leave it empty';
    }
    const names = Object.keys(fields);
    if (names.length) throw validationFailed(`The git repository is not valid — ${names.map((n) => `${n}: ${fields[n]}`).join('; ')}`, fields);
  }

  /** Writes the repository's tree at `commit` into `dest`, for a run that must not see a moving tree. */
  async exportTree(repoId: string, commit: string, dest: string): Promise<void> {
    const mirror = this.mirrorDir(repoId);
    // Under the repository's lock, which every fetch of the mirror takes: a fetch (and the
    // maintenance git runs after it) rewriting packs while `git archive` read them broke an
    // export now and then ("tar: Unexpected EOF"). Runs export a commit once (then copy its
    // snapshot), so the lock is taken once per commit and process, and by syntax checks.
    await this.withLock(repoId, async () => {
      if (!(await this.git.hasCommit(mirror, commit))) {
        // A worker on another machine, or after its data folder was lost: fetch first.
        const repo = await this.get(repoId);
        await this.git.mirror(repo.url, mirror, await this.authFor(repo), this.knownHosts());
        if (!(await this.git.hasCommit(mirror, commit))) {
          throw new AppError(ErrorCode.NOT_FOUND, `Commit ${commit} is no longer in git repository "${repo.name}" (was it force-pushed away?)`);
        }
      }
      await this.git.exportTree(mirror, commit, dest).catch(async (err: Error) => {
        // Should the lock not be the whole story: once more, over what the first try wrote.
        this.logger.warn(`exporting ${commit.slice(0, 12)} of ${repoId} failed, trying once more: ${err.message}`);
        await this.git.exportTree(mirror, commit, dest);
      });
    });
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

  /** The repository's credential, as git needs it for a fetch; null for a public repository. */
  private async authFor(repo: Pick<GitRepoModel, 'credentialId'>): Promise<GitAuth | null> {
    if (!repo.credentialId) return null;
    const c = await this.credentials.reveal(repo.credentialId);
    switch (c.type) {
      case 'git_token':
        return { kind: 'token', username: c.inputs.username || 'x-access-token', token: c.secrets.token };
      case 'git_ssh_key':
        return { kind: 'ssh', privateKey: c.secrets.private_key, passphrase: c.secrets.passphrase || undefined };
      default:
        throw new AppError(ErrorCode.CONFLICT, `Credential "${c.name}" is a ${c.type} credential; a git repository needs a git token or a git SSH key.`);
    }
  }

  /** Host keys of SSH git servers, learnt on first use. */
  private knownHosts(): string {
    return join(this.config.dataDir, 'ssh', 'known_hosts');
  }

  /** The names of the repositories that fetch with a credential (deleting it is refused meanwhile). */
  async usingCredential(credentialId: string): Promise<string[]> {
    const rows = await this.repos.find({ where: { credentialId }, order: { name: 'ASC' } });
    return rows.map((r) => `git repository "${r.name}"`);
  }

  /** A credential a repository may fetch with: a git token for http(s), a git SSH key for ssh. */
  private async checkCredential(credentialId: string | null, url: string, fields: Record<string, string>): Promise<void> {
    if (!credentialId) return;
    const credential = await this.credentials.get(credentialId).catch(() => null);
    if (!credential) {
      fields.credentialId = 'is not a known credential';
      return;
    }
    const ssh = url.startsWith('ssh://') || /^[^@/:]+@[^/:]+:/.test(url);
    const wanted = ssh ? 'git_ssh_key' : /^https?:\/\//.test(url) ? 'git_token' : null;
    if (!wanted) fields.credentialId = 'only https and ssh repositories use a credential';
    else if (credential.type !== wanted) fields.credentialId = `this URL needs a ${wanted === 'git_token' ? 'git token' : 'git SSH key'} credential, not ${credential.type}`;
  }

  private mirrorDir(repoId: string): string {
    return join(this.config.dataDir, 'mirrors', `${repoId}.git`);
  }
}
