import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-type-json';

export enum AuditOutcomeEnum {
  success = 'success',
  failure = 'failure',
  denied = 'denied',
}
registerEnumType(AuditOutcomeEnum, {
  name: 'AuditOutcome',
  description: 'success; failure (it was tried and failed: see errorCode); denied (UNAUTHENTICATED or FORBIDDEN: it was not tried).',
});

@ObjectType('AuditEvent', { description: 'One line of the audit trail: who did what, to which object, from where, when, and how it ended.' })
export class AuditEventModel {
  @Field(() => ID) id: string;
  @Field() at: Date;
  @Field(() => ID, { nullable: true, description: 'The user, when known (the row stays when the user is deleted).' }) actorId: string | null;
  @Field({ description: 'The username at the time (for a sign-in, the name tried), or "anonymous".' }) actorName: string;
  @Field({ description: 'The mutation (e.g. createProvider), or login, login.failed, git.push, git.webhook.' }) action: string;
  @Field(() => String, { nullable: true }) objectType: string | null;
  @Field(() => String, { nullable: true }) objectId: string | null;
  @Field(() => AuditOutcomeEnum) outcome: AuditOutcomeEnum;
  @Field(() => String, { nullable: true, description: 'The error code of a failure or refusal (e.g. VALIDATION_FAILED, FORBIDDEN).' }) errorCode: string | null;
  @Field(() => String, { nullable: true }) message: string | null;
  @Field({ description: "The client's address." }) ip: string;
  @Field(() => GraphQLJSON, { description: 'Argument names and non-secret values (secrets are "[redacted]"; dialog values keep only their names).' })
  details: Record<string, unknown>;
}
