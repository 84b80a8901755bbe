import type { Scope } from '../access/permissions.js';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type TokenKind = 'session' | 'api';

/**
 * A bearer token. Only its SHA-256 is stored, so a database dump grants nothing.
 * `session` tokens come from login and expire; `api` tokens are named, made for scripts
 * and `git push`, and last until revoked or their own expiry.
 */
@Entity('api_tokens')
export class ApiTokenEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index() @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ name: 'token_hash', type: 'text', unique: true }) tokenHash: string;
  @Column({ type: 'text', nullable: true }) name: string | null;
  @Column({ type: 'text', default: 'session' }) kind: TokenKind;
  /** What an API token may be used for (a session may do whatever its user may). */
  @Column({ type: 'text', array: true, default: () => `'{}'` }) scopes: Scope[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true }) expiresAt: Date | null;
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true }) lastUsedAt: Date | null;
}
