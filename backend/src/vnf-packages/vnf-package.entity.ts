import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Artifact } from './vnf-package-discovery.js';
import type { Vnfd } from './vnfd.schema.js';

export type OperationalState = 'enabled' | 'disabled';

/** A VNF package found in a repository: its descriptor as on-boarded, its artifacts' sizes and hashes. */
@Entity('vnf_packages')
@Index(['repoId', 'path'], { unique: true })
export class VnfPackageEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'repo_id', type: 'uuid' }) repoId: string;
  /** The repository's tenant: who may see and manage the package. */
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  /** vnf-packages/<name> */
  @Column({ type: 'text' }) path: string;
  @Column({ name: 'vnfd_id', type: 'text' }) vnfdId: string;
  @Column({ type: 'text' }) provider: string;
  @Column({ name: 'product_name', type: 'text' }) productName: string;
  @Column({ name: 'software_version', type: 'text' }) softwareVersion: string;
  @Column({ name: 'vnfd_version', type: 'text' }) vnfdVersion: string;
  @Column({ type: 'jsonb' }) descriptor: Vnfd;
  @Column({ type: 'jsonb', default: [] }) artifacts: Artifact[];
  @Column({ name: 'content_hash', type: 'text' }) contentHash: string;
  @Column({ type: 'text' }) commit: string;
  @Column({ name: 'onboarding_state', type: 'text', default: 'onboarded' }) onboardingState: 'onboarded';
  @Column({ name: 'operational_state', type: 'text', default: 'enabled' }) operationalState: OperationalState;
  @Column({ name: 'deletion_state', type: 'text', nullable: true }) deletionState: 'pending' | null;
  /** Deleted: kept so that a refresh does not on-board the same content again. */
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true }) deletedAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
