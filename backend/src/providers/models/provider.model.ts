import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Provider')
export class ProviderModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field({ description: 'local, ssh, openstack or kubernetes.' }) type: string;
  @Field() createdAt: Date;
}
