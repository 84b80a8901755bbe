import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const SERVICE_STATUSES = ['active', 'retired'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/** What a finished request leaves behind. */
@Entity('services')
export class ServiceEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) name: string;
  @Index({ unique: true }) @Column({ name: 'request_id', type: 'uuid' }) requestId: string;
  @Column({ name: 'template_id', type: 'uuid' }) templateId: string;
  @Index() @Column({ name: 'owner_id', type: 'uuid' }) ownerId: string;
  /** The first provider it was deployed on. */
  @Column({ name: 'provider_id', type: 'uuid', nullable: true }) providerId: string | null;
  /** Every provider it was deployed on (a multi-site bundle has several), `providerId` first. */
  @Column({ name: 'provider_ids', type: 'uuid', array: true, default: () => `'{}'` }) providerIds: string[];
  @Column({ type: 'jsonb', default: {} }) outputs: Record<string, unknown>;
  @Column({ type: 'text', default: 'active' }) status: ServiceStatus;
  /** The tenant it belongs to (see tenants/). */
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  /** The groups that see it besides its owner (those of the request that made it); empty: none. */
  @Column({ name: 'group_ids', type: 'uuid', array: true, default: () => "'{}'" }) groupIds: string[];
  @Index() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  /** When it is retired (by the retirement machine); null: no date. */
  @Column({ name: 'retires_at', type: 'timestamptz', nullable: true }) retiresAt: Date | null;
  /** The latest date its owner may extend it to (its item's longest lifetime); null: no limit. */
  @Column({ name: 'max_retires_at', type: 'timestamptz', nullable: true }) maxRetiresAt: Date | null;
  /** Its owner is warned this many days before the date. */
  @Column({ name: 'retirement_warn_days', type: 'double precision', default: 7 }) retirementWarnDays: number;
  /** When the warning went out (null: not yet, or the date moved since). */
  @Column({ name: 'retirement_warned_at', type: 'timestamptz', nullable: true }) retirementWarnedAt: Date | null;
  /** When its date's retirement was started (once; a new date clears it). */
  @Column({ name: 'retirement_started_at', type: 'timestamptz', nullable: true, select: false }) retirementStartedAt: Date | null;
}
