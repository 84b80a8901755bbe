import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, MoreThan, Repository } from 'typeorm';
import { AppError, ErrorCode } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { UserModel } from '../users/models/user.model.js';
import { UsersService } from '../users/users.service.js';
import { ApiTokenEntity } from './api-token.entity.js';
import type { AuthPayloadModel } from './models/auth-payload.model.js';

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(ApiTokenEntity) private readonly tokens: Repository<ApiTokenEntity>,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string): Promise<AuthPayloadModel> {
    const user = await this.users.verify(username, password);
    if (!user) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Wrong username or password.');
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.tokenTtlHours * 3600_000);
    await this.tokens.insert({ userId: user.id, tokenHash: sha256(token), expiresAt });
    await this.tokens.delete({ userId: user.id, expiresAt: LessThan(new Date()) });
    return { token, user, expiresAt };
  }

  /** The user a bearer token belongs to, or null when it is unknown or expired. */
  async authenticate(token: string): Promise<UserModel | null> {
    const row = await this.tokens.findOneBy({ tokenHash: sha256(token), expiresAt: MoreThan(new Date()) });
    return row ? this.users.findById(row.userId) : null;
  }
}
