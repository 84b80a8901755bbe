import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A limit on what a tenant (with every tenant below it) or one user may hold: active services
 * (`services`), orders a day (`requests_per_day`), or a numeric dimension that catalog items
 * declare from their dialog (`vcpus`, `memory_gb`...).
 */
@Entity('quotas')
export class QuotaEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** A tenant's limit (its subtree's use counts); or null for a user's. */
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true }) tenantId: string | null;
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId: string | null;
  @Column({ type: 'text' }) dimension: string;
  @Column({ name: 'limit', type: 'double precision' }) limit: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
