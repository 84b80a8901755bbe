import type { JobOptionName, JobOptions } from '../jobs/job-options.js';
import type { ProviderType } from '../providers/provider.entity.js';

/** A condition on an order that makes it wait for approval: a dialog value, or the requester's group. */
export type ApprovalRule =
  | { field: string; equals: string | number | boolean }
  | { field: string; in: (string | number | boolean)[] }
  | { field: string; atLeast: number }
  | { group: string }
  /** The order would exceed a quota: it waits for an approver instead of being refused. */
  | { quotaExceeded: true };

/**
 * Who must approve an order of the item before it runs: nobody (`automatic`, the default),
 * `approvals` distinct approvers of the requester's tenant (`manual`), or, with `rules`, those
 * approvers only when one of the rules matches the order. An order not decided within
 * `timeoutHours` is denied.
 */
export interface ApprovalSpec {
  mode: 'automatic' | 'manual' | 'rules';
  approvals: number;
  timeoutHours: number;
  rules?: ApprovalRule[];
}

/** How long the services of an item live: their default and longest lifetime in days, and the days of warning before. */
export interface LifetimeSpec {
  defaultDays?: number;
  maxDays?: number;
  warnDays: number;
}

/** A value taken either literally or from a dialog field. */
export type ValueSource = string | { field: string };

/** How an `ansible_playbook` template turns dialog values into a run. */
export interface ProvisionSpec {
  /** Name of the git repo holding the playbook. */
  repo: string;
  playbook: ValueSource;
  provider: ValueSource;
  /** A dialog field holding a YAML/JSON mapping of extra variables. */
  extraVarsField?: string;
  /**
   * Dialog fields passed to the playbook as variables: field name → variable name.
   * Fields used above are not passed unless listed here.
   */
  vars?: Record<string, string>;
  /** ansible-playbook options of every run (limit, tags, check mode...). */
  options?: JobOptions;
  /** The options an order may set for itself. */
  overridable?: JobOptionName[];
  /** A vault_password credential (by name) that decrypts the playbook's Ansible Vault data. */
  vaultCredential?: string;
}

/** How a service is retired: a playbook of the same repository, on the same provider, with the same variables and the service's outputs. */
export interface RetirementSpec {
  playbook: string;
}

/** A site of a multi-site bundle: an inventory group bound to a provider (e.g. from the dialog). */
export interface SiteSpec {
  provider: ValueSource;
  /**
   * The provider types its items can use (e.g. `[ssh]`): an order whose provider for the site
   * is of another type is refused, naming the site's dialog field. None: any type.
   */
  providerTypes?: ProviderType[];
  /** Variables of the site's group. */
  variables?: Record<string, string | number | boolean>;
}

/** One child item of a bundle: its own playbook run, ordered by `index`. */
export interface BundleItemSpec {
  name: string;
  /**
   * Items with the same index run in parallel; indexes run in ascending order. Computed
   * from `needs` and `inputs` when left out (one more than the latest item it needs).
   */
  index: number;
  /** The site it deploys (for progress and failure reports); its run sees every site. */
  site?: string;
  /** Items that must have succeeded before it runs. */
  needs?: string[];
  provision: ProvisionSpec;
  /**
   * Variables taken from the outputs (set_stats) of items of lower indexes:
   * variable name → "<item>.<output>".
   */
  inputs?: Record<string, string>;
  /** Run when the bundle's service is retired, in reverse index order. */
  retirement?: RetirementSpec;
  /** Run when the bundle's service is reconfigured (in index order), with the new values. */
  reconfigure?: RetirementSpec;
  /** Run when the bundle's service is healed (in index order); without it, its provision playbook runs again. */
  heal?: RetirementSpec;
  /**
   * The item deploys one VDU of a VNF package of its repository: the package (its folder
   * under vnf-packages/) and the VDU's vduId. Its playbook is given them as `vnf_package`
   * (the folder's path) and `vnf_vdu`; the package must be enabled to be ordered.
   */
  vnf?: VnfDeploySpec;
}

/** Which VDU of which VNF package a bundle item deploys. */
export interface VnfDeploySpec {
  package: string;
  vdu: string;
}
