import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-type-json';
import { REQUEST_STATUSES, type RequestStatus } from '../service-request.entity.js';

export const RequestStatusEnum = Object.fromEntries(REQUEST_STATUSES.map((s) => [s, s])) as { [K in RequestStatus]: K };
registerEnumType(RequestStatusEnum, { name: 'RequestStatus', description: 'pending → queued → running → finished | failed | canceled' });

@ObjectType('ServiceRequest', { description: 'One order: who, what, with which values, and how it went.' })
export class ServiceRequestModel {
  @Field(() => ID) id: string;
  @Field(() => RequestStatusEnum) status: RequestStatus;
  @Field(() => String, { nullable: true, description: 'What happened, in words; Ansible\'s error when the run failed.' }) message: string | null;
  @Field(() => GraphQLJSON) dialogValues: Record<string, unknown>;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
  @Field(() => ID) templateId: string;
  requesterId: string;
}
