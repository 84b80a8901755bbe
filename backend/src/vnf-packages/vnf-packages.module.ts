import { Inject, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module.js';
import { APP_CONFIG, type AppConfig, runsApi } from '../config/config.js';
import { GitReposModule } from '../git-repos/git-repos.module.js';
import { GitReposService } from '../git-repos/git-repos.service.js';
import { VnfPackageZipController } from './vnf-package-zip.controller.js';
import { VnfPackageEntity } from './vnf-package.entity.js';
import { VnfPackagesResolver } from './vnf-packages.resolver.js';
import { VnfPackagesService } from './vnf-packages.service.js';

/** VNF packages found in git repositories (vnf-packages/<name>/): on-boarded at refresh, managed and fetched through the API. */
@Module({
  imports: [TypeOrmModule.forFeature([VnfPackageEntity]), AuthModule, GitReposModule],
  controllers: [VnfPackageZipController],
  providers: [VnfPackagesService, VnfPackagesResolver],
  exports: [VnfPackagesService],
})
export class VnfPackagesModule implements OnApplicationBootstrap {
  private readonly logger = new Logger(VnfPackagesModule.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repos: GitReposService,
    private readonly packages: VnfPackagesService,
  ) {}

  /**
   * In the api role: on-boards the packages of every repository's recorded commit, as its last
   * refresh found them — the built-in repository is published before this module listens, and
   * repositories refreshed before this version had no one to on-board theirs.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (!runsApi(this.config)) return;
    for (const repo of await this.repos.list()) {
      try {
        const event = await this.repos.packagesAtCommit(repo.id);
        if (!event) continue;
        await this.packages.onRepoPackages(event);
        for (const problem of event.problems) this.logger.warn(`${repo.name}: not on-boarded: ${problem}`);
      } catch (err) {
        this.logger.warn(`${repo.name}: its VNF packages were not read: ${(err as Error).message}`);
      }
    }
  }
}
