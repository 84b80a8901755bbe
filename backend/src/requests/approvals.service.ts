import { Injectable } from '@nestjs/common';
import { PERMISSIONS } from '../access/permissions.js';
import type { TenantScope, Viewer } from '../auth/auth.decorators.js';
import { AppError, ErrorCode, validationFailed } from '../common/app-error.js';
import { CATCH_UP, channels, LiveQueue, PubSubService } from '../pubsub/pubsub.service.js';
import type { UserModel } from '../users/models/user.model.js';
import { UsersService } from '../users/users.service.js';
import type { RequestApprovalModel } from './models/approval.model.js';
import type { ApprovalDecision } from './request-approval.entity.js';
import { QuotaGuard } from './quota-guard.js';
import { RequestQueue } from './request-queue.js';
import { RequestStore } from './request-store.js';
import { RequestsService } from './requests.service.js';
import type { ServiceRequestEntity } from './service-request.entity.js';

const REASON_MAX = 2000;
const HOUR_MS = 3_600_000;
/** Count the inbox again after this long without news (pub/sub can lose a message). */
const INBOX_IDLE_MS = 15_000;

/**
 * Approvals of orders whose item asks for them (the `approve` state of their machine waits,
 * pending_approval): approvers of the request's tenant (or a tenant above it) approve or deny
 * it with a reason, never their own; their inbox lists what waits for them.
 */
@Injectable()
export class ApprovalsService {
  constructor(
    private readonly store: RequestStore,
    private readonly queue: RequestQueue,
    private readonly requests: RequestsService,
    private readonly users: UsersService,
    private readonly pubsub: PubSubService,
    private readonly quotas: QuotaGuard,
  ) {}

  /**
   * An approver's decision. NOT_FOUND for a request the caller may not see; FORBIDDEN for one
   * of a tenant where they do not approve, or their own; CONFLICT when it is not pending
   * approval or they decided already. The approval that completes the count queues its next step.
   */
  async decide(
    user: UserModel,
    id: string,
    decision: ApprovalDecision,
    reason: string | null,
    viewer: Viewer,
    scope: TenantScope,
  ): Promise<ServiceRequestEntity> {
    const request = await this.requests.get(id, viewer);
    const said = reason?.trim() || null;
    if (decision === 'denied' && !said) throw validationFailed('Say why the request is denied: the requester reads it.', { reason: 'is required to deny' });
    if (said && said.length > REASON_MAX) throw validationFailed(`The reason is too long (at most ${REASON_MAX} characters).`, { reason: 'is too long' });
    if (!scope.tenants.includes(request.tenantId)) throw new AppError(ErrorCode.FORBIDDEN, 'You do not approve requests of this tenant.');
    if (request.requesterId === user.id) {
      throw new AppError(ErrorCode.FORBIDDEN, 'You may not approve or deny your own request: another approver of its tenant decides.');
    }
    const policy = request.plan.approval;
    if (
      policy &&
      request.status === 'pending_approval' &&
      request.stateEnteredAt &&
      Date.now() >= request.stateEnteredAt.getTime() + policy.timeoutHours * HOUR_MS
    ) {
      throw new AppError(ErrorCode.CONFLICT, `The time to decide on this request is over (${policy.timeoutHours} hours): it is being denied.`);
    }
    // An approval is checked against the quotas again, under their locks (limits may have been lowered
    // meanwhile) — unless the order waited precisely because it was over one: approving it lets it pass.
    const requester = decision === 'approved' && !request.plan.approval?.overQuota ? await this.users.findById(request.requesterId) : null;
    const outcome = requester
      ? await this.quotas.reserve({ user: requester, tenantId: request.tenantId, amounts: request.plan.quota ?? {}, requestId: id }, (tx) =>
          this.store.decide(id, user, decision, said, tx),
        )
      : await this.store.decide(id, user, decision, said);
    if (outcome === 'not-pending') {
      const now = (await this.store.load(id))?.status ?? request.status;
      throw new AppError(ErrorCode.CONFLICT, `This request is ${now.replace('_', ' ')}: only a request pending approval can be approved or denied.`);
    }
    if (outcome === 'decided-already') throw new AppError(ErrorCode.CONFLICT, 'You have already decided on this request.');
    if (outcome === 'approved') await this.queue.trigger(id);
    return this.store.get(id);
  }

  /** What waits for the caller's decision, oldest first. */
  inbox(user: UserModel, scope: TenantScope, skip: number, take: number): Promise<{ requests: ServiceRequestEntity[]; total: number }> {
    return this.store.inbox(user.id, scope.tenants, skip, take);
  }

  /** The count of the caller's inbox now, then at each change of it. */
  async *inboxCount(user: UserModel, scope: TenantScope): AsyncGenerator<number> {
    const live = new LiveQueue<unknown>(1000);
    const unsubscribe = await this.pubsub.subscribe(channels.approvals(), (m) => live.push(m));
    try {
      let last = -1;
      for (;;) {
        const { total } = await this.store.inbox(user.id, scope.tenants, 0, 1);
        if (total !== last) {
          last = total;
          yield total;
        }
        // Many changes at once are counted once: what is buffered is taken before counting again.
        let message = await live.next(INBOX_IDLE_MS);
        while (message !== undefined && message !== CATCH_UP) message = await live.next(0);
        if (message === undefined) return;
      }
    } finally {
      unsubscribe();
      live.close();
    }
  }

  /** What the request needs and who decided what; null for an order approved automatically (or not an order). */
  async approval(request: ServiceRequestEntity, caller: { userId: string; scope: TenantScope }): Promise<RequestApprovalModel | null> {
    const policy = request.plan.approval;
    if (!policy) return null;
    const pending = request.status === 'pending_approval';
    const [decisions, approvers] = await Promise.all([
      this.store.decisions(request.id),
      pending ? this.users.withRoleIn(PERMISSIONS.approve.roles, request.tenantId) : Promise.resolve([]),
    ]);
    const decided = new Set(decisions.map((d) => d.approverId));
    const open = approvers.filter((u) => u.id !== request.requesterId && !decided.has(u.id));
    return {
      approvals: policy.approvals,
      reason: policy.reason,
      timeoutHours: policy.timeoutHours,
      deadline: pending && request.stateEnteredAt ? new Date(request.stateEnteredAt.getTime() + policy.timeoutHours * HOUR_MS) : null,
      decisions: decisions.map((d) => ({ approverId: d.approverId, approverName: d.approverName, decision: d.decision, reason: d.reason, at: d.createdAt })),
      approvers: open.map((u) => ({ id: u.id, username: u.username })),
      canDecide: pending && request.requesterId !== caller.userId && !decided.has(caller.userId) && caller.scope.tenants.includes(request.tenantId),
    };
  }
}
