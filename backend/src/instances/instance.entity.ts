import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A process that runs the worker role (ROLE=worker or all), as it registered itself at start.
 * Its heartbeat is renewed every HEARTBEAT_MS; its state (online, lost, stopped) is computed
 * from it and from `stopped_at` when read. Holds only the SHA-256 of its fetch credential.
 */
@Entity('instances')
export class InstanceEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ type: 'text' }) hostname: string;
  @Column({ type: 'text' }) role: string;
  @Column({ type: 'text' }) version: string;
  @Column({ type: 'int' }) concurrency: number;
  @Column({ name: 'running_jobs', type: 'int', default: 0 }) runningJobs: number;
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt: Date;
  @Column({ name: 'heartbeat_at', type: 'timestamptz' }) heartbeatAt: Date;
  /** Set on a clean shutdown. */
  @Column({ name: 'stopped_at', type: 'timestamptz', nullable: true }) stoppedAt: Date | null;
  /** SHA-256 (hex) of the secret the instance fetches hosted repositories with. */
  @Column({ name: 'secret_hash', type: 'text' }) secretHash: string;
}
