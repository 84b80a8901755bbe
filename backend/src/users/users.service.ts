import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import argon2 from 'argon2';
import { Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { UserEntity } from './user.entity.js';
import type { UserModel } from './models/user.model.js';

export const ADMIN_USERNAME = 'admin';

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async findById(id: string): Promise<UserModel | null> {
    const user = await this.users.findOneBy({ id });
    return user && toModel(user);
  }

  /** The user when the password matches; null otherwise (same answer for unknown users). */
  async verify(username: string, password: string): Promise<UserModel | null> {
    const user = await this.users.findOneBy({ username });
    if (!user) {
      // Spend the same time as a real check so usernames cannot be probed by timing.
      await argon2.hash(password).catch(() => undefined);
      return null;
    }
    return (await argon2.verify(user.passwordHash, password)) ? toModel(user) : null;
  }

  /**
   * Creates the admin user on first start: with ADMIN_PASSWORD, or with a generated
   * password printed once and stored in DATA_DIR/admin-password (mode 0600).
   */
  async ensureAdmin(): Promise<void> {
    if (await this.users.existsBy({ username: ADMIN_USERNAME })) return;
    let password = this.config.adminPassword;
    if (!password) {
      password = randomBytes(12).toString('base64url');
      await mkdir(this.config.dataDir, { recursive: true });
      const file = join(this.config.dataDir, 'admin-password');
      await writeFile(file, `${password}\n`, { mode: 0o600 });
      // Printed once, on purpose: this is how the operator learns the first password.
      process.stdout.write(`\n  Superfluid admin user created: username "admin", password "${password}"\n  (also stored in ${file})\n\n`);
    }
    const passwordHash = await argon2.hash(password);
    await this.users.createQueryBuilder().insert().values({ username: ADMIN_USERNAME, passwordHash }).orIgnore().execute();
    this.logger.log('admin user created');
  }
}

const toModel = (u: UserEntity): UserModel => ({ id: u.id, username: u.username });
