import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CredentialsModule } from '../credentials/credentials.module.js';
import { GitReposModule } from '../git-repos/git-repos.module.js';
import { ProvidersModule } from '../providers/providers.module.js';
import { TenantsModule } from '../tenants/tenants.module.js';
import { DialogEntity } from './dialog.entity.js';
import { DialogsResolver } from './dialogs.resolver.js';
import { DialogsService } from './dialogs.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([DialogEntity]), ProvidersModule, GitReposModule, CredentialsModule, TenantsModule],
  providers: [DialogsService, DialogsResolver],
  exports: [DialogsService],
})
export class DialogsModule {}
