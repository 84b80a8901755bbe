import { VnfPackagesModule } from '../vnf-packages/vnf-packages.module.js';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog/catalog.module.js';
import { CredentialsModule } from '../credentials/credentials.module.js';
import { DialogsModule } from '../dialogs/dialogs.module.js';
import { GitReposModule } from '../git-repos/git-repos.module.js';
import { InventoriesModule } from '../inventories/inventories.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { ProvidersModule } from '../providers/providers.module.js';
import { ServicesModule } from '../services/services.module.js';
import { StateMachineDefinitionsModule } from '../state-machines/state-machine-definitions.module.js';
import { TenantsModule } from '../tenants/tenants.module.js';
import { UsersModule } from '../users/users.module.js';
import { QuotasModule } from '../quotas/quotas.module.js';
import { ApprovalsResolver } from './approvals.resolver.js';
import { QuotaGuard } from './quota-guard.js';
import { ApprovalsService } from './approvals.service.js';
import { RequestApprovalEntity } from './request-approval.entity.js';
import { RequestItemEntity } from './request-item.entity.js';
import { RequestPlanner } from './request-planner.js';
import { RequestFiguresReader } from './request-figures.js';
import { RequestQueue } from './request-queue.js';
import { RequestStore } from './request-store.js';
import { RequestStreamsService } from './request-streams.service.js';
import { RequestTransitionEntity } from './request-transition.entity.js';
import { JobRequestLinkResolver, RequestsResolver, ServiceRequestLinkResolver } from './requests.resolver.js';
import { RequestsService } from './requests.service.js';
import { ServiceRequestEntity } from './service-request.entity.js';

/**
 * Orders and their requests: the order API, planning, and the one store of the requests'
 * tables. Requests are run by the state-machine engine (`state-machines/`), which uses the
 * store, the queue and the planner exported here.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([ServiceRequestEntity, RequestItemEntity, RequestTransitionEntity, RequestApprovalEntity]),
    CatalogModule,
    DialogsModule,
    GitReposModule,
    ProvidersModule,
    InventoriesModule,
    CredentialsModule,
    JobsModule,
    ServicesModule,
    UsersModule,
    TenantsModule,
    StateMachineDefinitionsModule,
    QuotasModule,
    VnfPackagesModule,
  ],
  providers: [
    RequestStore,
    RequestFiguresReader,
    RequestQueue,
    RequestPlanner,
    RequestsService,
    RequestStreamsService,
    RequestsResolver,
    ServiceRequestLinkResolver,
    JobRequestLinkResolver,
    ApprovalsService,
    ApprovalsResolver,
    QuotaGuard,
  ],
  exports: [RequestStore, RequestQueue, RequestPlanner, RequestsService],
})
export class RequestsModule {}
