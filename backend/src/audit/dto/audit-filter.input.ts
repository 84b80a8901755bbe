import { Field, InputType } from '@nestjs/graphql';
import { AuditOutcomeEnum } from '../models/audit-event.model.js';

@InputType({ description: 'Every field given must match (and).' })
export class AuditFilter {
  @Field(() => String, { nullable: true, description: 'The username contains this (any case).' }) actor?: string | null;
  @Field(() => String, { nullable: true, description: 'Exactly this action, e.g. createProvider, login.failed, git.push.' }) action?: string | null;
  @Field(() => String, { nullable: true }) objectType?: string | null;
  @Field(() => String, { nullable: true }) objectId?: string | null;
  @Field(() => AuditOutcomeEnum, { nullable: true }) outcome?: AuditOutcomeEnum | null;
  @Field(() => Date, { nullable: true, description: 'At or after this time.' }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'At or before this time.' }) to?: Date | null;
}
