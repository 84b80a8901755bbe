import { Field, ID, InputType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-type-json';
import { JobOptionsInput } from './job-options.input.js';

@InputType()
export class OrderServiceInput {
  @Field(() => ID) templateId: string;
  @Field(() => GraphQLJSON, { description: 'The dialog values: { fieldName: value }.' }) dialogValues: unknown;
  @Field(() => JobOptionsInput, { nullable: true }) jobOptions?: JobOptionsInput | null;
  @Field(() => Date, {
    nullable: true,
    description: 'When the service should be retired (within its item’s longest lifetime); none: its item’s default lifetime, or no date.',
  })
  retiresAt?: Date | null;
}
