import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Tenant', { description: 'A part of the organisation, in a tree under the root tenant.' })
export class TenantModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() description: string;
  @Field(() => ID, { nullable: true, description: 'null for the root tenant.' }) parentId: string | null;
  @Field() createdAt: Date;
}

@ObjectType('TenantRef')
export class TenantRefModel {
  @Field(() => ID) id: string;
  @Field() name: string;
}
