import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { JobName, QueueName } from '../queue/queue.constants.js';
import { QueueService } from '../queue/queue.service.js';
import { GitRepoEntity } from './git-repo.entity.js';
import type { GitRepoModel } from './models/git-repo.model.js';

const KEY_PREFIX = 'git-refresh:';
const schedulerKey = (repoId: string) => `${KEY_PREFIX}${repoId}`;

/**
 * Scheduled refreshes: one BullMQ job scheduler per enabled repository with a refresh
 * interval. Postgres is the source of truth: `reconcile` puts back what Redis lost (a
 * FLUSHALL, a restored snapshot) and removes what no repository asks for any more.
 */
@Injectable()
export class GitSchedules {
  constructor(
    @InjectRepository(GitRepoEntity) private readonly repos: Repository<GitRepoEntity>,
    private readonly queues: QueueService,
  ) {}

  /** Keeps the repository's refresh schedule in Redis in line with its row. */
  async sync(repo: Pick<GitRepoModel, 'id' | 'enabled' | 'refreshIntervalSeconds'>): Promise<void> {
    const every = repo.enabled && repo.refreshIntervalSeconds ? repo.refreshIntervalSeconds * 1000 : null;
    if (every) await this.upsert(repo.id, every);
    else await this.queues.queue(QueueName.GIT).removeJobScheduler(schedulerKey(repo.id));
  }

  /** Every repository's schedule, written again whatever Redis holds (at a worker's start). */
  async syncAll(): Promise<void> {
    for (const repo of await this.repos.find()) await this.sync(repo);
  }

  /**
   * Compares the schedules Redis holds with the repositories' rows and fixes only the
   * difference: one query and one listing when nothing is missing (every reconcile tick).
   */
  async reconcile(): Promise<{ added: number; removed: number }> {
    const rows = await this.repos.find({ where: { enabled: true }, select: { id: true, refreshIntervalSeconds: true } });
    const wanted = new Map(rows.filter((r) => r.refreshIntervalSeconds).map((r) => [schedulerKey(r.id), (r.refreshIntervalSeconds ?? 0) * 1000]));
    const queue = this.queues.queue(QueueName.GIT);
    const held = new Map((await queue.getJobSchedulers(0, -1)).filter((s) => s.key.startsWith(KEY_PREFIX)).map((s) => [s.key, s.every]));
    let added = 0;
    let removed = 0;
    for (const [key, every] of wanted) {
      if (held.get(key) === every) continue;
      await this.upsert(key.slice(KEY_PREFIX.length), every);
      added++;
    }
    for (const key of held.keys()) {
      if (wanted.has(key)) continue;
      await queue.removeJobScheduler(key);
      removed++;
    }
    return { added, removed };
  }

  private async upsert(repoId: string, every: number): Promise<void> {
    await this.queues.queue(QueueName.GIT).upsertJobScheduler(schedulerKey(repoId), { every }, { name: JobName.REFRESH_GIT_REPO, data: { repoId } });
  }
}
