import type { JobOptionName, JobOptions } from '../jobs/job-options.js';

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
}
