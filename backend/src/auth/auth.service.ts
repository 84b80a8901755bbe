import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, MoreThan, Repository } from 'typeorm';
import { AppError, ErrorCode, isUuid, notFound, validationFailed } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { channels, PubSubService } from '../pubsub/pubsub.service.js';
import type { UserModel } from '../users/models/user.model.js';
import { UsersService } from '../users/users.service.js';
import { ApiTokenEntity } from './api-token.entity.js';
import type { ApiTokenModel, CreatedApiTokenModel } from './models/api-token.model.js';
import type { AuthPayloadModel } from './models/auth-payload.model.js';
import { TOKEN_CACHE_MS, TokenCache } from './token-cache.js';

/** Last-use times are written at most this often per token. */
const LAST_USED_RESOLUTION_MS = 60_000;

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

@Injectable()
export class AuthService implements OnModuleInit {
  private readonly logger = new Logger(AuthService.name);
  private readonly cache = new TokenCache();

  constructor(
    @InjectRepository(ApiTokenEntity) private readonly tokens: Repository<ApiTokenEntity>,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly pubsub: PubSubService,
  ) {}

  /** Revocations made by other processes reach this one's cache (not awaited: Redis may still be connecting). */
  onModuleInit(): void {
    this.pubsub
      .subscribe(channels.tokenRevoked(), (message) => {
        const { tokenId } = message as { tokenId?: unknown };
        if (typeof tokenId === 'string') this.cache.forget(tokenId);
      })
      .catch((err: Error) => this.logger.warn(`token revocations of other processes will be seen within ${this.cacheSeconds} s: ${err.message}`));
  }

  private get cacheSeconds(): number {
    return TOKEN_CACHE_MS / 1000;
  }

  async login(username: string, password: string): Promise<AuthPayloadModel> {
    const user = await this.users.verify(username, password);
    if (!user) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Wrong username or password.');
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.tokenTtlHours * 3600_000);
    await this.tokens.insert({ userId: user.id, tokenHash: sha256(token), expiresAt });
    await this.tokens.delete({ userId: user.id, expiresAt: LessThan(new Date()) });
    return { token, user, expiresAt };
  }

  /**
   * The user a bearer token belongs to, or null when it is unknown or expired. A token
   * found valid is remembered for TOKEN_CACHE_MS (never past its expiry); a revocation
   * forgets it at once in this process and, through Redis, in the others.
   */
  async authenticate(token: string): Promise<UserModel | null> {
    const hash = sha256(token);
    const cached = this.cache.get(hash);
    if (cached) return cached;
    const generation = this.cache.generation;
    const row = await this.tokens.findOne({
      where: [
        { tokenHash: hash, expiresAt: MoreThan(new Date()) },
        { tokenHash: hash, expiresAt: IsNull() },
      ],
    });
    if (!row) return null;
    if (row.kind === 'api' && (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS)) {
      await this.tokens.update(row.id, { lastUsedAt: new Date() });
    }
    const user = await this.users.findById(row.userId);
    if (user) this.cache.set(hash, row.id, user, row.expiresAt, generation);
    return user;
  }

  /** A named token for scripts and `git push`; only its hash is kept, so it is shown once. */
  async createApiToken(userId: string, name: string, expiresInDays?: number | null): Promise<CreatedApiTokenModel> {
    const trimmed = name.trim();
    if (trimmed.length < 1 || trimmed.length > 100) throw validationFailed('Name the token (1 to 100 characters).', { name: 'use 1 to 100 characters' });
    if (expiresInDays != null && (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > 3650)) {
      throw validationFailed('A token expires in 1 to 3650 days, or never.', { expiresInDays: 'use 1 to 3650 days, or leave empty' });
    }
    const token = `sft_${randomBytes(32).toString('base64url')}`;
    const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null;
    const row = await this.tokens.save(this.tokens.create({ userId, tokenHash: sha256(token), name: trimmed, kind: 'api', expiresAt }));
    return { token, apiToken: toModel(row) };
  }

  async listApiTokens(userId: string): Promise<ApiTokenModel[]> {
    const rows = await this.tokens.find({ where: { userId, kind: 'api' }, order: { createdAt: 'DESC' } });
    return rows.map(toModel);
  }

  async revokeApiToken(userId: string, id: string): Promise<boolean> {
    const result = isUuid(id) ? await this.tokens.delete({ id, userId, kind: 'api' }) : { affected: 0 };
    if (!result.affected) throw notFound('API token', id);
    this.cache.forget(id);
    await this.pubsub
      .publish(channels.tokenRevoked(), { tokenId: id })
      .catch((err: Error) => this.logger.warn(`other processes will refuse the revoked token within ${this.cacheSeconds} s: ${err.message}`));
    return true;
  }
}

const toModel = (row: ApiTokenEntity): ApiTokenModel => ({
  id: row.id,
  name: row.name ?? '',
  createdAt: row.createdAt,
  expiresAt: row.expiresAt,
  lastUsedAt: row.lastUsedAt,
});
