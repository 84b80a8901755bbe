import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module.js';
import { DialogsModule } from '../dialogs/dialogs.module.js';
import { GitReposModule } from '../git-repos/git-repos.module.js';
import { RequestsModule } from '../requests/requests.module.js';
import { ServicesModule } from '../services/services.module.js';
import { StateMachineDefinitionsModule } from '../state-machines/state-machine-definitions.module.js';
import { LifecycleResolver } from './lifecycle.resolver.js';
import { LifecycleService } from './lifecycle.service.js';

/** Retirement, reconfiguration and rollback of what orders deployed: requests of their own, run by the state-machine engine. */
@Module({
  imports: [RequestsModule, CatalogModule, DialogsModule, GitReposModule, ServicesModule, StateMachineDefinitionsModule],
  providers: [LifecycleService, LifecycleResolver],
  exports: [LifecycleService],
})
export class LifecycleModule {}
