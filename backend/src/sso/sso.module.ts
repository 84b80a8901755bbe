import { TenantsModule } from '../tenants/tenants.module.js';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { UsersModule } from '../users/users.module.js';
import { OidcClient } from './oidc-client.js';
import { OidcGroupMappingEntity } from './oidc-group-mapping.entity.js';
import { SsoStateStore } from './sso-state.store.js';
import { SsoController } from './sso.controller.js';
import { SsoResolver } from './sso.resolver.js';
import { SsoService } from './sso.service.js';

/** Single sign-on with OpenID Connect (see README, "Single sign-on"). */
@Module({
  imports: [TypeOrmModule.forFeature([OidcGroupMappingEntity]), UsersModule, AuthModule, AuditModule, TenantsModule],
  controllers: [SsoController],
  providers: [SsoService, SsoResolver, OidcClient, SsoStateStore],
})
export class SsoModule {}
