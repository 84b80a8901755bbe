import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { OnEvent } from '@nestjs/event-emitter';
import { Redis } from 'ioredis';
import { In, IsNull, LessThan, MoreThan, Repository } from 'typeorm';
import { isScope, type Rights, type Role, type Scope, SCOPES, subtree } from '../access/permissions.js';
import { TenantsChangedEvent } from '../tenants/tenants.events.js';
import { TenantsService } from '../tenants/tenants.service.js';
import { AppError, ErrorCode, isUuid, notFound, validationFailed } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { channels, PubSubService } from '../pubsub/pubsub.service.js';
import type { UserModel } from '../users/models/user.model.js';
import { UserRightsChangedEvent } from '../users/users.events.js';
import { UsersService } from '../users/users.service.js';
import { ApiTokenEntity } from './api-token.entity.js';
import type { ApiTokenModel, CreatedApiTokenModel } from './models/api-token.model.js';
import type { AuthPayloadModel } from './models/auth-payload.model.js';
import { LoginLimiter } from './login-limiter.js';
import type { Principal } from './principal.js';
import { type ClosableSocket, SubscriptionSessions } from './subscription-sessions.js';
import { TOKEN_CACHE_MS, TokenCache } from './token-cache.js';

/** Last-use times are written at most this often per token. */
const LAST_USED_RESOLUTION_MS = 60_000;

export const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

@Injectable()
export class AuthService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(AuthService.name);
  private readonly cache = new TokenCache<Principal>();
  private readonly sessions = new SubscriptionSessions((hashes) => this.validTokenHashes(hashes));
  private limiterRedis?: Redis;
  private limiter?: LoginLimiter;

  constructor(
    @InjectRepository(ApiTokenEntity) private readonly tokens: Repository<ApiTokenEntity>,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly pubsub: PubSubService,
    private readonly tenants: TenantsService,
  ) {}

  /** Revocations made by other processes reach this one's cache (not awaited: Redis may still be connecting). */
  onModuleInit(): void {
    this.pubsub
      .subscribe(channels.tokenRevoked(), (message) => {
        const { tokenId, rightsChanged } = message as { tokenId?: unknown; rightsChanged?: unknown };
        if (rightsChanged === true) this.cache.clear();
        if (typeof tokenId !== 'string') return;
        this.cache.forget(tokenId);
        this.sessions.revoked(tokenId);
      })
      .catch((err: Error) => this.logger.warn(`token revocations of other processes will be seen within ${this.cacheSeconds} s: ${err.message}`));
  }

  onApplicationShutdown(): void {
    this.sessions.stop();
    this.limiterRedis?.disconnect();
  }

  private get cacheSeconds(): number {
    return TOKEN_CACHE_MS / 1000;
  }

  /** Counts attempts in Redis: made on the first login, so a worker process never connects for it. */
  private loginLimiter(): LoginLimiter {
    if (!this.limiter) {
      this.limiterRedis = new Redis(this.config.redisUrl, { maxRetriesPerRequest: 2, lazyConnect: false });
      this.limiterRedis.on('error', () => undefined); // answered per request (SERVICE_UNAVAILABLE); ioredis reconnects
      this.limiter = new LoginLimiter(this.limiterRedis, {
        maxPerIp: this.config.loginMaxPerIp,
        maxFailuresPerUser: this.config.loginMaxFailuresPerUser,
        hashConcurrency: this.config.passwordHashConcurrency,
      });
    }
    return this.limiter;
  }

  /**
   * A session token for a user name and password. Attempts are limited per client address
   * and failures per user name (TOO_MANY_REQUESTS, saying when to try again); password
   * hashes run a few at a time.
   */
  async login(username: string, password: string, ip = ''): Promise<AuthPayloadModel> {
    const user = await this.loginLimiter().attempt(ip, username, () => this.users.verify(username, password));
    if (!user) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Wrong username or password.');
    if (user.disabled) throw new AppError(ErrorCode.UNAUTHENTICATED, 'This account is disabled: ask an administrator to enable it.');
    return this.createSession(user);
  }

  /** A session token for a user who proved who they are (a password, or single sign-on): the same kind of token either way. */
  async createSession(user: UserModel): Promise<AuthPayloadModel> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.tokenTtlHours * 3600_000);
    await this.tokens.insert({ userId: user.id, tokenHash: sha256(token), expiresAt });
    await this.tokens.delete({ userId: user.id, expiresAt: LessThan(new Date()) });
    return { token, user, expiresAt };
  }

  /** Ends the session the request came with (a session token from login; an API token is revoked with revokeApiToken). */
  async logout(principal: Principal): Promise<boolean> {
    if (principal.kind !== 'session') {
      throw validationFailed('This request carries an API token, not a session: revoke the token with revokeApiToken.', { token: 'is an API token' });
    }
    await this.tokens.delete({ id: principal.tokenId, kind: 'session' });
    await this.announceRevoked(principal.tokenId);
    return true;
  }

  /** The user a bearer token belongs to, or null when it is unknown or expired. */
  async authenticate(token: string): Promise<UserModel | null> {
    return (await this.principal(token))?.user ?? null;
  }

  /**
   * Who a bearer token acts for, or null when it is unknown or expired. A token found valid
   * is remembered for TOKEN_CACHE_MS (never past its expiry); a revocation forgets it at once
   * in this process and, through Redis, in the others.
   */
  async principal(token: string): Promise<Principal | null> {
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
    if (!user || user.disabled) return null;
    const principal: Principal = {
      user,
      tokenId: row.id,
      kind: row.kind,
      expiresAt: row.expiresAt,
      rights: rightsOf(user, row.kind === 'api' ? row.scopes : null, await this.tenants.parents()),
    };
    this.cache.set(hash, row.id, principal, row.expiresAt, generation);
    return principal;
  }

  /**
   * Whom a user is now, with every right their roles give (as a session would have): what a
   * scheduled operation acts with when it fires. Null when the user is gone or disabled.
   */
  async principalOf(userId: string): Promise<Principal | null> {
    const user = await this.users.findById(userId);
    if (!user || user.disabled) return null;
    return { user, tokenId: '', kind: 'session', expiresAt: null, rights: rightsOf(user, null, await this.tenants.parents()) };
  }

  /**
   * Keeps a WebSocket opened with `token` only as long as the token is valid: revoked or
   * expired, it is closed (4401) and its subscriptions end. Returns what to call on close.
   */
  trackSocket(socket: ClosableSocket, token: string, principal: Principal): () => void {
    return this.sessions.track(socket, principal, sha256(token));
  }

  /** Of these token hashes, those still valid: one query for every open socket of the process. */
  private async validTokenHashes(hashes: string[]): Promise<Set<string>> {
    const rows = await this.tokens.find({
      select: { tokenHash: true },
      where: [
        { tokenHash: In(hashes), expiresAt: MoreThan(new Date()) },
        { tokenHash: In(hashes), expiresAt: IsNull() },
      ],
    });
    return new Set(rows.map((r) => r.tokenHash));
  }

  /**
   * A named token for scripts and `git push`; only its hash is kept, so it is shown once. It
   * expires after `expiresInDays`, by default API_TOKEN_TTL_DAYS: no token lasts for ever.
   */
  /** `within`: the scopes of the token the request came with (null for a session): a token never makes a broader one. */
  async createApiToken(
    userId: string,
    name: string,
    expiresInDays?: number | null,
    scopes?: string[] | null,
    within: readonly Scope[] | null = null,
  ): Promise<CreatedApiTokenModel> {
    const trimmed = name.trim();
    const wanted = [...new Set(scopes ?? within ?? SCOPES)];
    const beyond = within ? wanted.filter((s) => !within.includes(s as Scope)) : [];
    if (beyond.length) {
      throw new AppError(
        ErrorCode.FORBIDDEN,
        `This API token cannot make a token with more scopes than its own (${within!.join(', ')}): ${beyond.join(', ')} refused.`,
        {
          scopes: beyond,
        },
      );
    }
    const unknown = wanted.filter((s) => !isScope(s));
    if (unknown.length || !wanted.length) {
      throw validationFailed(`Choose one or more scopes: ${SCOPES.join(', ')}${unknown.length ? ` ("${unknown.join('", "')}" is not one)` : ''}.`, {
        scopes: unknown.length ? `unknown: ${unknown.join(', ')}` : 'choose at least one',
      });
    }
    if (trimmed.length < 1 || trimmed.length > 100) throw validationFailed('Name the token (1 to 100 characters).', { name: 'use 1 to 100 characters' });
    if (expiresInDays != null && (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > 3650)) {
      throw validationFailed(`A token expires in 1 to 3650 days (leave it empty for ${this.config.apiTokenTtlDays}).`, {
        expiresInDays: `use 1 to 3650 days, or leave empty for ${this.config.apiTokenTtlDays}`,
      });
    }
    const token = `sft_${randomBytes(32).toString('base64url')}`;
    const expiresAt = new Date(Date.now() + (expiresInDays ?? this.config.apiTokenTtlDays) * 86_400_000);
    const row = await this.tokens.save(
      this.tokens.create({ userId, tokenHash: sha256(token), name: trimmed, kind: 'api', expiresAt, scopes: wanted as Scope[] }),
    );
    return { token, apiToken: toModel(row) };
  }

  async listApiTokens(userId: string): Promise<ApiTokenModel[]> {
    const rows = await this.tokens.find({ where: { userId, kind: 'api' }, order: { createdAt: 'DESC' } });
    return rows.map(toModel);
  }

  async revokeApiToken(userId: string, id: string): Promise<boolean> {
    const result = isUuid(id) ? await this.tokens.delete({ id, userId, kind: 'api' }) : { affected: 0 };
    if (!result.affected) throw notFound('API token', id);
    await this.announceRevoked(id);
    return true;
  }

  /**
   * A user's rights changed: every cached principal is looked up again (here and, through
   * Redis, in the other processes); when their sessions must end, their tokens are deleted.
   */
  @OnEvent(TenantsChangedEvent.NAME)
  async tenantsChanged(): Promise<void> {
    await this.rightsChanged(new UserRightsChangedEvent(null, false));
  }

  @OnEvent(UserRightsChangedEvent.NAME)
  async rightsChanged(event: UserRightsChangedEvent): Promise<void> {
    this.cache.clear();
    if (event.endSessions && event.userId) {
      const ended = await this.tokens.find({ select: { id: true }, where: { userId: event.userId } });
      await this.tokens.delete({ userId: event.userId });
      for (const { id } of ended) await this.announceRevoked(id);
    }
    await this.pubsub
      .publish(channels.tokenRevoked(), { rightsChanged: true })
      .catch((err: Error) => this.logger.warn(`other processes will see the changed rights within ${this.cacheSeconds} s: ${err.message}`));
  }

  /** Forgets a revoked token here (cache, open sockets) and tells the other processes through Redis. */
  private async announceRevoked(tokenId: string): Promise<void> {
    this.cache.forget(tokenId);
    this.sessions.revoked(tokenId);
    await this.pubsub
      .publish(channels.tokenRevoked(), { tokenId })
      .catch((err: Error) => this.logger.warn(`other processes will refuse the revoked token within ${this.cacheSeconds} s: ${err.message}`));
  }
}

const toModel = (row: ApiTokenEntity): ApiTokenModel => ({
  id: row.id,
  name: row.name ?? '',
  createdAt: row.createdAt,
  expiresAt: row.expiresAt,
  lastUsedAt: row.lastUsedAt,
  scopes: row.scopes,
});

/** A user's rights: each group's roles over its tenant's subtree, narrowed by the token's scopes. */
function rightsOf(user: UserModel, scopes: Scope[] | null, parents: Map<string, string | null>): Rights {
  return {
    roles: user.roles as Role[],
    scopes,
    grants: user.grants.map((g) => ({ roles: g.roles, tenants: subtree(parents, g.tenantId) })),
    parents,
  };
}
