import { Field, ObjectType } from '@nestjs/graphql';
import { TenantRefModel } from '../../tenants/models/tenant.model.js';
import { UserRefModel } from '../../users/models/user.model.js';

@ObjectType('RequestFilterChoices', { description: 'What the filters of the request and service lists offer: only what the caller may see.' })
export class RequestFilterChoicesModel {
  @Field(() => [UserRefModel], { description: 'Who ordered requests the caller may see, by user name.' }) requesters: UserRefModel[];
  @Field(() => [TenantRefModel], { description: 'The tenants of those requests, by name.' }) tenants: TenantRefModel[];
}
