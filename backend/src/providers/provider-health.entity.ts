import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One health check of a provider; `changed` marks an alarm (it went down, or came back). */
@Entity('provider_health')
export class ProviderHealthEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'provider_id', type: 'uuid' }) providerId: string;
  @Column({ type: 'text' }) status: 'up' | 'down';
  @Column({ type: 'text', nullable: true }) message: string | null;
  @Column({ name: 'latency_ms', type: 'int', nullable: true }) latencyMs: number | null;
  @Column({ type: 'boolean', default: false }) changed: boolean;
  @Column({ name: 'checked_at', type: 'timestamptz', default: () => 'now()' }) checkedAt: Date;
}
