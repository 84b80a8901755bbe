import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { JobName, QueueName } from '../queue/queue.constants.js';
import { QueueService } from '../queue/queue.service.js';
import { GitRepoEntity } from './git-repo.entity.js';
import type { GitRepoModel } from './models/git-repo.model.js';

/** Scheduled refreshes: one BullMQ job scheduler per repository with a refresh interval. */
@Injectable()
export class GitSchedules {
  constructor(
    @InjectRepository(GitRepoEntity) private readonly repos: Repository<GitRepoEntity>,
    private readonly queues: QueueService,
  ) {}

  /** Keeps the repository's refresh schedule in Redis in line with its row. */
  async sync(repo: Pick<GitRepoModel, 'id' | 'enabled' | 'refreshIntervalSeconds'>): Promise<void> {
    const queue = this.queues.queue(QueueName.GIT);
    const key = schedulerKey(repo.id);
    if (repo.enabled && repo.refreshIntervalSeconds) {
      await queue.upsertJobScheduler(key, { every: repo.refreshIntervalSeconds * 1000 }, { name: JobName.REFRESH_GIT_REPO, data: { repoId: repo.id } });
    } else {
      await queue.removeJobScheduler(key);
    }
  }

  /** Every repository's schedule, after a start (Postgres is the source of truth, Redis may have lost them). */
  async syncAll(): Promise<void> {
    for (const repo of await this.repos.find()) await this.sync(repo);
  }
}

const schedulerKey = (repoId: string) => `git-refresh:${repoId}`;
