import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ApprovalDecision = 'approved' | 'denied';

/** One approver's decision on a request that waited for approval, with its reason; kept for good. */
@Entity('request_approvals')
export class RequestApprovalEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'request_id', type: 'uuid' }) requestId: string;
  /** Null once the user is deleted; `approverName` still says who it was. */
  @Column({ name: 'approver_id', type: 'uuid', nullable: true }) approverId: string | null;
  @Column({ name: 'approver_name', type: 'text' }) approverName: string;
  @Column({ type: 'text' }) decision: ApprovalDecision;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
