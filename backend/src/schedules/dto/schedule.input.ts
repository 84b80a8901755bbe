import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-type-json';
import { JobOptionsInput } from '../../requests/dto/job-options.input.js';
import { ScheduleActionValue } from '../models/scheduled-operation.model.js';
import type { ScheduleAction } from '../scheduled-operation.entity.js';

@InputType({ description: 'A scheduled operation: what (an order, a heal, a retirement) and when (runAt, or cron with a time zone).' })
export class CreateScheduledOperationInput {
  @Field() name: string;
  @Field(() => ScheduleActionValue) action: ScheduleAction;
  @Field(() => ID, { nullable: true, description: 'order: the catalog item.' }) templateId?: string | null;
  @Field(() => GraphQLJSON, { nullable: true, description: 'order: the dialog values, validated now as an order would be.' }) dialogValues?: unknown;
  @Field(() => JobOptionsInput, { nullable: true, description: 'order: ansible-playbook options the item allows.' }) jobOptions?: JobOptionsInput | null;
  @Field(() => ID, { nullable: true, description: 'heal, retire: the service.' }) serviceId?: string | null;
  @Field(() => Date, { nullable: true, description: 'Once, at this date (in the future). Give runAt or cron, not both.' }) runAt?: Date | null;
  @Field(() => String, { nullable: true, description: 'Repeatedly: a five-field cron expression (minute hour day month weekday), e.g. "0 2 * * *".' })
  cron?: string | null;
  @Field(() => String, { nullable: true, description: 'The IANA time zone the cron expression is read in (UTC when left out).' }) timezone?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'False: created paused.' }) enabled?: boolean | null;
}

@InputType({ description: 'What changes on a scheduled operation: its name, its timing (runAt, or cron and time zone), pause (enabled: false) or resume.' })
export class UpdateScheduledOperationInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => Date, { nullable: true, description: 'Once at this date instead (the cron is dropped).' }) runAt?: Date | null;
  @Field(() => String, { nullable: true, description: 'On this cron expression instead (the date is dropped).' }) cron?: string | null;
  @Field(() => String, { nullable: true }) timezone?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'False pauses it; true resumes it (its next run counted from now).' }) enabled?: boolean | null;
}

export const SCHEDULE_PAGE = { take: { type: () => Int, defaultValue: 50 }, skip: { type: () => Int, defaultValue: 0 } };
