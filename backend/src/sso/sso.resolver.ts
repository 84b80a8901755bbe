import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../access/allow.decorator.js';
import { InTenants, Public, type TenantScope } from '../auth/auth.decorators.js';
import { OidcGroupMappingModel, SsoProviderModel } from './models/sso.models.js';
import { SsoService } from './sso.service.js';

@Resolver()
export class SsoResolver {
  constructor(private readonly sso: SsoService) {}

  @Public()
  @Query(() => [SsoProviderModel], { description: 'The single sign-on providers the login page offers: none when SSO is off (OIDC_ISSUER not set).' })
  ssoProviders(): SsoProviderModel[] {
    return this.sso.providers();
  }

  @Allow('users:read')
  @Query(() => [OidcGroupMappingModel], { description: 'The SSO group mappings to groups you may see, by claim value.' })
  oidcGroupMappings(@InTenants('users:read') scope: TenantScope): Promise<OidcGroupMappingModel[]> {
    return this.sso.listMappings(scope);
  }

  @Allow('users:write')
  @Mutation(() => OidcGroupMappingModel, {
    description:
      'Map a value of the groups claim to a portal group: at their next single sign-on, users with that value join the group (and leave it once they no longer have it).',
  })
  createOidcGroupMapping(
    @InTenants('users:write') scope: TenantScope,
    @Args('claim') claim: string,
    @Args('groupId', { type: () => ID }) groupId: string,
  ): Promise<OidcGroupMappingModel> {
    return this.sso.createMapping(claim, groupId, scope);
  }

  @Allow('users:write')
  @Mutation(() => Boolean, { description: "Delete an SSO group mapping: the group's members stay until their next single sign-on." })
  deleteOidcGroupMapping(@InTenants('users:write') scope: TenantScope, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.sso.deleteMapping(id, scope);
  }
}
