import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) username: string;
  /** argon2id hash; never leaves the users module. */
  @Column({ name: 'password_hash', type: 'text' }) passwordHash: string;
  @Column({ name: 'display_name', type: 'text', default: '' }) displayName: string;
  @Column({ type: 'text', default: '' }) email: string;
  /** A disabled user cannot sign in, and their tokens stop working. */
  @Column({ type: 'boolean', default: false }) disabled: boolean;
  /** Set when an administrator chose the password: the user must change it before doing anything else. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false }) mustChangePassword: boolean;
  /** The tenant it belongs to (see tenants/). */
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  /** Set for a user who signs in through single sign-on: the provider's issuer and their subject there. */
  @Column({ name: 'oidc_issuer', type: 'text', nullable: true }) oidcIssuer: string | null;
  @Column({ name: 'oidc_subject', type: 'text', nullable: true }) oidcSubject: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
