import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export interface InventorySite {
  /** The inventory group: `hosts: <name>` in a playbook. */
  name: string;
  providerId: string;
  /** Some of the provider's hosts only (ssh); all of them when empty. */
  hosts?: string[];
  variables?: Record<string, string | number | boolean>;
}

/** A multi-site inventory: sites (cran, mec, epc...) bound to providers, hosts and variables. */
@Entity('inventories')
export class InventoryEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) name: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'jsonb' }) sites: InventorySite[];
  /** The tenant it belongs to (see tenants/). */
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
