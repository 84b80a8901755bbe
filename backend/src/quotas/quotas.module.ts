import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TenantsModule } from '../tenants/tenants.module.js';
import { UsersModule } from '../users/users.module.js';
import { QuotaEntity } from './quota.entity.js';
import { QuotasResolver } from './quotas.resolver.js';
import { QuotasService } from './quotas.service.js';

/** Limits on what tenants and users may hold. The use is counted by the requests module (QuotaUsageQuery), which checks orders against them. */
@Module({
  imports: [TypeOrmModule.forFeature([QuotaEntity]), TenantsModule, UsersModule],
  providers: [QuotasService, QuotasResolver],
  exports: [QuotasService],
})
export class QuotasModule {}
