import { TenantsModule } from '../tenants/tenants.module.js';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DialogsModule } from '../dialogs/dialogs.module.js';
import { GitReposModule } from '../git-repos/git-repos.module.js';
import { InventoriesModule } from '../inventories/inventories.module.js';
import { CatalogResolver } from './catalog.resolver.js';
import { CatalogService } from './catalog.service.js';
import { ServiceTemplateEntity } from './service-template.entity.js';
import { StateMachineDefinitionsModule } from '../state-machines/state-machine-definitions.module.js';
import { TemplateEditorService } from './template-editor.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ServiceTemplateEntity]), StateMachineDefinitionsModule, DialogsModule, InventoriesModule, GitReposModule, TenantsModule],
  providers: [CatalogService, TemplateEditorService, CatalogResolver],
  exports: [CatalogService],
})
export class CatalogModule {}
