import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export interface HostCounters {
  ok: number;
  changed: number;
  failures: number;
  unreachable: number;
  skipped: number;
  rescued: number;
  ignored: number;
}

/** AWX's job statuses, so its users recognise them. */
export const JOB_STATUSES = ['new', 'pending', 'waiting', 'running', 'successful', 'failed', 'error', 'canceled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

@Entity('jobs')
export class JobEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index() @Column({ name: 'request_id', type: 'uuid', nullable: true }) requestId: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @Column({ type: 'text' }) status: JobStatus;
  @Column({ name: 'repo_id', type: 'uuid' }) repoId: string;
  @Column({ type: 'text' }) commit: string;
  @Column({ type: 'text' }) playbook: string;
  /** The providers it runs on (several for a multi-site run): their concurrency limits count it. */
  @Column({ name: 'provider_ids', type: 'uuid', array: true, default: () => "'{}'" }) providerIds: string[];
  /** The bundle item this run is, if any. */
  @Column({ type: 'text', nullable: true }) item: string | null;
  /** Snapshots taken at launch: what ran, against what, with which variables. */
  @Column({ type: 'jsonb', default: [] }) command: string[];
  @Column({ type: 'text', default: '' }) inventory: string;
  @Column({ name: 'extra_vars', type: 'jsonb', default: {} }) extraVars: Record<string, unknown>;
  @Column({ name: 'return_code', type: 'int', nullable: true }) returnCode: number | null;
  @Column({ type: 'jsonb', nullable: true }) artifacts: Record<string, unknown> | null;
  @Column({ name: 'event_count', type: 'int', default: 0 }) eventCount: number;
  /** How many events the callback plugin numbered: equal to event_count when none was lost. */
  @Column({ name: 'events_emitted', type: 'int', nullable: true }) eventsEmitted: number | null;
  /** Ansible's recap per host: ok, changed, failures, unreachable, skipped, rescued, ignored. */
  @Column({ name: 'host_summaries', type: 'jsonb', nullable: true }) hostSummaries: Record<string, HostCounters> | null;
  @Column({ type: 'text', nullable: true }) error: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
  /** Set by cancelJob; the worker running the job sees it and stops ansible. */
  @Column({ name: 'cancel_requested_at', type: 'timestamptz', nullable: true }) cancelRequestedAt: Date | null;
  @Column({ name: 'canceled_by', type: 'uuid', nullable: true }) canceledBy: string | null;
  /** When retention removed the job's events and log. */
  @Column({ name: 'output_purged_at', type: 'timestamptz', nullable: true }) outputPurgedAt: Date | null;
  /** Renewed by the worker while the job runs; stale means the worker died. */
  @Column({ name: 'heartbeat_at', type: 'timestamptz', nullable: true }) heartbeatAt: Date | null;
}
