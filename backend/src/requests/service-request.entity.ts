import type { StateMachineDef } from '../catalog/catalog.types.js';
import type { JobOptions } from '../jobs/job-options.js';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const REQUEST_STATUSES = ['pending', 'queued', 'running', 'finished', 'failed', 'canceled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const TERMINAL_REQUEST_STATUSES: readonly RequestStatus[] = ['finished', 'failed', 'canceled'];

/** What a run needs, fixed at order time so a later refresh or edit changes nothing for it. */
export interface BundlePlan {
  kind: 'bundle';
  /**
   * provision (the default) makes a service; retire retires `serviceId`; reconfigure runs the
   * reconfigure playbooks of `serviceId` with new values; rollback undoes a failed request's items.
   */
  action?: 'provision' | 'retire' | 'reconfigure' | 'rollback';
  serviceId?: string;
  /** rollback: the request whose deployed items it undoes. */
  rollbackOf?: string;
  /** When an item fails: keep what was deployed (the default), or roll it back. */
  onFailure?: 'keep' | 'rollback';
  /** The state machine, pinned at order time: editing the catalog changes nothing for this request. */
  machine: StateMachineDef;
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
  /** A single run's plan, or, for a bundle, its state machine (the items are rows of their own). */
  @Column({ type: 'jsonb' }) plan: RunPlan | BundlePlan;
  /** Bundles: the state the request is in (or failed in), how many tries it had there, since when. */
  @Column({ type: 'text', nullable: true }) state: string | null;
  @Column({ name: 'state_attempt', type: 'int', default: 0 }) stateAttempt: number;
  @Column({ name: 'state_entered_at', type: 'timestamptz', nullable: true }) stateEnteredAt: Date | null;
  @Column({ type: 'text' }) status: RequestStatus;
  @Column({ type: 'text', nullable: true }) message: string | null;
  @Index() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
}

export const isBundlePlan = (plan: RunPlan | BundlePlan): plan is BundlePlan => (plan as BundlePlan).kind === 'bundle';
