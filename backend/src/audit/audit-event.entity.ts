import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type AuditOutcome = 'success' | 'failure' | 'denied';

/** One line of the audit trail. Only ever inserted (a trigger refuses UPDATE and DELETE). */
@Entity('audit_events')
export class AuditEventEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
  /** No foreign key: the trail outlives the user. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  /** The username at the time (for a sign-in, the one tried), or "anonymous". */
  @Column({ name: 'actor_name', type: 'text' }) actorName: string;
  @Column({ type: 'text' }) action: string;
  @Column({ name: 'object_type', type: 'text', nullable: true }) objectType: string | null;
  @Column({ name: 'object_id', type: 'text', nullable: true }) objectId: string | null;
  @Column({ type: 'text' }) outcome: AuditOutcome;
  @Column({ name: 'error_code', type: 'text', nullable: true }) errorCode: string | null;
  @Column({ type: 'text', nullable: true }) message: string | null;
  @Column({ type: 'text', default: '' }) ip: string;
  /** Argument names and non-secret values (see audit-details.ts). */
  @Column({ type: 'jsonb', default: {} }) details: Record<string, unknown>;
}
