import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TenantEntity } from './tenant.entity.js';
import { TenantsResolver } from './tenants.resolver.js';
import { TenantsService } from './tenants.service.js';

/** The tenant tree. Users, groups, catalog items, requests and services belong to a tenant. */
@Module({
  imports: [TypeOrmModule.forFeature([TenantEntity])],
  providers: [TenantsService, TenantsResolver],
  exports: [TenantsService],
})
export class TenantsModule {}
