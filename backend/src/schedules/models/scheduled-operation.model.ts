import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-type-json';
import type { ScheduleAction } from '../scheduled-operation.entity.js';

export enum ScheduleActionValue {
  order = 'order',
  heal = 'heal',
  retire = 'retire',
}
registerEnumType(ScheduleActionValue, {
  name: 'ScheduleAction',
  description: 'order: order a catalog item with the dialog values given; heal, retire: heal or retire a service.',
});

@ObjectType('ScheduledOperation', {
  description:
    'An operation started on a date or on a cron schedule (AWX schedules): an order, a heal or a retirement, started as its owner with the checks a manual one gets.',
})
export class ScheduledOperationModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => ScheduleActionValue) action: ScheduleAction;
  @Field(() => ID, { nullable: true, description: 'order: the catalog item ordered.' }) templateId: string | null;
  @Field(() => GraphQLJSON, { nullable: true, description: 'order: the dialog values the order is made with.' }) dialogValues: Record<string, unknown> | null;
  @Field(() => ID, { nullable: true, description: 'heal, retire: the service.' }) serviceId: string | null;
  @Field(() => Date, { nullable: true, description: 'A one-shot schedule: when it runs.' }) runAt: Date | null;
  @Field(() => String, { nullable: true, description: 'A repeating schedule: a five-field cron expression (minute hour day month weekday).' })
  cron: string | null;
  @Field({ description: 'The IANA time zone the cron expression is read in.' }) timezone: string;
  @Field({ description: 'False: paused (it does not fire until resumed).' }) enabled: boolean;
  @Field(() => Date, { nullable: true, description: 'When it fires next; null: a one-shot schedule that has run.' }) nextRunAt: Date | null;
  @Field(() => Date, { nullable: true }) lastRunAt: Date | null;
  @Field(() => ID, { nullable: true, description: 'The request its last run started.' }) lastRequestId: string | null;
  @Field(() => String, { nullable: true, description: 'Why its last run started nothing (in plain words); null when it started its request.' })
  lastError: string | null;
  @Field(() => Int, { description: 'How many times it has fired (a refused run counts).' }) runCount: number;
  @Field(() => ID) ownerId: string;
  @Field(() => ID) tenantId: string;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}
