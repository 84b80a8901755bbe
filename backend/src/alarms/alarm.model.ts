import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ALARM_KINDS, ALARM_SEVERITIES, type AlarmKind, type AlarmSeverity } from './alarm.entity.js';

export enum AlarmSeverityValue {
  critical = 'critical',
  major = 'major',
  minor = 'minor',
  warning = 'warning',
}
export enum AlarmKindValue {
  request_failed = 'request_failed',
  provider_down = 'provider_down',
  worker_lost = 'worker_lost',
  queue_backlog = 'queue_backlog',
  threshold_crossed = 'threshold_crossed',
}
registerEnumType(AlarmSeverityValue, { name: 'AlarmSeverity', description: 'critical, major, minor or warning.' });
registerEnumType(AlarmKindValue, {
  name: 'AlarmKind',
  description:
    'request_failed: an order, retirement, reconfiguration or rollback failed; provider_down: a health check failed; worker_lost: a worker died mid-run; ' +
    "queue_backlog: a queue's oldest waiting job has waited longer than ALARM_QUEUE_WAIT_SECONDS (no worker takes its work); " +
    "threshold_crossed: a performance job's metric crossed a threshold (cleared when it is back).",
});
// The enums and the entity's lists must stay the same.
const sameValues = (a: readonly string[], b: object) => a.length === Object.keys(b).length && a.every((v) => v in b);
if (!sameValues(ALARM_SEVERITIES, AlarmSeverityValue) || !sameValues(ALARM_KINDS, AlarmKindValue))
  throw new Error('alarm enums out of step with alarm.entity.ts');

@ObjectType('Alarm', {
  description: 'An alarm (NS fault management): raised by a cause, acknowledged by an operator, cleared when the cause goes away or by hand.',
})
export class AlarmModel {
  @Field(() => ID) id: string;
  @Field(() => AlarmKindValue) kind: AlarmKind;
  @Field(() => AlarmSeverityValue) severity: AlarmSeverity;
  @Field({ description: 'What it is about: "request", "provider" or "service".' }) objectType: string;
  @Field({ description: 'The id of what it is about.' }) objectId: string;
  @Field(() => ID, { nullable: true }) tenantId: string | null;
  @Field() message: string;
  @Field() raisedAt: Date;
  @Field(() => Date, { nullable: true }) acknowledgedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'The user name of who acknowledged it.' }) acknowledgedBy: string | null;
  @Field(() => Date, { nullable: true }) clearedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it cleared: the cause went away (and how), or who cleared it.' }) clearReason: string | null;
}

@InputType('AlarmFilter')
export class AlarmFilter {
  @Field(() => Boolean, { nullable: true, description: 'true: open alarms only; false: cleared only; absent: both.' }) open?: boolean | null;
  @Field(() => [AlarmSeverityValue], { nullable: true }) severities?: AlarmSeverityValue[] | null;
  @Field(() => [AlarmKindValue], { nullable: true }) kinds?: AlarmKindValue[] | null;
}
