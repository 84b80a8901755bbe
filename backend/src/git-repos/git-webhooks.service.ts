import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { isUuid, notFound } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { SecretBox, webhookAad } from '../credentials/secret-box.js';
import { JobName, QueueName } from '../queue/queue.constants.js';
import { QueueService } from '../queue/queue.service.js';
import { GitRepoEntity } from './git-repo.entity.js';
import type { GitRepoModel } from './models/git-repo.model.js';

/**
 * Webhooks: a git host calls `/hooks/git/<id>` when the repository changes, signing its
 * call with a secret of the repository's (stored encrypted); a valid call queues a refresh.
 */
@Injectable()
export class GitWebhooks {
  constructor(
    @InjectRepository(GitRepoEntity) private readonly repos: Repository<GitRepoEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queues: QueueService,
    private readonly box: SecretBox,
  ) {}

  /**
   * Turns webhooks on (or gives a new secret): the git host signs its calls with the
   * secret, which is stored encrypted and returned this once.
   */
  async enable(id: string): Promise<{ url: string; secret: string }> {
    const repo = await this.get(id);
    const secret = randomBytes(24).toString('base64url');
    await this.repos.update(repo.id, { webhookSecret: this.box.encrypt(secret, webhookAad(repo.id)) });
    return { url: this.url(repo.id), secret };
  }

  async disable(id: string): Promise<GitRepoModel> {
    const repo = await this.get(id);
    await this.repos.update(repo.id, { webhookSecret: null });
    return repo;
  }

  url(id: string): string {
    return `${this.config.publicUrl}/hooks/git/${id}`;
  }

  /** The webhook secret of a repository, or null when webhooks are off (or the id is unknown). */
  async secret(id: string): Promise<string | null> {
    if (!isUuid(id)) return null;
    const row = await this.repos.findOne({ where: { id }, select: { id: true, webhookSecret: true } });
    return row?.webhookSecret ? this.box.decrypt(row.webhookSecret, webhookAad(id)) : null;
  }

  async enabled(id: string): Promise<boolean> {
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

  private async get(id: string): Promise<GitRepoEntity> {
    const repo = isUuid(id) ? await this.repos.findOneBy({ id }) : null;
    if (!repo) throw notFound('Git repository', id);
    return repo;
  }
}
