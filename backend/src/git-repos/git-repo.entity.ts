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
  /** Served by the portal at /git/<name>.git and pushed to directly (the built-in one is hosted). */
  @Column({ type: 'boolean', default: false }) hosted: boolean;
  /** A disabled repository is neither refreshed nor ordered from. */
  @Column({ type: 'boolean', default: true }) enabled: boolean;
  /** Refresh before a run when the last refresh is older than this; null: never. */
  @Column({ name: 'refresh_max_age_seconds', type: 'int', nullable: true }) refreshMaxAgeSeconds: number | null;
  /** Refresh on a schedule, every so many seconds; null: no schedule. */
  @Column({ name: 'refresh_interval_seconds', type: 'int', nullable: true }) refreshIntervalSeconds: number | null;
  /** Encrypted; null when webhooks are off. */
  @Column({ name: 'webhook_secret', type: 'text', nullable: true, select: false }) webhookSecret: string | null;
  /** A git_token or git_ssh_key credential used to fetch; null for public repositories. */
  @Column({ name: 'credential_id', type: 'uuid', nullable: true }) credentialId: string | null;
  @Column({ type: 'text', nullable: true }) commit: string | null;
  @Column({ name: 'last_refreshed_at', type: 'timestamptz', nullable: true }) lastRefreshedAt: Date | null;
  @Column({ name: 'refresh_status', type: 'text', default: 'never' }) refreshStatus: RefreshStatus;
  @Column({ name: 'refresh_error', type: 'text', nullable: true }) refreshError: string | null;
  /** The tenant it belongs to (see tenants/). */
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
