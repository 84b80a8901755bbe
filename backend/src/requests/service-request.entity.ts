import type { StateMachineDef } from '../state-machines/state-machine.types.js';
import type { JobOptions } from '../jobs/job-options.js';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const REQUEST_STATUSES = ['pending', 'queued', 'running', 'pending_approval', 'finished', 'failed', 'canceled', 'denied'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const TERMINAL_REQUEST_STATUSES: readonly RequestStatus[] = ['finished', 'failed', 'canceled', 'denied'];

export const REQUEST_ACTIONS = ['provision', 'retire', 'reconfigure', 'rollback', 'preview', 'heal', 'migrate', 'measure'] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/**
 * How a request runs, fixed at order time so a later edit of the catalog changes nothing for
 * it: the state machine it follows and what it is for. What it runs are its items (one row
 * each in request_items): one for a single playbook, several for a bundle.
 */
export interface RequestPlan {
  /** provision makes a service; retire retires `serviceId`; reconfigure reconfigures it; heal runs its items again as they are; migrate moves them; rollback undoes a failed request's items; measure runs a playbook on a service's placement for its set_stats, changing nothing. */
  action: RequestAction;
  /** The state machine, pinned at order time. */
  machine: StateMachineDef;
  serviceId?: string;
  /** migrate: the items it moves to other providers (their old placement is retired once the new one runs); the others run again in place. */
  migration?: { moved: string[] };
  /** rollback: the request whose deployed items it undoes. */
  rollbackOf?: string;
  /** When an item fails: keep what was deployed (the default), or roll it back. */
  onFailure?: 'keep' | 'rollback';
  /**
   * What refresh_repositories fetches: every repository the items use (`always`: bundles,
   * retirements, reconfigurations), or only those whose refresh policy asks for a refresh
   * before a run (`policy`: a single playbook, as ordered).
   */
  refresh: 'always' | 'policy';
  /**
   * provision: the service it makes — its name, its outputs one item's (`flat`) or per item,
   * and the id it will have (fixed at order time and given to every playbook of the service
   * as `superfluid_service_id`, so what they deploy is named and placed per service; older
   * requests have none).
   */
  service?: { name: string; outputs: 'flat' | 'per-item'; id?: string };
  /** An order that waits for approval (its item's policy, as it applied to this order); none: approved automatically. */
  approval?: ApprovalPlan;
  /** Started by a scheduled operation (as its owner): its id, and its name then. */
  schedule?: RequestOrigin;
  /**
   * measure: the service it measures (a measure changes nothing of it, so it is not the plan's
   * serviceId, which would hold off its retirement or reconfiguration meanwhile), and the tag
   * its asker gave (a performance job's id), told back with the result.
   */
  measure?: { serviceId: string; tag: string };
  /** retire: forced by an administrator (no playbook ran): who, and why they said it was needed. */
  forced?: { by: string; reason: string };
  /** provision: what the order uses of its item's own quota dimensions (`vcpus: 8`), fixed when ordered. */
  quota?: Record<string, number>;
  /** provision: when its service retires — a date the order chose, or days from its creation — and the longest it may live. */
  lifetime?: LifetimePlan;
}

/** What started a request besides its requester by hand: a scheduled operation. */
export interface RequestOrigin {
  id: string;
  name: string;
}

/** When an order's service retires, fixed when it is ordered. */
export interface LifetimePlan {
  /** The date the order chose (ISO). */
  retiresAt?: string;
  /** Or days from the service's creation (the item's default lifetime). */
  days?: number;
  /** The longest lifetime, in days from the service's creation (extensions stop there). */
  maxDays?: number;
  warnDays: number;
}

/** What an order needs before it runs: `approvals` distinct approvers of its tenant, within `timeoutHours`. */
export interface ApprovalPlan {
  approvals: number;
  timeoutHours: number;
  /** Why it needs approval: the item's policy, or the rule that matched. */
  reason: string;
  /** It was over a quota when ordered: its approval lets it pass (the quota is not checked again). */
  overQuota?: boolean;
}

/** A site of a multi-site run: an inventory group made from a provider. */
export interface SitePlan {
  name: string;
  providerId: string;
  variables: Record<string, string | number | boolean>;
  /** Some of the provider's hosts only (from an inventory document). */
  hosts?: string[];
}

export interface RunPlan {
  repoId: string;
  commit: string;
  playbook: string;
  providerId: string;
  extraVars: Record<string, unknown>;
  /** ansible-playbook options: the template's, with the order's where allowed. */
  options?: JobOptions;
  /** The vault_password credential that decrypts the playbook's vault data. */
  vaultCredentialId?: string;
  /** Variables from the dialog's secret (password) fields, sealed with the secret box; opened only in the run's folder. */
  sealedVars?: { id: string; ciphertext: string };
}

@Entity('service_requests')
@Index(['status'])
export class ServiceRequestEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'template_id', type: 'uuid' }) templateId: string;
  @Index() @Column({ name: 'requester_id', type: 'uuid' }) requesterId: string;
  @Column({ name: 'dialog_values', type: 'jsonb' }) dialogValues: Record<string, unknown>;
  @Column({ type: 'jsonb' }) plan: RequestPlan;
  /** The plan's action, as a column to filter and sort on. */
  @Column({ type: 'text' }) action: RequestAction;
  /**
   * The service it changes: a retirement's or reconfiguration's (the plan's serviceId), a
   * rollback's of one of those; null for a provision (its service points back at it) and for
   * the rollback of one.
   */
  @Column({ name: 'service_id', type: 'uuid', nullable: true }) serviceId: string | null;
  /** The state the request is in (or failed in), how many tries it had there, since when. */
  @Column({ type: 'text', nullable: true }) state: string | null;
  @Column({ name: 'state_attempt', type: 'int', default: 0 }) stateAttempt: number;
  @Column({ name: 'state_entered_at', type: 'timestamptz', nullable: true }) stateEnteredAt: Date | null;
  @Column({ type: 'text' }) status: RequestStatus;
  @Column({ type: 'text', nullable: true }) message: string | null;
  /** The tenant it belongs to (see tenants/). */
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  /** The groups that see it besides the requester (an item with `visibility: group`: the requester's groups when ordered); empty: none. */
  @Column({ name: 'group_ids', type: 'uuid', array: true, default: () => "'{}'" }) groupIds: string[];
  @Index() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  /** An order counts against quotas from the order until it fails, is denied or canceled, or its service retires. */
  @Column({ name: 'holds_quota', type: 'boolean', default: false, select: false }) holdsQuota: boolean;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
}
