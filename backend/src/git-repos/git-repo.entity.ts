import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type RefreshStatus = 'never' | 'running' | 'successful' | 'failed';

@Entity('git_repos')
export class GitRepoEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) name: string;
  @Column({ type: 'text' }) url: string;
  @Column({ type: 'text', default: 'main' }) branch: string;
  /** True for the repo the portal publishes from its own playbooks/ folder. */
  @Column({ type: 'boolean', default: false }) builtin: boolean;
  @Column({ type: 'text', nullable: true }) commit: string | null;
  @Column({ name: 'last_refreshed_at', type: 'timestamptz', nullable: true }) lastRefreshedAt: Date | null;
  @Column({ name: 'refresh_status', type: 'text', default: 'never' }) refreshStatus: RefreshStatus;
  @Column({ name: 'refresh_error', type: 'text', nullable: true }) refreshError: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
