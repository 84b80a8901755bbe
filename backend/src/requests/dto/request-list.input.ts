import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { SortDirection } from '../../common/list-query.js';
import { RequestActionEnum, RequestStatusEnum } from '../models/service-request.model.js';
import type { RequestAction, RequestStatus } from '../service-request.entity.js';

@InputType({ description: 'Which service requests a list shows: every condition given must hold (a list in one means any of its values).' })
export class ServiceRequestFilter {
  @Field(() => [RequestStatusEnum], { nullable: true }) statuses?: RequestStatus[] | null;
  @Field(() => [RequestActionEnum], {
    nullable: true,
    description:
      'The types (provision, retire, reconfigure, rollback, heal, migrate, preview, measure); left out, every type but measure (a performance job’s).',
  })
  actions?: RequestAction[] | null;
  @Field(() => ID, { nullable: true, description: 'The catalog item ordered (or whose service is changed).' }) templateId?: string | null;
  @Field(() => ID, { nullable: true }) requesterId?: string | null;
  @Field(() => ID, { nullable: true }) tenantId?: string | null;
  @Field(() => Date, { nullable: true, description: 'Created at or after.' }) createdAfter?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Created at or before.' }) createdBefore?: Date | null;
}

/** The fields a request list sorts on: each has an index, or is read after the filter. */
export enum RequestSortField {
  createdAt = 'createdAt',
  updatedAt = 'updatedAt',
  finishedAt = 'finishedAt',
  status = 'status',
  action = 'action',
}
registerEnumType(RequestSortField, { name: 'RequestSortField', description: 'What a request list sorts on (requests not finished come last by finishedAt).' });

@InputType({ description: 'How a request list is sorted; ties go newest first.' })
export class ServiceRequestSort {
  @Field(() => RequestSortField, { defaultValue: RequestSortField.createdAt }) field: RequestSortField;
  @Field(() => SortDirection, { defaultValue: SortDirection.DESC }) direction: SortDirection;
}
