// A catalog item as the template and bundle editors see it: its definition is the document a
// catalog file (catalog/templates/*.yaml) holds, without `kind`, which saveServiceTemplate takes back.

/** A value taken literally (a playbook path, a provider id) or from a dialog field. */
export type ValueSource = string | { field: string };

export interface ProvisionDefinition {
  repo: string;
  playbook: ValueSource;
  provider: ValueSource;
  extraVarsField?: string;
  /** Dialog field → Ansible variable. */
  vars?: Record<string, string>;
  options?: Record<string, unknown>;
  overridable?: string[];
  vaultCredential?: string;
}

export interface BundleItemDefinition {
  name: string;
  index?: number;
  site?: string;
  needs?: string[];
  provision: ProvisionDefinition;
  /** Variable → "<item>.<output>". */
  inputs?: Record<string, string>;
  retirement?: { playbook: string };
  reconfigure?: { playbook: string };
  /** Run when the service is healed; none: its provision playbook runs again. */
  heal?: { playbook: string };
}

export interface SiteDefinition {
  provider: ValueSource;
  /** The provider types its items can use (none: any); set with Edit as JSON. */
  providerTypes?: ('local' | 'ssh' | 'openstack' | 'kubernetes')[];
  variables?: Record<string, string | number | boolean>;
}

export type ApprovalRuleDefinition =
  | { field: string; equals: string | number | boolean }
  | { field: string; in: (string | number | boolean)[] }
  | { field: string; atLeast: number }
  | { group: string }
  | { quotaExceeded: true };

/** Who approves an order of the item (none: nobody, orders run at once). */
export interface ApprovalDefinition {
  mode: 'automatic' | 'manual' | 'rules';
  approvals?: number;
  timeoutHours?: number;
  rules?: ApprovalRuleDefinition[];
}

export interface TemplateDefinition {
  name: string;
  description?: string;
  catalog?: string;
  icon?: string;
  longDescription?: string;
  type: 'ansible_playbook' | 'bundle';
  dialog: string;
  published?: boolean;
  /** Who sees its requests and services besides operators: the requester (default), or the requester's groups too. */
  visibility?: 'requester' | 'group';
  approval?: ApprovalDefinition;
  provision?: ProvisionDefinition;
  retirement?: { playbook: string };
  reconfigure?: { playbook: string };
  /** Run when the service is healed; none: its provision playbook runs again. */
  heal?: { playbook: string };
  stateMachine?: string;
  onFailure?: 'keep' | 'rollback';
  sites?: Record<string, SiteDefinition>;
  inventory?: string;
  items?: BundleItemDefinition[];
}
