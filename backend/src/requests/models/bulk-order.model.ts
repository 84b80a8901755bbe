import { Field, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-type-json';
import { ServiceRequestModel } from './service-request.model.js';

@ObjectType('OrderError', { description: 'Why one order of orderServices was not stored: the code and message orderService would have answered.' })
export class OrderErrorModel {
  @Field({ description: 'VALIDATION_FAILED, NOT_FOUND, QUOTA_EXCEEDED, FORBIDDEN, SERVICE_UNAVAILABLE, ...' }) code: string;
  @Field() message: string;
  @Field(() => GraphQLJSON, { nullable: true, description: 'By field name: what is wrong with it (as extensions.fields).' }) fields: Record<
    string,
    string
  > | null;
}

@ObjectType('BulkOrderResult', { description: 'One order of orderServices: its request, or why it was not stored.' })
export class BulkOrderResultModel {
  @Field(() => Int, { description: 'Its place in the inputs, from 0.' }) index: number;
  @Field(() => ServiceRequestModel, { nullable: true }) request: ServiceRequestModel | null;
  @Field(() => OrderErrorModel, { nullable: true }) error: OrderErrorModel | null;
}
