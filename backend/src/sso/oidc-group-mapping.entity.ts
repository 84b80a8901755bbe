import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A value of the provider's groups claim and the portal group it gives (members are set at each SSO sign-in). */
@Entity('oidc_group_mappings')
export class OidcGroupMappingEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) claim: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
