import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PinnedHosts } from './host-keys.js';

export type ProviderType = 'local' | 'ssh' | 'openstack' | 'kubernetes';
export type HealthStatus = 'unknown' | 'up' | 'down';

@Entity('providers')
export class ProviderEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) name: string;
  @Column({ type: 'text' }) type: ProviderType;
  /** Type-specific settings (hosts, URLs); never secrets — those are credentials. */
  @Column({ type: 'jsonb', default: {} }) config: Record<string, unknown>;
  /** How runs connect: an SSH key or username/password (ssh), openstack, kubeconfig or kubernetes_token. */
  @Column({ name: 'credential_id', type: 'uuid', nullable: true }) credentialId: string | null;
  /** ssh and local: the become (sudo) password. */
  @Column({ name: 'become_credential_id', type: 'uuid', nullable: true }) becomeCredentialId: string | null;
  /** Jobs that may run on it at once, across all workers; null: no limit. */
  @Column({ name: 'max_concurrent_jobs', type: 'int', nullable: true }) maxConcurrentJobs: number | null;
  @Column({ name: 'health_status', type: 'text', default: 'unknown' }) healthStatus: HealthStatus;
  @Column({ name: 'health_message', type: 'text', nullable: true }) healthMessage: string | null;
  @Column({ name: 'health_checked_at', type: 'timestamptz', nullable: true }) healthCheckedAt: Date | null;
  /** What the provider holds, as last read from it (Kubernetes namespaces, deployments, services). */
  @Column({ type: 'jsonb', nullable: true }) resources: Record<string, unknown> | null;
  @Column({ name: 'resources_refreshed_at', type: 'timestamptz', nullable: true }) resourcesRefreshedAt: Date | null;
  /** ssh: the host keys pinned per host name (learnt at create or first check; replaced only by acceptProviderHostKeys). */
  @Column({ name: 'host_keys', type: 'jsonb', default: {} }) hostKeys: PinnedHosts;
  /** The tenant it belongs to (see tenants/). */
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
