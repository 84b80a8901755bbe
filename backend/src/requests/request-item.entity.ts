import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { RunPlan, SitePlan } from './service-request.entity.js';

export const ITEM_STATUSES = ['pending', 'queued', 'running', 'successful', 'failed', 'canceled'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** What an item runs: a run plan with the variables it takes from earlier items' outputs. */
export interface ItemPlan extends RunPlan {
  /** Repository name, to re-pin the commit when a refresh_repositories state runs. */
  repoName: string;
  /** variable → "<item>.<output>" */
  inputs: Record<string, string>;
  /** Multi-site bundles: every site (the run's inventory) and the one this item deploys. */
  sites?: SitePlan[];
  site?: string;
}

/** The name's end of a migration's item that retires an item where it was: `<item>@old` (item names have no @). */
export const OLD_PLACEMENT = '@old';

/** One item of a request: one playbook run, in the order its index gives (a single playbook is the one item `main`). */
@Entity('request_items')
@Index(['requestId', 'name'], { unique: true })
export class RequestItemEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'request_id', type: 'uuid' }) requestId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'int' }) index: number;
  @Column({ type: 'jsonb' }) plan: ItemPlan;
  @Column({ type: 'text', default: 'pending' }) status: ItemStatus;
  @Column({ name: 'job_id', type: 'uuid', nullable: true }) jobId: string | null;
  @Column({ type: 'jsonb', nullable: true }) outputs: Record<string, unknown> | null;
  @Column({ type: 'text', nullable: true }) message: string | null;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
}
