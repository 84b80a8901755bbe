import type { JobOptions } from '../jobs/job-options.js';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const REQUEST_STATUSES = ['pending', 'queued', 'running', 'finished', 'failed', 'canceled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const TERMINAL_REQUEST_STATUSES: readonly RequestStatus[] = ['finished', 'failed', 'canceled'];

/** What a run needs, fixed at order time so a later refresh or edit changes nothing for it. */
export interface RunPlan {
  repoId: string;
  commit: string;
  playbook: string;
  providerId: string;
  extraVars: Record<string, unknown>;
  /** ansible-playbook options: the template's, with the order's where allowed. */
  options?: JobOptions;
}

@Entity('service_requests')
@Index(['status'])
export class ServiceRequestEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'template_id', type: 'uuid' }) templateId: string;
  @Index() @Column({ name: 'requester_id', type: 'uuid' }) requesterId: string;
  @Column({ name: 'dialog_values', type: 'jsonb' }) dialogValues: Record<string, unknown>;
  @Column({ type: 'jsonb' }) plan: RunPlan;
  @Column({ type: 'text' }) status: RequestStatus;
  @Column({ type: 'text', nullable: true }) message: string | null;
  @Index() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
}
