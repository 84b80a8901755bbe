import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { SortDirection } from '../../common/list-query.js';
import { SERVICE_STATUSES, type ServiceStatus } from '../service.entity.js';

export const ServiceStatusEnum = Object.fromEntries(SERVICE_STATUSES.map((s) => [s, s])) as { [K in ServiceStatus]: K };
registerEnumType(ServiceStatusEnum, { name: 'ServiceStatus', description: 'active, or retired.' });

@InputType({ description: 'Which services a list shows: every condition given must hold (a list in one means any of its values).' })
export class ServiceFilter {
  @Field(() => [ServiceStatusEnum], { nullable: true }) statuses?: ServiceStatus[] | null;
  @Field(() => ID, { nullable: true, description: 'The catalog item that made it.' }) templateId?: string | null;
  @Field(() => ID, { nullable: true }) ownerId?: string | null;
  @Field(() => ID, { nullable: true }) tenantId?: string | null;
  @Field(() => Date, { nullable: true, description: 'Created at or after.' }) createdAfter?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Created at or before.' }) createdBefore?: Date | null;
  @Field(() => String, { nullable: true, description: 'Part of its name, in any case.' }) nameContains?: string | null;
}

export enum ServiceSortField {
  createdAt = 'createdAt',
  name = 'name',
  status = 'status',
}
registerEnumType(ServiceSortField, { name: 'ServiceSortField', description: 'What a service list sorts on.' });

@InputType({ description: 'How a service list is sorted; ties go newest first.' })
export class ServiceSort {
  @Field(() => ServiceSortField, { defaultValue: ServiceSortField.createdAt }) field: ServiceSortField;
  @Field(() => SortDirection, { defaultValue: SortDirection.DESC }) direction: SortDirection;
}
