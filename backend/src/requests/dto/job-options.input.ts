import { Field, InputType, Int } from '@nestjs/graphql';

@InputType({ description: 'ansible-playbook options for this order; only those the catalog item allows.' })
export class JobOptionsInput {
  @Field(() => String, { nullable: true, description: 'Host pattern (--limit).' }) limit?: string | null;
  @Field(() => [String], { nullable: true }) tags?: string[] | null;
  @Field(() => [String], { nullable: true }) skipTags?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Check mode (--check): report what would change.' }) check?: boolean | null;
  @Field(() => Boolean, { nullable: true }) diff?: boolean | null;
  @Field(() => Int, { nullable: true, description: '0 to 4 (-v to -vvvv).' }) verbosity?: number | null;
  @Field(() => Int, { nullable: true }) forks?: number | null;
}
