import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type GitRefreshStatus = 'running' | 'successful' | 'unchanged' | 'failed';

/** One refresh of a repository: what it found and how long it took. */
@Entity('git_refreshes')
@Index(['repoId', 'startedAt'])
export class GitRefreshEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'repo_id', type: 'uuid' }) repoId: string;
  @Column({ type: 'text' }) status: GitRefreshStatus;
  @Column({ type: 'text', nullable: true }) commit: string | null;
  @Column({ name: 'previous_commit', type: 'text', nullable: true }) previousCommit: string | null;
  @Column({ name: 'duration_ms', type: 'int', nullable: true }) durationMs: number | null;
  @Column({ type: 'text', nullable: true }) error: string | null;
  @Column({ type: 'jsonb', default: [] }) added: string[];
  @Column({ type: 'jsonb', default: [] }) changed: string[];
  @Column({ type: 'jsonb', default: [] }) removed: string[];
  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' }) startedAt: Date;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
}
