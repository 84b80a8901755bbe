import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ProviderType = 'local' | 'ssh' | 'openstack' | 'kubernetes';

@Entity('providers')
export class ProviderEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) name: string;
  @Column({ type: 'text' }) type: ProviderType;
  /** Type-specific settings (hosts, URLs); never secrets — those are credentials. */
  @Column({ type: 'jsonb', default: {} }) config: Record<string, unknown>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
