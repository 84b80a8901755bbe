// Approvals over GraphQL: the approver's inbox (the `approvals` resource: requests waiting for the
// caller's decision, oldest first), approving and denying with a reason, and the live count of the
// inbox for the menu's badge.
import type { Identifier } from 'react-admin';
import { graphqlRequest } from '../api/graphql';
import { pageOf, type ResourceApi } from '../api/resource';
import { subscribe } from '../api/subscriptions';
import { graphql } from '../gql';
import type { RequestApprovalFieldsFragment } from '../gql/graphql';
import { asServiceRequest, serviceRequestsApi, type ServiceRequest } from '../serviceRequests/api';

graphql(`
  fragment RequestApprovalFields on ServiceRequest {
    approval {
      approvals
      reason
      timeoutHours
      deadline
      canDecide
      approvers {
        id
        username
      }
      decisions {
        approverId
        approverName
        decision
        reason
        at
      }
    }
  }
`);

const ApprovalInboxQuery = graphql(`
  query ApprovalInbox($skip: Int, $take: Int) {
    approvalInbox(skip: $skip, take: $take) {
      total
      requests {
        ...RequestListFields
        ...RequestApprovalFields
      }
    }
  }
`);
const ApproveMutation = graphql(`
  mutation ApproveServiceRequest($id: ID!, $reason: String) {
    approveServiceRequest(id: $id, reason: $reason) {
      ...RequestFields
    }
  }
`);
const DenyMutation = graphql(`
  mutation DenyServiceRequest($id: ID!, $reason: String!) {
    denyServiceRequest(id: $id, reason: $reason) {
      ...RequestFields
    }
  }
`);
const ApprovalInboxCountSubscription = graphql(`
  subscription ApprovalInboxCount {
    approvalInboxCount
  }
`);

/** What an order that needs approval waits for, and who decided what. */
export type RequestApproval = NonNullable<RequestApprovalFieldsFragment['approval']>;

export const approvalsApi = {
  getList: async (params) => {
    const { skip, perPage } = pageOf(params);
    const { approvalInbox } = await graphqlRequest(ApprovalInboxQuery, { skip, take: perPage });
    return { data: approvalInbox.requests.map(asServiceRequest), total: approvalInbox.total };
  },
  getOne: serviceRequestsApi.getOne,
  /** Approves a request pending approval (reason optional). CONFLICT when it is no longer pending, or one decided already. */
  approve: async (id: Identifier, reason: string | null): Promise<ServiceRequest> =>
    asServiceRequest((await graphqlRequest(ApproveMutation, { id: String(id), reason })).approveServiceRequest),
  /** Denies a request pending approval, saying why: it ends denied and nothing of it runs. */
  deny: async (id: Identifier, reason: string): Promise<ServiceRequest> =>
    asServiceRequest((await graphqlRequest(DenyMutation, { id: String(id), reason })).denyServiceRequest),
} satisfies ResourceApi<ServiceRequest> & Record<string, unknown>;

/** The inbox's count now and at each change; returns the function that stops listening. */
export const watchInboxCount = (onCount: (count: number) => void, onError: (error: unknown) => void): (() => void) =>
  subscribe(ApprovalInboxCountSubscription, {}, { next: (data) => onCount(data.approvalInboxCount), error: onError });
