import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { JobOptionsInput } from '../requests/dto/job-options.input.js';

export const SCHEDULE_ACTIONS = ['order', 'heal', 'retire'] as const;
export type ScheduleAction = (typeof SCHEDULE_ACTIONS)[number];

/**
 * A scheduled operation (AWX's schedule): what to start — an order of a catalog item with its
 * dialog values, or a heal or retirement of a service — and when: once at `runAt`, or on a
 * five-field `cron` expression read in `timezone`. It starts as its owner, with their rights
 * at the time it fires; `nextRunAt` is null once a one-shot schedule has run.
 */
@Entity('scheduled_operations')
export class ScheduledOperationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) action: ScheduleAction;
  @Column({ name: 'template_id', type: 'uuid', nullable: true }) templateId: string | null;
  @Column({ name: 'dialog_values', type: 'jsonb', nullable: true }) dialogValues: Record<string, unknown> | null;
  @Column({ name: 'job_options', type: 'jsonb', nullable: true }) jobOptions: JobOptionsInput | null;
  @Column({ name: 'service_id', type: 'uuid', nullable: true }) serviceId: string | null;
  @Column({ name: 'run_at', type: 'timestamptz', nullable: true }) runAt: Date | null;
  @Column({ type: 'text', nullable: true }) cron: string | null;
  @Column({ type: 'text', default: 'UTC' }) timezone: string;
  @Column({ type: 'boolean', default: true }) enabled: boolean;
  @Column({ name: 'next_run_at', type: 'timestamptz', nullable: true }) nextRunAt: Date | null;
  @Column({ name: 'last_run_at', type: 'timestamptz', nullable: true }) lastRunAt: Date | null;
  @Column({ name: 'last_request_id', type: 'uuid', nullable: true }) lastRequestId: string | null;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
  @Column({ name: 'run_count', type: 'int', default: 0 }) runCount: number;
  @Column({ name: 'owner_id', type: 'uuid' }) ownerId: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
