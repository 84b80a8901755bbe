// Scheduled operations over GraphQL (AWX schedules): the scheduledOperations resource — list (the
// next to fire first), one, create (an order, a heal or a retirement, once or on a cron schedule),
// update (pause/resume, re-time), delete.
import type { GetListParams, Identifier } from 'react-admin';
import { graphqlRequest } from '../api/graphql';
import { pageOf, type ResourceApi } from '../api/resource';
import { graphql } from '../gql';
import type { CreateScheduledOperationInput, ScheduledOperationFieldsFragment, UpdateScheduledOperationInput } from '../gql/graphql';

graphql(`
  fragment ScheduledOperationFields on ScheduledOperation {
    id
    name
    action
    templateId
    serviceId
    targetName
    runAt
    cron
    timezone
    enabled
    nextRunAt
    lastRunAt
    lastRequestId
    lastError
    runCount
    createdAt
  }
`);
const ScheduledOperationsQuery = graphql(`
  query ScheduledOperations($serviceId: ID, $skip: Int, $take: Int) {
    scheduledOperations(serviceId: $serviceId, skip: $skip, take: $take) {
      ...ScheduledOperationFields
    }
    scheduledOperationsCount(serviceId: $serviceId)
  }
`);
const ScheduledOperationQuery = graphql(`
  query ScheduledOperation($id: ID!) {
    scheduledOperation(id: $id) {
      ...ScheduledOperationFields
    }
  }
`);
const CreateScheduledOperationMutation = graphql(`
  mutation CreateScheduledOperation($input: CreateScheduledOperationInput!) {
    createScheduledOperation(input: $input) {
      ...ScheduledOperationFields
    }
  }
`);
const UpdateScheduledOperationMutation = graphql(`
  mutation UpdateScheduledOperation($id: ID!, $input: UpdateScheduledOperationInput!) {
    updateScheduledOperation(id: $id, input: $input) {
      ...ScheduledOperationFields
    }
  }
`);
const DeleteScheduledOperationMutation = graphql(`
  mutation DeleteScheduledOperation($id: ID!) {
    deleteScheduledOperation(id: $id)
  }
`);

export type ScheduledOperation = ScheduledOperationFieldsFragment;

export const scheduledOperationsApi = {
  getList: async (params: GetListParams) => {
    const { perPage, skip } = pageOf(params);
    const serviceId = (params.filter as { serviceId?: string } | undefined)?.serviceId ?? null;
    const result = await graphqlRequest(ScheduledOperationsQuery, { serviceId, skip, take: perPage });
    return { data: result.scheduledOperations, total: result.scheduledOperationsCount };
  },
  getOne: async (id: Identifier) => (await graphqlRequest(ScheduledOperationQuery, { id: String(id) })).scheduledOperation,
  create: async (data: unknown) =>
    (await graphqlRequest(CreateScheduledOperationMutation, { input: data as CreateScheduledOperationInput })).createScheduledOperation,
  /** Only the changes are sent: react-admin's update data carries them (`enabled` for pause/resume). */
  update: async (id: Identifier, data: unknown) =>
    (await graphqlRequest(UpdateScheduledOperationMutation, { id: String(id), input: data as UpdateScheduledOperationInput })).updateScheduledOperation,
  delete: async (id: Identifier) => {
    await graphqlRequest(DeleteScheduledOperationMutation, { id: String(id) });
  },
} satisfies ResourceApi<ScheduledOperation>;
