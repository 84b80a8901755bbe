import { Column, CreateDateColumn, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '../access/permissions.js';
import { UserEntity } from './user.entity.js';

/** People who share roles: a role is granted to a group, and its members have it. */
@Entity('groups')
export class GroupEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) name: string;
  @Column({ type: 'text', default: '' }) description: string;
  /** The roles its members have (see access/permissions.ts). */
  @Column({ type: 'text', array: true, default: () => `'{}'` }) roles: Role[];
  @ManyToMany(() => UserEntity)
  @JoinTable({ name: 'group_members', joinColumn: { name: 'group_id' }, inverseJoinColumn: { name: 'user_id' } })
  members: UserEntity[];
  /** The tenant it belongs to (see tenants/). */
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
