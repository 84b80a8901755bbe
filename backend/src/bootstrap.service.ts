import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CatalogService } from './catalog/catalog.service.js';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import { GitReposService } from './git-repos/git-repos.service.js';
import { ProvidersService } from './providers/providers.service.js';
import { UsersService } from './users/users.service.js';

/**
 * First-start and every-start seeding, run by the api role under one advisory lock:
 * the admin user, the local provider, the built-in playbook repository, the catalog.
 */
@Injectable()
export class BootstrapService {
  private readonly logger = new Logger(BootstrapService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly providers: ProvidersService,
    private readonly repos: GitReposService,
    private readonly catalog: CatalogService,
  ) {}

  async seed(): Promise<void> {
    const lock = this.db.createQueryRunner();
    await lock.connect();
    try {
      await lock.query('SELECT pg_advisory_lock(7240002)');
      await this.users.ensureAdmin();
      await this.providers.ensureLocal();
      await this.repos.publishBuiltin();
      await this.catalog.loadFromDir(this.config.catalogDir);
    } finally {
      await lock.query('SELECT pg_advisory_unlock(7240002)').catch(() => undefined);
      await lock.release();
    }
  }
}
