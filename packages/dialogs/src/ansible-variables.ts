/**
 * Which variable names a user (through a form) or a catalog may set for a run.
 *
 * Extra variables have Ansible's highest precedence, so a value for a connection
 * variable would win over the inventory: `ansible_python_interpreter: /bin/sh -c ...`
 * or `ansible_ssh_common_args: -o ProxyCommand=...` runs a command on the worker even
 * though every value is `!unsafe` (that only stops templating). So user-set names may
 * never start with `ansible_`, nor shadow Ansible's magic variables.
 */
const MAGIC = new Set([
  'hostvars',
  'groups',
  'group_names',
  'inventory_hostname',
  'inventory_hostname_short',
  'inventory_dir',
  'inventory_file',
  'playbook_dir',
  'role_path',
  'role_name',
  'omit',
  'play_hosts',
  'environment',
  'vars',
]);

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The portal's own connection variables: where a run's credentials go (`k8s_api_url`,
 * `k8s_api_key`, `openstack_auth`, `openstack_clouds_yaml`...) and what it passes itself
 * (`superfluid_outputs`, `superfluid_items`). An order setting one could send a credential
 * to another server, so these prefixes are the portal's alone.
 */
const RESERVED_PREFIXES = /^(k8s_|openstack_|superfluid_)/i;

/** Why `name` cannot be set as a variable, or null when it can. */
export function forbiddenVariable(name: string): string | null {
  if (!IDENTIFIER.test(name)) return `"${name}" is not a valid variable name`;
  if (/^ansible_/i.test(name)) return `"${name}" is an Ansible connection or setting variable, which orders may not set`;
  if (RESERVED_PREFIXES.test(name))
    return `"${name}" is one of the portal's own connection variables (k8s_*, openstack_*, superfluid_*), which orders may not set`;
  if (MAGIC.has(name)) return `"${name}" is one of Ansible's own variables, which orders may not set`;
  return null;
}
