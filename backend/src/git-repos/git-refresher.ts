import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, Repository } from 'typeorm';
import { AppError, ErrorCode, isUuid, notFound } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { GitClient, type TreeFile } from './git-client.js';
import { GitMirrors } from './git-mirrors.js';
import { GitRefreshEntity } from './git-refresh.entity.js';
import { GitRepoPackagesEvent, GitRepoRefreshedEvent } from './git-repo.events.js';
import { GitRepoEntity } from './git-repo.entity.js';
import type { GitRepoModel } from './models/git-repo.model.js';
import { type Candidate, describeInvalid, examine, MAX_PLAYBOOK_BYTES, playbookCandidates, tooLargeCandidate } from './playbook-discovery.js';
import { PlaybookEntity } from './playbook.entity.js';
import { SyntaxChecks } from './syntax-checks.js';

/** A repository's settings as an update stores them with the refresh that tried them. */
export type RepoSettings = Pick<GitRepoEntity, 'name' | 'url' | 'branch' | 'enabled' | 'credentialId' | 'refreshMaxAgeSeconds' | 'refreshIntervalSeconds'>;

const mb = (bytes: number) => `${Math.ceil(bytes / 1024 / 1024)} MB`;

/**
 * Refreshes: fetch a repository into its mirror, find the playbooks of its branch's
 * commit, record them (and the refresh) and queue their syntax check; then hand its
 * catalog/ files to the catalog. One refresh per repository at a time, across processes.
 */
@Injectable()
export class GitRefresher {
  private readonly logger = new Logger(GitRefresher.name);
  private readonly refreshing = new Map<string, Promise<GitRepoModel>>();
  private readonly followUps = new Map<string, Promise<GitRepoModel>>();

  constructor(
    @InjectRepository(GitRepoEntity) private readonly repos: Repository<GitRepoEntity>,
    @InjectRepository(PlaybookEntity) private readonly playbooks: Repository<PlaybookEntity>,
    @InjectRepository(GitRefreshEntity) private readonly refreshes: Repository<GitRefreshEntity>,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly git: GitClient,
    private readonly mirrors: GitMirrors,
    private readonly syntax: SyntaxChecks,
    private readonly events: EventEmitter2,
  ) {}

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
   * A refresh with new settings of the repository: the fetch uses the new URL, branch and
   * credential, and the settings are stored with the commit it found, in one transaction.
   * When it fails, the repository keeps its settings, its commit and its status, and a new
   * URL's mirror is thrown away (its failed refresh stays in the history).
   */
  refreshWith(id: string, change: RepoSettings): Promise<GitRepoModel> {
    return this.refreshOnce(id, change);
  }

  /** Refreshes every enabled repository, a bounded number at a time; failures are recorded per repository. */
  /** Every enabled repository (of these tenants, when given), a bounded number at a time. */
  async refreshAll(tenants?: string[]): Promise<void> {
    const repos = await this.repos.find({ where: { enabled: true, ...(tenants ? { tenantId: In(tenants) } : {}) }, order: { name: 'ASC' } });
    let next = 0;
    const worker = async () => {
      while (next < repos.length) {
        const repo = repos[next++];
        await this.refresh(repo.id).catch((err: Error) => this.logger.warn(err.message));
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.config.gitRefreshConcurrency, repos.length) }, worker));
  }

  /**
   * At a worker's start: refreshes a stopped process left `running` (nobody holds their
   * lock) are recorded as failed, so no repository shows "running" forever.
   */
  async sweepStale(): Promise<number> {
    let swept = 0;
    for (const repo of await this.repos.find({ where: { refreshStatus: 'running' } })) {
      const done = await this.mirrors.tryLock(repo.id, async () => {
        const why = 'The process refreshing it stopped before the refresh ended.';
        await this.repos.update({ id: repo.id, refreshStatus: 'running' }, { refreshStatus: 'failed', refreshError: why });
        await this.refreshes.update({ repoId: repo.id, status: 'running' }, { status: 'failed', error: why, finishedAt: new Date() });
      });
      if (done.held) swept++;
    }
    return swept;
  }

  private async get(id: string): Promise<GitRepoEntity> {
    const repo = isUuid(id) ? await this.repos.findOneBy({ id }) : null;
    if (!repo) throw notFound('Git repository', id);
    return repo;
  }

  private async refreshOnce(id: string, change?: RepoSettings): Promise<GitRepoModel> {
    const stored = await this.get(id);
    const repo = change ? { ...stored, ...change } : stored;
    if (!repo.enabled) throw new AppError(ErrorCode.CONFLICT, `Git repository "${repo.name}" is disabled: enable it to refresh it.`);
    let syntaxPending: string | null = null;
    await this.mirrors.withLock(repo.id, async () => {
      if (!change) await this.repos.update(repo.id, { refreshStatus: 'running' });
      const started = Date.now();
      const record = await this.refreshes.save(this.refreshes.create({ repoId: repo.id, status: 'running', previousCommit: repo.commit }));
      const finish = (fields: Partial<GitRefreshEntity>) =>
        this.refreshes.update(record.id, { ...fields, durationMs: Date.now() - started, finishedAt: new Date() });
      // A mirror fetches from the URL it was made with: a new URL gets a mirror of its own, kept
      // only if it works (hosted repositories keep their URL, so only the last path below has one).
      const newUrl = repo.url !== stored.url;
      const mirror = newUrl ? `${this.mirrors.dir(repo.id)}.next-${randomBytes(4).toString('hex')}` : this.mirrors.dir(repo.id);
      const settled = (fields: Partial<GitRepoEntity>, tx: EntityManager = this.db.manager) => tx.update(GitRepoEntity, repo.id, { ...change, ...fields });
      try {
        // Skipped when the remote branch has not moved and the mirror already has it.
        if (repo.commit && (await this.git.hasCommit(mirror, repo.commit))) {
          const head = await this.mirrors.remoteHead(repo, repo.branch, mirror);
          if (head === repo.commit) {
            await settled({ lastRefreshedAt: new Date(), refreshStatus: 'successful', refreshError: null });
            await finish({ status: 'unchanged', commit: head });
            return;
          }
        }
        await this.mirrors.fetch(repo, mirror);
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
        const content = await this.mirrors.contentProblem(mirror, commit, tree);
        if (content) throw new Error(`commit ${commit.slice(0, 12)} is refused: ${content}`);
        const blobs = new Map(tree.map((f) => [f.path, f.oid]));
        const candidates = playbookCandidates(tree);
        // A playbook, or a candidate that cannot be one as written (listed, failed, with the reason).
        const examined = await this.examine(mirror, commit, tree, candidates);
        const found = candidates.filter((path) => (examined.get(path)?.kind ?? 'other') !== 'other');
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
          const candidate = examined.get(path);
          const base = { repoId: repo.id, path, commit, blob: blobs.get(path) ?? null };
          if (candidate?.kind === 'invalid') return { ...base, syntaxStatus: 'failed' as const, syntaxError: describeInvalid(candidate) };
          const keep = !othersChanged && before && before.blob === blobs.get(path) && before.syntaxStatus !== 'pending';
          return { ...base, syntaxStatus: keep ? before.syntaxStatus : ('pending' as const), syntaxError: keep ? before.syntaxError : null };
        });
        await this.db.transaction(async (tx) => {
          await tx.delete(PlaybookEntity, { repoId: repo.id });
          if (rows.length) await tx.insert(PlaybookEntity, rows);
          await settled({ commit, lastRefreshedAt: new Date(), refreshStatus: 'successful', refreshError: null }, tx);
        });
        if (newUrl) await this.git.moveMirror(mirror, this.mirrors.dir(repo.id));
        const catalogProblem = repo.builtin ? null : await this.loadCatalog(repo.name, repo.tenantId, this.mirrors.dir(repo.id), commit, tree);
        const packageProblem = await this.loadPackages(repo, this.mirrors.dir(repo.id), commit, tree);
        const problem = [catalogProblem, packageProblem].filter(Boolean).join('\n');
        await finish({ status: 'successful', commit, ...diff, ...(problem ? { error: problem.slice(0, 4000) } : {}) });
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
    if (syntaxPending) await this.syntax.queue(repo.id, syntaxPending);
    return this.get(id);
  }

  /** Reads and examines the candidates (files too large to be playbooks are not read: they are invalid). */
  private async examine(mirror: string, commit: string, tree: TreeFile[], candidates: string[]): Promise<Map<string, Candidate>> {
    const sizes = new Map(tree.map((f) => [f.path, f.size ?? 0]));
    const tooLarge = candidates.filter((path) => (sizes.get(path) ?? 0) > MAX_PLAYBOOK_BYTES);
    const texts = await this.git.readFiles(
      mirror,
      commit,
      candidates.filter((path) => !tooLarge.includes(path)),
    );
    const examined = new Map<string, Candidate>(tooLarge.map((path) => [path, tooLargeCandidate]));
    for (const [path, text] of texts) examined.set(path, examine(text));
    return examined;
  }

  /**
   * Announces the commit's catalog/ YAML files (paths inside catalog/) in a GitRepoRefreshedEvent,
   * which the catalog module loads (a listener that refuses them throws); a
   * repository without one hands none (what it brought before is unpublished). Returns why
   * they were refused, for the refresh record: the playbooks are refreshed all the same.
   */
  private async loadCatalog(repoName: string, tenantId: string, mirror: string, commit: string, tree: { path: string }[]): Promise<string | null> {
    const paths = tree.map((f) => f.path).filter((p) => p.startsWith('catalog/') && /\.ya?ml$/.test(p));
    try {
      const texts = paths.length ? await this.git.readFiles(mirror, commit, paths) : new Map<string, string>();
      const files = paths.map((p) => ({ path: p.slice('catalog/'.length), text: texts.get(p) ?? '' }));
      await this.events.emitAsync(GitRepoRefreshedEvent.NAME, new GitRepoRefreshedEvent(repoName, files, tenantId));
      return null;
    } catch (err) {
      const message = `The playbooks were refreshed, but catalog/ was not loaded: ${(err as Error).message}`;
      this.logger.warn(`${repoName}: ${message}`);
      return message.slice(0, 4000);
    }
  }

  /**
   * Hands the commit's vnf-packages/ files to the VNF packages module (GitRepoPackagesEvent),
   * which on-boards the valid packages. Returns what it refused, for the refresh record.
   */
  private async loadPackages(repo: GitRepoEntity, mirror: string, commit: string, tree: TreeFile[]): Promise<string | null> {
    const files = tree.filter((f) => f.path.startsWith('vnf-packages/')).map((f) => ({ path: f.path, mode: f.mode, size: f.size ?? null }));
    const event = new GitRepoPackagesEvent(repo.id, repo.name, repo.tenantId, commit, files, (paths) => this.git.readBlobs(mirror, commit, paths));
    try {
      await this.events.emitAsync(GitRepoPackagesEvent.NAME, event);
    } catch (err) {
      event.problems.push(`vnf-packages/ was not loaded: ${(err as Error).message}`);
    }
    if (event.problems.length === 0) return null;
    const message = `The playbooks were refreshed, but these VNF packages were not on-boarded:\n${event.problems.join('\n')}`;
    this.logger.warn(`${repo.name}: ${message}`);
    return message;
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
}
