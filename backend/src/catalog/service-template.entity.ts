import type { TemplateVisibility } from './catalog-files.js';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ApprovalSpec, LifetimeSpec, BundleItemSpec, ProvisionSpec, RetirementSpec, SiteSpec } from './catalog.types.js';

export type TemplateType = 'ansible_playbook' | 'bundle';

@Entity('service_templates')
export class ServiceTemplateEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) name: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  /** The catalog (folder) the item is shown in. */
  @Column({ type: 'text', default: 'General' }) catalog: string;
  /** Markdown, shown on the item's page. */
  @Column({ name: 'long_description', type: 'text', nullable: true }) longDescription: string | null;
  /** A Material icon name (e.g. "hub", "dns") or an https:// image URL. */
  @Column({ type: 'text', nullable: true }) icon: string | null;
  @Column({ type: 'text' }) type: TemplateType;
  @Column({ name: 'dialog_name', type: 'text' }) dialogName: string;
  /** ansible_playbook templates: how the dialog values become a run. */
  @Column({ type: 'jsonb', nullable: true }) provision: ProvisionSpec | null;
  /** Bundles: the child items. */
  @Column({ type: 'jsonb', nullable: true }) items: BundleItemSpec[] | null;
  /** Bundles: the state machine their requests follow. */
  @Column({ name: 'state_machine', type: 'text', nullable: true }) stateMachine: string | null;
  /** Bundles: the sites of their multi-site inventory, each bound to a provider. */
  @Column({ type: 'jsonb', nullable: true }) sites: Record<string, SiteSpec> | null;
  /** Bundles: or the name of a multi-site inventory document. */
  @Column({ type: 'text', nullable: true }) inventory: string | null;
  /** Bundles: when an item fails, keep what was deployed or roll it back. */
  @Column({ name: 'on_failure', type: 'text', default: 'keep' }) onFailure: 'keep' | 'rollback';
  /** ansible_playbook templates: the playbook that retires their services. */
  @Column({ type: 'jsonb', nullable: true }) retirement: RetirementSpec | null;
  /** ansible_playbook templates: the playbook that reconfigures their services. */
  @Column({ type: 'jsonb', nullable: true }) reconfigure: RetirementSpec | null;
  /** ansible_playbook templates: the playbook that heals their services; null: the provision playbook runs again. */
  @Column({ type: 'jsonb', nullable: true }) heal: RetirementSpec | null;
  /** Who approves an order before it runs; null: nobody (approved automatically). */
  @Column({ type: 'jsonb', nullable: true }) approval: ApprovalSpec | null;
  /** Quota dimensions an order uses: name → expression over its dialog fields; null: none of its own. */
  @Column({ type: 'jsonb', nullable: true }) quota: Record<string, string> | null;
  /** How long its services live; null: until retired by hand. */
  @Column({ type: 'jsonb', nullable: true }) lifetime: LifetimeSpec | null;
  @Column({ type: 'boolean', default: true }) published: boolean;
  /** Who sees its requests and services besides operators: `requester`, or `group` (the requester's groups too). */
  @Column({ type: 'text', default: 'requester' }) visibility: TemplateVisibility;
  /** Where it came from: `catalog/<file>` for catalog-as-code items. */
  @Column({ type: 'text', nullable: true }) source: string | null;
  /** The tenant it belongs to (see tenants/). */
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
