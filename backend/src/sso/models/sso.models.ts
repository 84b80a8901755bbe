import { Field, ID, ObjectType } from '@nestjs/graphql';
import { TenantRefModel } from '../../tenants/models/tenant.model.js';
import { GroupRefModel } from '../../users/models/user.model.js';

@ObjectType('SsoProvider', { description: 'A single sign-on provider the login page offers.' })
export class SsoProviderModel {
  @Field({ description: 'What the button says: "Sign in with <name>" (OIDC_DISPLAY_NAME).' }) name: string;
  @Field({ description: 'Where the browser goes to sign in (a plain link, not a GraphQL call).' }) loginUrl: string;
}

@ObjectType('OidcGroupMapping', {
  description:
    "A value of the identity provider's groups claim and the portal group it gives: at each single sign-on, a user's memberships of mapped groups are set from their claims.",
})
export class OidcGroupMappingModel {
  @Field(() => ID) id: string;
  @Field({ description: 'The value in the groups claim (OIDC_GROUPS_CLAIM), e.g. "east-requesters".' }) claim: string;
  @Field(() => GroupRefModel) group: GroupRefModel;
  @Field(() => TenantRefModel, { description: "The group's tenant: where a new SSO user with this group first is created." }) tenant: TenantRefModel;
  @Field() createdAt: Date;
}
