import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { tryAdvisoryLock, type TryLockResult, withAdvisoryLock } from '../common/advisory-lock.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { CredentialsService } from '../credentials/credentials.service.js';
import { InstanceRegistry } from '../instances/instance-registry.js';
import { fileRemoteProblem, hostedDir } from './file-remotes.js';
import { type GitAuth, GitClient, type TreeFile } from './git-client.js';
import type { GitRepoModel } from './models/git-repo.model.js';
import { describeSymlink, escapingSymlinks, SYMLINK_MODE, unpackedSizeProblem } from './repo-content.js';

/** How long git work on a repository waits for another process's work on it. */
const LOCK_WAIT_MS = 120_000;

/** What a fetch needs to know of a repository. */
export type FetchedRepo = Pick<GitRepoModel, 'id' | 'name' | 'url' | 'credentialId' | 'hosted'>;

/**
 * The portal's bare copy (mirror) of each repository, in `DATA_DIR/mirrors/<id>.git`:
 * fetched with the repository's credential, read and exported under the repository's
 * lock, which every fetch takes too.
 */
@Injectable()
export class GitMirrors {
  private readonly logger = new Logger(GitMirrors.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly git: GitClient,
    private readonly credentials: CredentialsService,
    private readonly instance: InstanceRegistry,
  ) {}

  dir(repoId: string): string {
    return join(this.config.dataDir, 'mirrors', `${repoId}.git`);
  }

  /**
   * Runs `work` holding the repository's lock, across processes (a Postgres advisory
   * lock). Waiting never holds a pooled connection.
   */
  withLock<T>(repoId: string, work: () => Promise<T>): Promise<T> {
    return withAdvisoryLock(this.db, lockKey(repoId), work, {
      waitMs: LOCK_WAIT_MS,
      timedOut: () => new AppError(ErrorCode.CONFLICT, 'Another refresh of this git repository is still running: try again when it has finished.'),
    });
  }

  /** Runs `work` if nobody holds the repository's lock; never waits. */
  tryLock<T>(repoId: string, work: () => Promise<T>): Promise<TryLockResult<T>> {
    return tryAdvisoryLock(this.db, lockKey(repoId), work);
  }

  /** Fetches `repo` into `mirror` (its own mirror unless given), with its credential. Call it under the lock. */
  async fetch(repo: FetchedRepo, mirror = this.dir(repo.id)): Promise<void> {
    const remote = await this.remote(repo);
    await this.git.mirror(remote.url, mirror, remote.auth, this.knownHosts());
  }

  /** The commit the repository's branch points at on its remote, without fetching. */
  async remoteHead(repo: FetchedRepo, branch: string, mirror = this.dir(repo.id)): Promise<string | null> {
    const remote = await this.remote(repo);
    return this.git.remoteHead(remote.url, mirror, branch, remote.auth, this.knownHosts());
  }

  /**
   * Where the repository is fetched from, and with what. A worker on another host (ROLE=worker
   * with PORTAL_URL) fetches a hosted repository (the built-in one too) from the api's git remote
   * with its instance credential: it never reads the api's DATA_DIR. Every other process and
   * repository uses the repository's own URL and credential.
   */
  private async remote(repo: FetchedRepo): Promise<{ url: string; auth: GitAuth | null }> {
    if (repo.hosted && this.config.portalUrl && this.config.role === 'worker') {
      const credential = this.instance.credential();
      if (!credential) throw new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'This worker is stopping: it fetches nothing more.');
      return {
        url: `${this.config.portalUrl}/git/${repo.name}.git`,
        auth: { kind: 'token', username: credential.username, token: credential.password },
      };
    }
    await this.assertFetchable(repo);
    return { url: repo.url, auth: await this.authFor(repo) };
  }

  /**
   * Why the commit's tree may not be used, or null: more than GIT_MAX_REPO_MB once
   * unpacked, or symbolic links that leave the repository (each named). Reads only git's
   * listing and the links' own blobs: nothing is unpacked to find out.
   */
  async contentProblem(mirror: string, commit: string, tree: TreeFile[]): Promise<string | null> {
    const tooBig = unpackedSizeProblem(tree, this.config.gitMaxRepoBytes);
    if (tooBig) return tooBig;
    const links = tree.filter((f) => f.mode === SYMLINK_MODE).map((f) => f.path);
    if (links.length === 0) return null;
    const targets = await this.git.readFiles(mirror, commit, links);
    const escaping = escapingSymlinks(targets);
    return escaping.length ? escaping.map(describeSymlink).join('; ') : null;
  }

  /** Refuses a file:// URL outside the folders GIT_FILE_REMOTE_DIRS allows (a hosted repository's own aside). */
  private async assertFetchable(repo: FetchedRepo): Promise<void> {
    const own = repo.hosted ? hostedDir(this.config.dataDir, repo.name) : null;
    const problem = await fileRemoteProblem(repo.url, this.config.gitFileRemoteDirs, own);
    if (problem) throw new AppError(ErrorCode.VALIDATION_FAILED, `the URL ${repo.url} ${problem}`);
  }

  /** Writes the repository's tree at `commit` into `dest`, for a run that must not see a moving tree. */
  async exportTree(repo: FetchedRepo, commit: string, dest: string): Promise<void> {
    const mirror = this.dir(repo.id);
    // Under the repository's lock, which every fetch of the mirror takes: a fetch (and the
    // maintenance git runs after it) rewriting packs while `git archive` read them broke an
    // export now and then ("tar: Unexpected EOF"). Runs export a commit once (then copy its
    // snapshot), so the lock is taken once per commit and process, and by syntax checks.
    await this.withLock(repo.id, async () => {
      if (!(await this.git.hasCommit(mirror, commit))) {
        // A worker on another machine, or after its data folder was lost: fetch first.
        await this.fetch(repo, mirror);
        if (!(await this.git.hasCommit(mirror, commit))) {
          throw new AppError(ErrorCode.NOT_FOUND, `Commit ${commit} is no longer in git repository "${repo.name}" (was it force-pushed away?)`);
        }
      }
      // Checked again here: the commit may have been recorded before these checks existed.
      const problem = await this.contentProblem(mirror, commit, await this.git.listTree(mirror, commit));
      if (problem) throw new AppError(ErrorCode.CONFLICT, `Commit ${commit.slice(0, 12)} of git repository "${repo.name}" cannot be used: ${problem}.`);
      await this.git.exportTree(mirror, commit, dest).catch(async (err: Error) => {
        // Should the lock not be the whole story: once more, over what the first try wrote.
        this.logger.warn(`exporting ${commit.slice(0, 12)} of ${repo.id} failed, trying once more: ${err.message}`);
        await this.git.exportTree(mirror, commit, dest);
      });
    });
  }

  /** The repository's credential, as git needs it for a fetch; null for a public repository. */
  private async authFor(repo: Pick<GitRepoModel, 'credentialId' | 'url'>): Promise<GitAuth | null> {
    if (!repo.credentialId) return null;
    // Only to the git host the credential is bound to (bound to this one on first use).
    const c = await this.credentials.revealForGit(repo.credentialId, repo.url);
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
}

const lockKey = (repoId: string) => `git-repo:${repoId}`;
