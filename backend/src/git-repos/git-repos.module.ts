import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GitClient } from './git-client.js';
import { GitRefreshEntity } from './git-refresh.entity.js';
import { GitRepoEntity } from './git-repo.entity.js';
import { GitReposResolver } from './git-repos.resolver.js';
import { GitReposService } from './git-repos.service.js';
import { PlaybookEntity } from './playbook.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([GitRepoEntity, PlaybookEntity, GitRefreshEntity])],
  providers: [GitClient, GitReposService, GitReposResolver],
  exports: [GitReposService],
})
export class GitReposModule {}
