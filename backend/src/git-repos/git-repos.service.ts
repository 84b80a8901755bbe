import { type TenantScope, tenantFor } from '../auth/auth.decorators.js';
import { ShareTable } from '../tenants/shares.js';
import { ROOT_TENANT_ID, TenantsService } from '../tenants/tenants.service.js';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { AppError, ErrorCode, isUuid, notFound, validationFailed } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { CredentialsService } from '../credentials/credentials.service.js';
import { hostedDir } from './file-remotes.js';
import { GitClient } from './git-client.js';
import { GitMirrors } from './git-mirrors.js';
import { GitRepoPackagesEvent } from './git-repo.events.js';
import { GitRefresher } from './git-refresher.js';
import { GitRefreshEntity } from './git-refresh.entity.js';
import { GitRepoEntity } from './git-repo.entity.js';
import { GitSchedules } from './git-schedules.js';
import { checkGitUrl, checkRefName } from './git-url.js';
import type { GitRepoModel } from './models/git-repo.model.js';
import { PlaybookEntity } from './playbook.entity.js';

export const BUILTIN_REPO_NAME = 'playbooks';
const BUILTIN_BRANCH = 'main';

export interface CreateRepo {
  name: string;
  url?: string | null;
  branch?: string | null;
  hosted?: boolean;
  credentialId?: string | null;
  refreshMaxAgeSeconds?: number | null;
  refreshIntervalSeconds?: number | null;
  /** The tenant (create only; the creator's when left out). */
  tenantId?: string | null;
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

const SHARES = new ShareTable('git_repo_shares', 'repo_id');

/**
 * Git repositories: registering, changing and deleting them, and what the rest of the
 * portal reads of them (their playbooks, the snapshot a run is planned on). The work
 * itself is done by the refresher (fetch and discovery), the mirrors (fetch, lock,
 * export), the syntax checks, the schedules and the webhooks of this folder.
 */
@Injectable()
export class GitReposService {
  constructor(
    @InjectRepository(GitRepoEntity) private readonly repos: Repository<GitRepoEntity>,
    @InjectRepository(PlaybookEntity) private readonly playbooks: Repository<PlaybookEntity>,
    @InjectRepository(GitRefreshEntity) private readonly refreshes: Repository<GitRefreshEntity>,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly git: GitClient,
    private readonly credentials: CredentialsService,
    private readonly refresher: GitRefresher,
    private readonly mirrors: GitMirrors,
    private readonly schedules: GitSchedules,
    private readonly tenants: TenantsService,
  ) {}

  /** By name; with a scope, only those of its tenants or shared with one of its reach (theirs and their ancestors). */
  list(scope?: TenantScope): Promise<GitRepoModel[]> {
    const query = this.repos.createQueryBuilder('r').orderBy('r.name', 'ASC');
    if (scope) query.where(SHARES.visible('r'), scope);
    return query.getMany();
  }

  /**
   * The repository; NOT_FOUND also when the scope may not see it (as if it did not exist).
   * With `owned`, only one of the scope's own tenants (to change it: a shared one is used, not changed).
   */
  async get(id: string, scope?: TenantScope, owned = false): Promise<GitRepoModel> {
    const query = this.repos.createQueryBuilder('r').where('r.id = :id', { id });
    if (scope) query.andWhere(owned ? 'r.tenant_id = ANY(:tenants)' : SHARES.visible('r'), scope);
    const repo = isUuid(id) ? await query.getOne() : null;
    if (!repo) throw notFound('Git repository', id);
    return repo;
  }

  async findByName(name: string): Promise<GitRepoModel | null> {
    return this.repos.findOneBy({ name });
  }

  /** Shares a repository with these tenants (and so with every tenant below them), replacing its shares: their orders may run its playbooks. */
  async share(id: string, tenantIds: string[], scope?: TenantScope): Promise<GitRepoModel> {
    const repo = await this.get(id, scope, true);
    const unique = [...new Set(tenantIds)];
    await this.tenants.assertWithin(unique, 'tenantIds', scope);
    await this.db.transaction((tx) => SHARES.replace(tx, repo.id, unique));
    return repo;
  }

  /** The tenants a repository is shared with. */
  sharedWith(id: string): Promise<string[]> {
    return SHARES.tenantsOf(this.db, id);
  }

  /**
   * The repository's recorded commit with the playbooks found at that very commit, read in
   * one statement, so a refresh landing meanwhile cannot pair one commit with another's files.
   * With a scope, null also for a repository the scope may not see.
   */
  async snapshot(
    name: string,
    scope?: TenantScope,
  ): Promise<{ id: string; name: string; enabled: boolean; commit: string | null; playbooks: string[] } | null> {
    const rows: { id: string; name: string; enabled: boolean; commit: string | null; path: string | null }[] = await this.db.query(
      `SELECT r.id, r.name, r.enabled, r.commit, p.path
         FROM git_repos r LEFT JOIN playbooks p ON p.repo_id = r.id AND p.commit = r.commit
        WHERE r.name = $1${scope ? ` AND ${SHARES.visible('r', '$2', '$3')}` : ''} ORDER BY p.path`,
      scope ? [name, scope.tenants, scope.reach] : [name],
    );
    if (rows.length === 0) return null;
    const { id, enabled, commit } = rows[0];
    return { id, name, enabled, commit, playbooks: rows.flatMap((r) => (r.path ? [r.path] : [])) };
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

  /** The bare repository of a hosted repository, served at /git/<name>.git. */
  hostedDir(name: string): string {
    return hostedDir(this.config.dataDir, name);
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

  /** Fetches the repository now and records its commit and playbooks (see GitRefresher). */
  refresh(id: string): Promise<GitRepoModel> {
    return this.refresher.refresh(id);
  }

  /** Refreshes every enabled repository, a bounded number at a time; failures are recorded per repository. */
  async refreshAll(scope?: TenantScope): Promise<GitRepoModel[]> {
    await this.refresher.refreshAll(scope?.tenants);
    return this.list(scope);
  }

  /** Writes the repository's tree at `commit` into `dest`, for a run that must not see a moving tree. */
  async exportTree(repoId: string, commit: string, dest: string): Promise<void> {
    await this.mirrors.exportTree(await this.get(repoId), commit, dest);
  }

  /** Files of the repository at `commit`, as bytes; under the repository's lock, as a fetch may be rewriting the mirror's packs. */
  readFiles(repoId: string, commit: string, paths: string[]): Promise<Map<string, Buffer>> {
    return this.mirrors.withLock(repoId, () => this.git.readBlobs(this.mirrors.dir(repoId), commit, paths));
  }

  /** A zip of the folder `path` of the repository at `commit`, its files under `prefix/`. */
  archiveFolder(repoId: string, commit: string, path: string, prefix: string): Promise<Buffer> {
    return this.mirrors.withLock(repoId, () => this.git.archiveFolder(this.mirrors.dir(repoId), commit, path, prefix));
  }

  /**
   * The vnf-packages/ files of the repository's recorded commit, as a refresh announces them
   * (null before its first commit): for the VNF packages module to catch up at start with what
   * refreshes found before it listened (the built-in repository is published before then).
   */
  async packagesAtCommit(repoId: string): Promise<GitRepoPackagesEvent | null> {
    const repo = await this.get(repoId);
    if (!repo.commit) return null;
    const commit = repo.commit;
    const mirror = this.mirrors.dir(repo.id);
    const tree = await this.mirrors.withLock(repo.id, () => this.git.listTree(mirror, commit));
    const files = tree.filter((f) => f.path.startsWith('vnf-packages/')).map((f) => ({ path: f.path, mode: f.mode, size: f.size ?? null }));
    return new GitRepoPackagesEvent(repo.id, repo.name, repo.tenantId, commit, files, (paths) => this.readFiles(repo.id, commit, paths));
  }

  /** The latest refreshes of a repository, newest first. */
  refreshHistory(repoId: string, take: number): Promise<GitRefreshEntity[]> {
    return this.refreshes.find({ where: { repoId }, order: { startedAt: 'DESC' }, take: Math.min(Math.max(take, 1), 200) });
  }

  /**
   * Registers a repository and clones it at once, or creates a hosted one. Nothing is
   * stored unless the input is valid and the clone succeeds.
   */
  async create(input: CreateRepo, scope?: TenantScope): Promise<GitRepoModel> {
    const tenantId = tenantFor(scope, input.tenantId, ROOT_TENANT_ID);
    const branch = input.branch ?? 'main';
    const hosted = input.hosted ?? false;
    const url = hosted ? `file://${this.hostedDir(input.name)}` : (input.url ?? '');
    const policy = { refreshMaxAgeSeconds: input.refreshMaxAgeSeconds ?? null, refreshIntervalSeconds: input.refreshIntervalSeconds ?? null };
    const credentialId = input.credentialId ?? null;
    const problems: Record<string, string> = {};
    if (hosted && input.url) problems.url = 'leave it empty for a hosted repository';
    if (hosted && credentialId) problems.credentialId = 'a hosted repository needs no credential';
    else await this.checkCredential(credentialId, url, problems, tenantId);
    if (!hosted && url.startsWith('file:') && scope && !scope.tenants.includes(ROOT_TENANT_ID)) {
      problems.url = "file:// URLs name folders of the portal's host: only the root tenant's designers may use them";
    }
    this.validate({ name: input.name, url, branch, ...policy }, problems);
    if (await this.repos.existsBy({ name: input.name })) {
      throw validationFailed(`A git repository named "${input.name}" exists already`, { name: 'is taken by another repository' });
    }
    if (hosted) await this.git.ensureHosted(this.hostedDir(input.name), branch, this.config.gitMaxRepoBytes);
    const saved = await this.repos.save(this.repos.create({ name: input.name, url, branch, builtin: false, hosted, credentialId, tenantId, ...policy }));
    try {
      const repo = await this.refresh(saved.id);
      await this.schedules.sync(repo);
      return repo;
    } catch (err) {
      await this.repos.delete(saved.id);
      await this.git.removeMirror(this.mirrors.dir(saved.id));
      if (hosted) await this.git.removeMirror(this.hostedDir(input.name));
      const why = err instanceof AppError ? err.message.replace(/^Refreshing git repository "[^"]*" failed: /, '') : String(err);
      throw validationFailed(`The repository could not be cloned: ${why}`, { url: `could not be cloned: ${why}` });
    }
  }

  /** Changes a repository; refreshes it when its URL or branch changed. The built-in one cannot change. */
  async update(id: string, input: UpdateRepo, scope?: TenantScope): Promise<GitRepoModel> {
    const repo = await this.get(id, scope, true);
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
    else await this.checkCredential(next.credentialId, next.url, hostedProblems, repo.tenantId);
    if (!repo.hosted && next.url !== repo.url && next.url.startsWith('file:') && scope && !scope.tenants.includes(ROOT_TENANT_ID)) {
      hostedProblems.url = "file:// URLs name folders of the portal's host: only the root tenant's designers may use them";
    }
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
      const updated = await this.refresher.refreshWith(id, next).catch((err: unknown) => {
        const why = (err instanceof AppError ? err.message.replace(/^Refreshing git repository "[^"]*" failed: /, '') : String(err))
          .replace(/\s+/g, ' ')
          .trim()
          .replace(/\.$/, '');
        throw validationFailed(
          `Git repository "${repo.name}" was not changed: fetching with the new ${changed.join(', ')} failed: ${why}. Check them and try again.`,
          Object.fromEntries(changed.map((f) => [f, `could not be fetched: ${why}`])),
        );
      });
      await this.schedules.sync(updated);
      return updated;
    }
    await this.repos.update(id, next);
    await this.schedules.sync({ id, ...next });
    if (next.url !== repo.url) await this.git.removeMirror(this.mirrors.dir(id));
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
    await this.schedules.sync({ id, enabled: false, refreshIntervalSeconds: null });
    await this.git.removeMirror(this.mirrors.dir(id));
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
    // file:// is refused below the root tenant by create and update (a hosted repository's own URL is one).
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

  /** A credential a repository may fetch with: a git token for http(s), a git SSH key for ssh. */
  private async checkCredential(credentialId: string | null, url: string, fields: Record<string, string>, tenantId: string): Promise<void> {
    if (!credentialId) return;
    const credential = await this.credentials.get(credentialId).catch(() => null);
    // Another tenant's credential is answered as unknown: a repository uses its own tenant's.
    if (!credential || credential.tenantId !== tenantId) {
      fields.credentialId = 'is not a known credential';
      return;
    }
    const ssh = url.startsWith('ssh://') || /^[^@/:]+@[^/:]+:/.test(url);
    const wanted = ssh ? 'git_ssh_key' : /^https?:\/\//.test(url) ? 'git_token' : null;
    if (!wanted) fields.credentialId = 'only https and ssh repositories use a credential';
    else if (credential.type !== wanted)
      fields.credentialId = `this URL needs a ${wanted === 'git_token' ? 'git token' : 'git SSH key'} credential, not ${credential.type}`;
    else {
      const problem = await this.credentials.gitCredentialProblem(credentialId, url);
      if (problem) fields.credentialId = problem;
    }
  }
}
