import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { Allow } from '../access/allow.decorator.js';
import { CurrentUser, CurrentViewer, InTenants, type TenantScope, type Viewer } from '../auth/auth.decorators.js';
import type { UserModel } from '../users/models/user.model.js';
import { ApprovalsService } from './approvals.service.js';
import { ApprovalInboxModel, RequestApprovalModel } from './models/approval.model.js';
import { ServiceRequestModel } from './models/service-request.model.js';
import { RequestStore } from './request-store.js';
import type { ServiceRequestEntity } from './service-request.entity.js';

@Resolver(() => ServiceRequestModel)
export class ApprovalsResolver {
  constructor(
    private readonly approvals: ApprovalsService,
    private readonly store: RequestStore,
  ) {}

  @Allow('approve')
  @Mutation(() => ServiceRequestModel, {
    description:
      'Approve a request pending approval (not one’s own), with an optional reason. The approval that completes the count its item asks for starts it. FORBIDDEN outside the tenants one approves in; CONFLICT when it is not pending approval or one decided already.',
  })
  approveServiceRequest(
    @CurrentUser() user: UserModel,
    @CurrentViewer() viewer: Viewer,
    @InTenants('approve') scope: TenantScope,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String, nullable: true }) reason: string | null,
  ): Promise<ServiceRequestModel> {
    return this.approvals.decide(user, id, 'approved', reason ?? null, viewer, scope);
  }

  @Allow('approve')
  @Mutation(() => ServiceRequestModel, {
    description: 'Deny a request pending approval (not one’s own), saying why: it ends denied and nothing of it runs.',
  })
  denyServiceRequest(
    @CurrentUser() user: UserModel,
    @CurrentViewer() viewer: Viewer,
    @InTenants('approve') scope: TenantScope,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
  ): Promise<ServiceRequestModel> {
    return this.approvals.decide(user, id, 'denied', reason, viewer, scope);
  }

  @Allow('approve')
  @Query(() => ApprovalInboxModel, { description: 'Requests waiting for the caller’s approval, oldest first.' })
  approvalInbox(
    @CurrentUser() user: UserModel,
    @InTenants('approve') scope: TenantScope,
    @Args('skip', { type: () => Int, defaultValue: 0 }) skip: number,
    @Args('take', { type: () => Int, defaultValue: 50 }) take: number,
  ): Promise<ApprovalInboxModel> {
    return this.approvals.inbox(user, scope, skip, take);
  }

  @Allow('approve')
  @Subscription(() => Int, {
    description: 'How many requests wait for the caller’s approval: now, then at each change.',
    resolve: (count: number) => count,
  })
  approvalInboxCount(@CurrentUser() user: UserModel, @InTenants('approve') scope: TenantScope): AsyncGenerator<number> {
    return this.approvals.inboxCount(user, scope);
  }

  @ResolveField(() => RequestApprovalModel, {
    nullable: true,
    description: 'For an order that needs approval: how many approvers, who may decide, who decided what. Null when it needed none.',
  })
  async approval(
    @Parent() request: ServiceRequestModel,
    @CurrentUser() user: UserModel,
    @InTenants('approve') scope: TenantScope,
  ): Promise<RequestApprovalModel | null> {
    // Lists, the inbox and subscriptions give the whole stored request (its plan): read again only when they do not.
    const full = 'plan' in request ? (request as ServiceRequestEntity) : await this.store.load(request.id);
    return full ? this.approvals.approval(full, { userId: user.id, scope }) : null;
  }
}
