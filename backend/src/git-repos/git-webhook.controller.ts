import { Controller, HttpCode, HttpException, Logger, Param, Post, Req } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import type { Request } from 'express';
import type { AuditOutcome } from '../audit/audit-event.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { GitReposService } from './git-repos.service.js';
import { GitWebhooks } from './git-webhooks.service.js';
import { isPing, verifyWebhook } from './webhook-signature.js';

/**
 * `POST /hooks/git/:repoId` from GitHub, GitLab, Gitea or anything that signs its body
 * with HMAC-SHA256: a valid call queues a refresh and answers 202 at once; a bad or
 * missing signature is 401 and triggers nothing.
 */
@Controller('hooks/git')
export class GitWebhookController {
  private readonly logger = new Logger(GitWebhookController.name);

  constructor(
    private readonly repos: GitReposService,
    private readonly webhooks: GitWebhooks,
    private readonly audit: AuditService,
  ) {}

  @Post(':repoId')
  @HttpCode(202)
  async receive(@Param('repoId') repoId: string, @Req() req: RawBodyRequest<Request>): Promise<{ status: string }> {
    const record = (outcome: AuditOutcome, errorCode: string | null, message: string | null, details: Record<string, unknown> = {}) =>
      this.audit.record({ action: 'git.webhook', objectType: 'GitRepo', objectId: repoId, outcome, errorCode, message, ip: req.ip ?? '', details });
    const secret = await this.webhooks.secret(repoId);
    if (!secret) {
      await record('failure', 'NOT_FOUND', 'no repository with webhooks on has this id');
      throw new HttpException({ error: 'No repository with webhooks on has this id.' }, 404);
    }
    const host = verifyWebhook(req.headers, req.rawBody ?? Buffer.alloc(0), secret);
    if (!host) {
      this.logger.warn(`webhook for ${repoId} refused: bad or missing signature (from ${req.ip})`);
      await record('denied', 'BAD_SIGNATURE', 'bad or missing signature');
      throw new HttpException({ error: 'Bad or missing signature: check the secret configured on the git host.' }, 401);
    }
    if (isPing(req.headers)) {
      await record('success', null, 'ping', { host });
      return { status: 'pong' };
    }
    const repo = await this.repos.get(repoId);
    if (!repo.enabled) {
      await record('failure', 'DISABLED', 'the repository is disabled: ignored', { host, repo: repo.name });
      throw new HttpException({ error: `Repository "${repo.name}" is disabled: the call was received and ignored.` }, 409);
    }
    await this.webhooks.queueRefresh(repoId);
    await record('success', null, 'refresh queued', { host, repo: repo.name });
    return { status: 'refresh queued' };
  }
}
