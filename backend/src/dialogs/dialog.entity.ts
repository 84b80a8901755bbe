import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { DialogBindings } from './dialog-bindings.js';
import type { DialogDefinition } from '@superfluid/dialogs';

/** Where a stored dialog came from: a file under catalog/dialogs, an import (ManageIQ, AWX), or the dialog editor (saveDialog). */
export type DialogOrigin = 'catalog' | 'imported' | 'editor';

@Entity('dialogs')
export class DialogEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) name: string;
  @Column({ type: 'text' }) label: string;
  @Column({ type: 'jsonb' }) definition: DialogDefinition;
  @Column({ type: 'text', default: 'catalog' }) origin: DialogOrigin;
  /** Imported ManageIQ fields bound in place (bindDialogField), by field name; empty for other origins. */
  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" }) bindings: DialogBindings;
  /** The tenant it belongs to (see tenants/): its designers change it; shared with others in dialog_shares. */
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
