import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { StateMachineDef } from './state-machine.types.js';

/** A state machine of the catalog (catalog/state-machines/*.yaml). */
@Entity('state_machines')
export class StateMachineEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) name: string;
  @Column({ type: 'jsonb' }) definition: StateMachineDef;
  @Column({ type: 'text', nullable: true }) source: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
