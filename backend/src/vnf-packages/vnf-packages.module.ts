import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module.js';
import { GitReposModule } from '../git-repos/git-repos.module.js';
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
export class VnfPackagesModule {}
