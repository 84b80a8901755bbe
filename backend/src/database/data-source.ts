import { DataSource } from 'typeorm';
import { AlarmEntity } from '../alarms/alarm.entity.js';
import { PerformanceJobEntity, PerformanceThresholdEntity } from '../performance/performance.entities.js';
import { ApiTokenEntity } from '../auth/api-token.entity.js';
import {
  NotificationDeliveryEntity,
  NotificationEntity,
  NotificationSubscriptionEntity,
  WebhookEndpointEntity,
} from '../notifications/notification.entities.js';
import { ServiceTemplateEntity } from '../catalog/service-template.entity.js';
import { DialogEntity } from '../dialogs/dialog.entity.js';
import { GitRepoEntity } from '../git-repos/git-repo.entity.js';
import { PlaybookEntity } from '../git-repos/playbook.entity.js';
import { JobEventEntity } from '../jobs/job-event.entity.js';
import { JobEntity } from '../jobs/job.entity.js';
import { ProviderEntity } from '../providers/provider.entity.js';
import { ServiceRequestEntity } from '../requests/service-request.entity.js';
import { ServiceEntity } from '../services/service.entity.js';
import { GroupEntity } from '../users/group.entity.js';
import { TenantEntity } from '../tenants/tenant.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { Spine1763964000000 } from './migrations/1763964000000-Spine.js';
import { JobHeartbeat1764000000000 } from './migrations/1764000000000-JobHeartbeat.js';
import { Cancel1764100000000 } from './migrations/1764100000000-Cancel.js';
import { JobSummary1764200000000 } from './migrations/1764200000000-JobSummary.js';
import { OutputRetention1764300000000 } from './migrations/1764300000000-OutputRetention.js';
import { GitRefreshes1764400000000 } from './migrations/1764400000000-GitRefreshes.js';
import { GitPolicies1764500000000 } from './migrations/1764500000000-GitPolicies.js';
import { GitRefreshEntity } from '../git-repos/git-refresh.entity.js';
import { CredentialEntity } from '../credentials/credential.entity.js';
import { StateMachineEntity } from '../state-machines/state-machine.entity.js';
import { RequestItemEntity } from '../requests/request-item.entity.js';
import { QuotaEntity } from '../quotas/quota.entity.js';
import { RequestApprovalEntity } from '../requests/request-approval.entity.js';
import { RequestTransitionEntity } from '../requests/request-transition.entity.js';
import { Credentials1764600000000 } from './migrations/1764600000000-Credentials.js';
import { GitCredentials1764700000000 } from './migrations/1764700000000-GitCredentials.js';
import { Bundles1764800000000 } from './migrations/1764800000000-Bundles.js';
import { CatalogFolders1764900000000 } from './migrations/1764900000000-CatalogFolders.js';
import { Providers1765000000000 } from './migrations/1765000000000-Providers.js';
import { Inventories1765100000000 } from './migrations/1765100000000-Inventories.js';
import { InventoryEntity } from '../inventories/inventory.entity.js';
import { ProviderHealthEntity } from '../providers/provider-health.entity.js';
import { DialogOrigin1764810000000 } from './migrations/1764810000000-DialogOrigin.js';
import { DialogEditor1765200000000 } from './migrations/1765200000000-DialogEditor.js';
import { Reconfigure1765400000000 } from './migrations/1765400000000-Reconfigure.js';
import { ServiceProviders1765500000000 } from './migrations/1765500000000-ServiceProviders.js';
import { DialogBindings1765600000000 } from './migrations/1765600000000-DialogBindings.js';
import { OnePath1765700000000 } from './migrations/1765700000000-OnePath.js';
import { ProviderHostKeys1765730000000 } from './migrations/1765730000000-ProviderHostKeys.js';
import { JobOutputChunks1765780000000 } from './migrations/1765780000000-JobOutputChunks.js';
import { Access1765800000000 } from './migrations/1765800000000-Access.js';
import { Tenants1765820000000 } from './migrations/1765820000000-Tenants.js';
import { Audit1765840000000 } from './migrations/1765840000000-Audit.js';
import { AuditEventEntity } from '../audit/audit-event.entity.js';
import { OidcSso1765860000000 } from './migrations/1765860000000-OidcSso.js';
import { RepoInventoryShares1765880000000 } from './migrations/1765880000000-RepoInventoryShares.js';
import { Approvals1765895000000 } from './migrations/1765895000000-Approvals.js';
import { ListFilters1765920000000 } from './migrations/1765920000000-ListFilters.js';
import { Quotas1765940000000 } from './migrations/1765940000000-Quotas.js';
import { RetirementDates1765960000000 } from './migrations/1765960000000-RetirementDates.js';
import { Previews1765980000000 } from './migrations/1765980000000-Previews.js';
import { DialogSharesGroupVisibility1766000000000 } from './migrations/1766000000000-DialogSharesGroupVisibility.js';
import { AlarmsNotifications1766020000000 } from './migrations/1766020000000-AlarmsNotifications.js';
import { Heal1766040000000 } from './migrations/1766040000000-Heal.js';
import { Performance1766060000000 } from './migrations/1766060000000-Performance.js';
import { Schedules1766080000000 } from './migrations/1766080000000-Schedules.js';
import { ScheduledOperationEntity } from '../schedules/scheduled-operation.entity.js';
import { VnfPackages1766090000000 } from './migrations/1766090000000-VnfPackages.js';
import { PerformanceSources1766110000000 } from './migrations/1766110000000-PerformanceSources.js';
import { Instances1766120000000 } from './migrations/1766120000000-Instances.js';
import { PlaybookMeasures1766130000000 } from './migrations/1766130000000-PlaybookMeasures.js';
import { InstanceEntity } from '../instances/instance.entity.js';
import { VnfPackageEntity } from '../vnf-packages/vnf-package.entity.js';
import { OidcGroupMappingEntity } from '../sso/oidc-group-mapping.entity.js';

export const ENTITIES = [
  UserEntity,
  GroupEntity,
  TenantEntity,
  ApiTokenEntity,
  GitRepoEntity,
  GitRefreshEntity,
  PlaybookEntity,
  ProviderEntity,
  DialogEntity,
  ServiceTemplateEntity,
  ServiceRequestEntity,
  JobEntity,
  JobEventEntity,
  ServiceEntity,
  CredentialEntity,
  StateMachineEntity,
  RequestItemEntity,
  RequestTransitionEntity,
  RequestApprovalEntity,
  QuotaEntity,
  ProviderHealthEntity,
  InventoryEntity,
  AuditEventEntity,
  OidcGroupMappingEntity,
  AlarmEntity,
  PerformanceJobEntity,
  PerformanceThresholdEntity,
  ScheduledOperationEntity,
  NotificationSubscriptionEntity,
  WebhookEndpointEntity,
  NotificationEntity,
  NotificationDeliveryEntity,
  VnfPackageEntity,
  InstanceEntity,
];

export const MIGRATIONS = [
  Spine1763964000000,
  JobHeartbeat1764000000000,
  Cancel1764100000000,
  JobSummary1764200000000,
  OutputRetention1764300000000,
  GitRefreshes1764400000000,
  GitPolicies1764500000000,
  Credentials1764600000000,
  GitCredentials1764700000000,
  Bundles1764800000000,
  DialogOrigin1764810000000,
  CatalogFolders1764900000000,
  Providers1765000000000,
  Inventories1765100000000,
  DialogEditor1765200000000,
  Reconfigure1765400000000,
  ServiceProviders1765500000000,
  DialogBindings1765600000000,
  OnePath1765700000000,
  ProviderHostKeys1765730000000,
  JobOutputChunks1765780000000,
  Access1765800000000,
  Tenants1765820000000,
  Audit1765840000000,
  OidcSso1765860000000,
  RepoInventoryShares1765880000000,
  Approvals1765895000000,
  ListFilters1765920000000,
  Quotas1765940000000,
  RetirementDates1765960000000,
  Previews1765980000000,
  DialogSharesGroupVisibility1766000000000,
  AlarmsNotifications1766020000000,
  Heal1766040000000,
  Performance1766060000000,
  Schedules1766080000000,
  VnfPackages1766090000000,
  PerformanceSources1766110000000,
  Instances1766120000000,
  PlaybookMeasures1766130000000,
];

export function createDataSource(url: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    extra: { max: 10 },
  });
}

/** Runs pending migrations under an advisory lock, so several api processes can start at once. */
export async function migrate(ds: DataSource): Promise<string[]> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(7240001)');
    const done = await ds.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock(7240001)').catch(() => undefined);
    await runner.release();
  }
}
