import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** `decision`: an approver approved or denied the request (the approve state). */
export type TransitionEvent = 'entered' | 'ok' | 'retry' | 'error' | 'resumed' | 'hook' | 'decision';

/** One step of a request's state machine, kept for good: its history. */
@Entity('request_transitions')
export class RequestTransitionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'request_id', type: 'uuid' }) requestId: string;
  @Column({ type: 'text' }) state: string;
  @Column({ type: 'text' }) event: TransitionEvent;
  @Column({ type: 'int', default: 0 }) attempt: number;
  @Column({ type: 'text', nullable: true }) message: string | null;
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' }) at: Date;
}
