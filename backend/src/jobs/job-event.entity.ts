import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One structured Ansible event, named as ansible-runner/AWX name them. */
@Entity('job_events')
@Index(['jobId', 'seq'], { unique: true })
export class JobEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'job_id', type: 'uuid' }) jobId: string;
  @Column({ type: 'int' }) seq: number;
  @Column({ type: 'text' }) event: string;
  @Column({ type: 'text', nullable: true }) host: string | null;
  @Column({ type: 'text', nullable: true }) task: string | null;
  @Column({ type: 'text', nullable: true }) play: string | null;
  @Column({ type: 'boolean', default: false }) changed: boolean;
  @Column({ type: 'boolean', default: false }) failed: boolean;
  @Column({ type: 'text', nullable: true }) stdout: string | null;
  @Column({ type: 'jsonb', default: {} }) data: Record<string, unknown>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
