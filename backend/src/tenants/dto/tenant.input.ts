import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class TenantInput {
  @Field({ description: '1 to 100 characters; unique.' }) name: string;
  @Field({ nullable: true }) description?: string;
  @Field(() => ID, { nullable: true, description: 'The parent tenant (the root when left out). The root tenant has none.' }) parentId?: string;
}
