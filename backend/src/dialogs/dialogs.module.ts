import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GitReposModule } from '../git-repos/git-repos.module.js';
import { ProvidersModule } from '../providers/providers.module.js';
import { DialogEntity } from './dialog.entity.js';
import { DialogsService } from './dialogs.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([DialogEntity]), ProvidersModule, GitReposModule],
  providers: [DialogsService],
  exports: [DialogsService],
})
export class DialogsModule {}
