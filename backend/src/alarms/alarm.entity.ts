import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ALARM_SEVERITIES = ['critical', 'major', 'minor', 'warning'] as const;
export type AlarmSeverity = (typeof ALARM_SEVERITIES)[number];

/** What raised an alarm: a failed request, a provider that went down, a worker lost mid-run, a threshold crossed (a queue's backlog). */
export const ALARM_KINDS = ['request_failed', 'provider_down', 'worker_lost', 'queue_backlog', 'threshold_crossed'] as const;
export type AlarmKind = (typeof ALARM_KINDS)[number];

/**
 * One alarm, from raised to cleared (then kept as history). One is open per cause
 * (`sourceKey`, e.g. `provider:<id>`): raising it again while open changes nothing.
 */
@Entity('alarms')
export class AlarmEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) kind: AlarmKind;
  @Column({ type: 'text' }) severity: AlarmSeverity;
  @Column({ name: 'source_key', type: 'text' }) sourceKey: string;
  /** What it is about: `request`, `provider`. */
  @Column({ name: 'object_type', type: 'text' }) objectType: string;
  @Column({ name: 'object_id', type: 'text' }) objectId: string;
  /** The tenant of what it is about: its operators see it. */
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true }) tenantId: string | null;
  @Column({ type: 'text' }) message: string;
  @Column({ name: 'raised_at', type: 'timestamptz' }) raisedAt: Date;
  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true }) acknowledgedAt: Date | null;
  @Column({ name: 'acknowledged_by', type: 'uuid', nullable: true }) acknowledgedBy: string | null;
  @Column({ name: 'cleared_at', type: 'timestamptz', nullable: true }) clearedAt: Date | null;
  /** Why it cleared: the cause went away (and how), or who cleared it by hand. */
  @Column({ name: 'clear_reason', type: 'text', nullable: true }) clearReason: string | null;
}
