import type { JobEntity } from './job.entity.js';
import type { JobOptions } from './job-options.js';
import type { MaterialsFor } from './run-materials.js';

export interface LaunchSpec {
  requestId: string | null;
  createdBy: string;
  repoId: string;
  commit: string;
  playbook: string;
  /** The inventory, environment and credentials of the run, made in its folder. */
  materials: MaterialsFor;
  extraVars: Record<string, unknown>;
  options?: JobOptions;
  /** The bundle item this run is, if any. */
  item?: string | null;
  /** Called once the job row exists, before the run starts (a bundle item records its job). */
  onCreated?: (jobId: string) => Promise<void>;
  /** The providers it runs on; their concurrency limits count it. */
  providerIds?: string[];
  /** Variables from secret dialog fields: written to the run's extra_vars file only (never kept on the job), and masked in output. */
  secretExtraVars?: Record<string, unknown>;
  /** A job row reserved by `reserve` (a slot on limited providers); made here otherwise. */
  jobId?: string;
}

/** A new job's row (status pending, its lease fresh), from what is launched. */
export function newJobRow(spec: Omit<LaunchSpec, 'materials' | 'onCreated' | 'jobId' | 'secretExtraVars'>): Partial<JobEntity> {
  return {
    requestId: spec.requestId,
    createdBy: spec.createdBy,
    status: 'pending',
    repoId: spec.repoId,
    commit: spec.commit,
    playbook: spec.playbook,
    extraVars: spec.extraVars,
    inventory: '',
    item: spec.item ?? null,
    providerIds: spec.providerIds ?? [],
    heartbeatAt: new Date(),
  };
}
