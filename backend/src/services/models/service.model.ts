import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-type-json';

@ObjectType('Service', { description: 'What a finished request leaves behind.' })
export class ServiceModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field({ description: 'active or retired.' }) status: string;
  @Field(() => ID, { description: "The tenant it belongs to: its requester's." }) tenantId: string;
  /** Not exposed: the groups that see it besides its owner (its item's visibility: group). */
  groupIds: string[];
  @Field(() => GraphQLJSON, { description: "The playbooks' set_stats data." }) outputs: Record<string, unknown>;
  @Field() createdAt: Date;
  @Field(() => ID) requestId: string;
  @Field(() => ID, { nullable: true, description: 'The first provider it was deployed on.' }) providerId: string | null;
  @Field(() => [ID], {
    description:
      'Every provider it was deployed on (a multi-site service has several); none of them can be deleted (a retired service keeps them for its history).',
  })
  providerIds: string[];
  @Field(() => Date, { nullable: true, description: 'When it is retired (through the retirement machine); null: no date.' }) retiresAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'The latest date its owner may extend it to (its item’s longest lifetime); null: no limit.' })
  maxRetiresAt: Date | null;
  @Field(() => Float, { description: 'Its owner is warned this many days before its date (in the portal, and by e-mail when SMTP is configured).' })
  retirementWarnDays: number;
  @Field(() => Date, { nullable: true, description: 'When the warning of its coming retirement went out.' }) retirementWarnedAt: Date | null;
  ownerId: string;
  templateId: string;
}
