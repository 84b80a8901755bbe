import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { notFound } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { JobName, QueueName } from '../queue/queue.constants.js';
import { QueueService } from '../queue/queue.service.js';
import { ProcessRunner } from '../system/process-runner.js';
import { GitMirrors } from './git-mirrors.js';
import { GitRepoEntity } from './git-repo.entity.js';
import { PlaybookEntity } from './playbook.entity.js';
import { type RunProgram, syntaxCheckAll } from './syntax-check.js';

/** Syntax-check processes run at once per repository. */
const SYNTAX_CHECKS_AT_ONCE = 2;

/**
 * The syntax status of playbooks: a refresh that found new or changed playbooks queues a
 * check of its commit; a worker runs `ansible-playbook --syntax-check` (`syntax-check.ts`)
 * on each from an export of that commit and records the results.
 */
@Injectable()
export class SyntaxChecks {
  private readonly logger = new Logger(SyntaxChecks.name);

  constructor(
    @InjectRepository(GitRepoEntity) private readonly repos: Repository<GitRepoEntity>,
    @InjectRepository(PlaybookEntity) private readonly playbooks: Repository<PlaybookEntity>,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queues: QueueService,
    private readonly processes: ProcessRunner,
    private readonly mirrors: GitMirrors,
  ) {}

  /** Queues the syntax check of a commit's pending playbooks; a failure to queue is retried by the worker's sweep. */
  async queue(repoId: string, commit: string): Promise<void> {
    try {
      await this.queues.add(QueueName.GIT, JobName.CHECK_PLAYBOOK_SYNTAX, { repoId, commit }, `syntax-${repoId}-${commit}`);
    } catch (err) {
      this.logger.warn(`syntax check of ${repoId}@${commit.slice(0, 12)} not queued: ${(err as Error).message}`);
    }
  }

  /**
   * Queues a syntax check for every repository whose current playbooks still wait for one
   * (a check already queued or running keeps its fixed job id and is not queued twice).
   */
  async queuePending(): Promise<number> {
    const rows: { repo_id: string; commit: string }[] = await this.db.query(
      `SELECT DISTINCT p.repo_id, p.commit FROM playbooks p JOIN git_repos r ON r.id = p.repo_id AND r.commit = p.commit WHERE p.syntax_status = 'pending'`,
    );
    for (const row of rows) await this.queue(row.repo_id, row.commit);
    return rows.length;
  }

  /**
   * Runs `ansible-playbook --syntax-check` on the pending playbooks of `commit`, from an
   * export of that commit, and records each result unless a refresh replaced the commit.
   */
  async check(repoId: string, commit: string): Promise<{ checked: number; failed: number }> {
    const pending = await this.playbooks.find({ where: { repoId, commit, syntaxStatus: 'pending' }, order: { path: 'ASC' } });
    if (pending.length === 0) return { checked: 0, failed: 0 };
    const repo = await this.repos.findOneBy({ id: repoId });
    if (!repo) throw notFound('Git repository', repoId);
    const dir = await mkdtemp(join(tmpdir(), 'superfluid-syntax-tree-'));
    let failed = 0;
    try {
      await this.mirrors.exportTree(repo, commit, dir);
      const run: RunProgram = async (file, args, options) => {
        const r = await this.processes.spawn(file, args, { ...options, extendEnv: false, reject: false, timeout: 120_000 });
        return { exitCode: r.exitCode, stdout: String(r.stdout), stderr: String(r.stderr) };
      };
      const results = await syntaxCheckAll(
        run,
        this.config.ansiblePlaybookBin,
        dir,
        pending.map((p) => p.path),
        { sandbox: this.config.sandbox, atOnce: SYNTAX_CHECKS_AT_ONCE },
      );
      for (const playbook of pending) {
        const result = results.get(playbook.path)!;
        if (!result.ok) failed++;
        await this.playbooks.update(
          { id: playbook.id, commit },
          { syntaxStatus: result.ok ? 'ok' : 'failed', syntaxError: result.ok ? null : result.line ? `line ${result.line}: ${result.error}` : result.error },
        );
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    return { checked: pending.length, failed };
  }
}
