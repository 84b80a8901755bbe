import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const PERFORMANCE_METRICS = ['http_up', 'http_latency_ms', 'k8s_ready_replicas', 'heat_stack_complete', 'playbook_stat'] as const;
export type PerformanceMetric = (typeof PERFORMANCE_METRICS)[number];

export const THRESHOLD_OPERATORS = ['>', '>=', '<', '<='] as const;
export type ThresholdOperator = (typeof THRESHOLD_OPERATORS)[number];

/**
 * Where a performance job takes its samples from: an HTTP probe of a URL (GET; up when it answers
 * 2xx or 3xx), or a provider's own API — a Kubernetes Deployment's ready replicas, a Heat stack's
 * status — on one of the service's providers; or a playbook of the service's repository run on its
 * placement (a `measure` request), whose set_stats key `stat` is the value.
 */
export type PerformanceSource =
  | { kind: 'http'; url: string }
  | { kind: 'kubernetes'; providerId: string; namespace: string; deployment: string }
  | { kind: 'openstack'; providerId: string; stack: string }
  | { kind: 'playbook'; playbook: string; stat: string };

/**
 * A performance job (NS performance management): a metric of a service, or of a provider,
 * collected on an interval, stored as a time series (performance_samples), watched by thresholds.
 */
@Entity('performance_jobs')
@Index(['serviceId'])
@Index(['providerId'])
export class PerformanceJobEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** What the job is about: a service, or (without one) a provider. */
  @Column({ name: 'service_id', type: 'uuid', nullable: true }) serviceId: string | null;
  @Column({ name: 'provider_id', type: 'uuid', nullable: true }) providerId: string | null;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) metric: PerformanceMetric;
  @Column({ type: 'jsonb' }) source: PerformanceSource;
  @Column({ name: 'interval_seconds', type: 'int' }) intervalSeconds: number;
  @Column({ name: 'next_run_at', type: 'timestamptz' }) nextRunAt: Date;
  /** A playbook source: the measure request under way, and since when (a tick meanwhile is skipped). */
  @Column({ name: 'measure_request_id', type: 'uuid', nullable: true }) measureRequestId: string | null;
  @Column({ name: 'measure_started_at', type: 'timestamptz', nullable: true }) measureStartedAt: Date | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** A threshold on a performance job's metric: crossing it raises an alarm, coming back clears it. */
@Entity('performance_thresholds')
@Index(['jobId'])
export class PerformanceThresholdEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'job_id', type: 'uuid' }) jobId: string;
  @Column({ type: 'text' }) operator: ThresholdOperator;
  @Column({ type: 'double precision' }) value: number;
  @Column({ type: 'text' }) severity: 'critical' | 'major' | 'minor' | 'warning';
  /** Whether the last sample crossed it (its alarm is open then). */
  @Column({ type: 'boolean', default: false }) crossed: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
