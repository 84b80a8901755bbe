import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A stored credential. `inputs` holds the non-secret fields in clear; `secrets` maps each
 * secret field to its own ciphertext (see secret-box.ts), bound to this row's id and the
 * field's name. The id is chosen before the insert, since the ciphertexts depend on it.
 */
@Entity('credentials')
export class CredentialEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) name: string;
  @Column({ type: 'text' }) type: string;
  @Column({ type: 'jsonb', default: {} }) inputs: Record<string, string>;
  @Column({ type: 'jsonb', default: {} }) secrets: Record<string, string>;
  /** The tenant it belongs to (see tenants/). */
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
