import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { tryAdvisoryLock, type TryLockResult, withAdvisoryLock } from '../common/advisory-lock.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { CredentialsService } from '../credentials/credentials.service.js';
import { type GitAuth, GitClient } from './git-client.js';
import type { GitRepoModel } from './models/git-repo.model.js';

/** How long git work on a repository waits for another process's work on it. */
const LOCK_WAIT_MS = 120_000;

/** What a fetch needs to know of a repository. */
export type FetchedRepo = Pick<GitRepoModel, 'id' | 'name' | 'url' | 'credentialId'>;

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
    await this.git.mirror(repo.url, mirror, await this.authFor(repo), this.knownHosts());
  }

  /** The commit the repository's branch points at on its remote, without fetching. */
  async remoteHead(repo: FetchedRepo, branch: string, mirror = this.dir(repo.id)): Promise<string | null> {
    return this.git.remoteHead(mirror, branch, await this.authFor(repo), this.knownHosts());
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
      await this.git.exportTree(mirror, commit, dest).catch(async (err: Error) => {
        // Should the lock not be the whole story: once more, over what the first try wrote.
        this.logger.warn(`exporting ${commit.slice(0, 12)} of ${repo.id} failed, trying once more: ${err.message}`);
        await this.git.exportTree(mirror, commit, dest);
      });
    });
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
}

const lockKey = (repoId: string) => `git-repo:${repoId}`;
