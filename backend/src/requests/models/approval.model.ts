import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { UserRefModel } from '../../users/models/user.model.js';
import { ServiceRequestModel } from './service-request.model.js';

@ObjectType('ApprovalDecision', { description: "One approver's decision on a request." })
export class ApprovalDecisionModel {
  @Field(() => ID, { nullable: true, description: 'Null once the user was deleted.' }) approverId: string | null;
  @Field({ description: 'Who decided (kept when the user is deleted).' }) approverName: string;
  @Field({ description: 'approved or denied.' }) decision: string;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field() at: Date;
}

@ObjectType('RequestApproval', { description: 'What an order needs before it runs, and who decided what.' })
export class RequestApprovalModel {
  @Field(() => Int, { description: 'How many distinct approvers must approve.' }) approvals: number;
  @Field({ description: 'Why it needs approval: the item’s policy, or the rule the order matched.' }) reason: string;
  @Field(() => Float) timeoutHours: number;
  @Field(() => Date, { nullable: true, description: 'While pending approval: when it is denied if still undecided.' }) deadline: Date | null;
  @Field(() => [ApprovalDecisionModel], { description: 'Oldest first.' }) decisions: ApprovalDecisionModel[];
  @Field(() => [UserRefModel], { description: 'While pending approval: who may still decide (approvers of its tenant who have not, its requester excepted).' })
  approvers: UserRefModel[];
  @Field({ description: 'Whether the caller may approve or deny it now.' }) canDecide: boolean;
}

@ObjectType('ApprovalInbox', { description: 'Requests waiting for the caller’s decision, oldest first.' })
export class ApprovalInboxModel {
  @Field(() => [ServiceRequestModel]) requests: ServiceRequestModel[];
  @Field(() => Int, { description: 'All of them, beyond this page.' }) total: number;
}
