import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-type-json';
import { REQUEST_ACTIONS, REQUEST_STATUSES, type RequestAction, type RequestStatus } from '../service-request.entity.js';

export const RequestStatusEnum = Object.fromEntries(REQUEST_STATUSES.map((s) => [s, s])) as { [K in RequestStatus]: K };
registerEnumType(RequestStatusEnum, {
  name: 'RequestStatus',
  description: 'pending → queued → running (↔ pending_approval while it waits for approvers) → finished | failed | canceled | denied',
});

export const RequestActionEnum = Object.fromEntries(REQUEST_ACTIONS.map((a) => [a, a])) as { [K in RequestAction]: K };
registerEnumType(RequestActionEnum, {
  name: 'RequestAction',
  description:
    "A request's type: provision (makes a service), retire or reconfigure (a service), rollback (undoes what a failed request deployed), preview (an order's items in check mode with --diff: changes nothing, makes no service), heal and migrate (a service), measure (a playbook run on a service's placement for a performance job: its set_stats become a sample, the service is not changed).",
});

@ObjectType('ServiceRequest', { description: 'One order: who, what, with which values, and how it went.' })
export class ServiceRequestModel {
  @Field(() => ID) id: string;
  @Field(() => RequestStatusEnum) status: RequestStatus;
  @Field(() => RequestActionEnum, { description: 'Its type: provision, retire, reconfigure or rollback.' }) action: RequestAction;
  @Field(() => ID, {
    nullable: true,
    description:
      'retire, reconfigure, heal, migrate (and their rollbacks): the service it changes; measure: the service it measures; provision: null (see service).',
  })
  serviceId: string | null;
  @Field(() => String, { nullable: true, description: "What happened, in words; Ansible's error when the run failed." }) message: string | null;
  @Field(() => GraphQLJSON) dialogValues: Record<string, unknown>;
  @Field(() => ID, { description: "The tenant it belongs to: the requester's (the service's, for a change to one)." }) tenantId: string;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
  @Field(() => ID) templateId: string;
  @Field(() => String, { nullable: true, description: "The state machine's current state (or the one that failed)." }) state: string | null;
  @Field(() => Int, { description: 'Retries so far in the current state.' }) stateAttempt: number;
  requesterId: string;
}

@ObjectType('RequestOrigin', { description: 'The scheduled operation that started a request (as its owner).' })
export class RequestOriginModel {
  @Field(() => ID, { description: 'The scheduled operation (it may have been deleted since).' }) id: string;
  @Field({ description: 'Its name when it fired.' }) name: string;
}

@ObjectType('RequestItem', { description: "One item of a request: one playbook run, in its index's turn (a single playbook's is `main`)." })
export class RequestItemModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => Int, { description: 'Items of one index run in parallel; indexes run in ascending order.' }) index: number;
  @Field({ description: 'pending, queued, running, successful, failed or canceled.' }) status: string;
  @Field(() => ID, { nullable: true, description: 'Its latest job.' }) jobId: string | null;
  @Field() playbook: string;
  @Field() commit: string;
  @Field(() => String, { nullable: true, description: 'Multi-site bundles: the site this item deploys.' }) site: string | null;
  @Field(() => GraphQLJSON, { nullable: true, description: 'set_stats data of its run: inputs of the items after it.' }) outputs: Record<
    string,
    unknown
  > | null;
  @Field(() => String, { nullable: true }) message: string | null;
  @Field(() => Date, { nullable: true }) startedAt: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
}

@ObjectType('RequestTransition', { description: "A step of a request's state machine." })
export class RequestTransitionModel {
  @Field() state: string;
  @Field({ description: 'entered, ok, retry, error, resumed, hook (on_entry / on_exit / on_error) or decision (an approver approved or denied it).' })
  event: string;
  @Field(() => Int) attempt: number;
  @Field(() => String, { nullable: true }) message: string | null;
  @Field() at: Date;
}

@ObjectType('RequestState')
export class RequestStateModel {
  @Field() name: string;
  @Field({ description: 'The built-in method it calls.' }) method: string;
}

@ObjectType('RequestMachine', { description: "A request's state machine and purpose." })
export class RequestMachineModel {
  @Field() name: string;
  @Field(() => [RequestStateModel], { description: 'Every state, in order.' }) states: RequestStateModel[];
  @Field({ description: 'provision, retire (a service), reconfigure (a service) or rollback (what a failed request deployed).' }) action: string;
  @Field(() => ID, { nullable: true, description: 'retire and reconfigure: the service it retires or reconfigures.' }) serviceId: string | null;
  @Field(() => ID, { nullable: true, description: 'rollback: the failed request whose items it undoes.' }) rollbackOf: string | null;
  @Field({ description: 'When an item fails: keep what was deployed, or roll it back.' }) onFailure: string;
}

@ObjectType('ServiceConfiguration', { description: "A service's dialog values and what of them a reconfiguration may change." })
export class ServiceConfigurationModel {
  @Field(() => String, { nullable: true, description: 'The dialog of the catalog item that made it.' }) dialog: string | null;
  @Field(() => GraphQLJSON, { description: 'The values it has now (secret fields masked): ordered with, or last reconfigured with.' }) values: Record<
    string,
    unknown
  >;
  @Field(() => [String], { description: 'Fields reconfigureService may change; empty when the item has no reconfigure playbook or the service is not active.' })
  reconfigurableFields: string[];
}

@ObjectType({ description: 'Where a service runs that migrateService can change: a site (or, for a single playbook, its one provider).' })
export class ServicePlacementModel {
  @Field(() => String, { nullable: true, description: 'The site (multi-site items); none for a single playbook.' }) site: string | null;
  @Field(() => ID, { description: 'The provider it runs on now.' }) providerId: string;
  @Field(() => [String], { nullable: true, description: 'The provider types it can move to; none: any.' }) providerTypes: string[] | null;
}
