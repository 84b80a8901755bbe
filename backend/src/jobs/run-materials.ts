import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderUnsafeVars } from './unsafe-vars.js';

/**
 * The one template the product writes into inventories: the Python running ansible-playbook,
 * for hosts reached with the local connection. Every other string of an inventory is data.
 */
export const PLAYBOOK_PYTHON = '{{ ansible_playbook_python }}';

export interface InventoryGroup {
  hosts: Record<string, Record<string, unknown>>;
  vars: Record<string, unknown>;
}

/**
 * What providers give a run besides the playbook: the inventory (groups of hosts with
 * their connection variables; no secrets: it is kept on the job), environment variables,
 * each group's secret variables (passwords, tokens: written to a mode-0600 group_vars
 * file, never in the inventory kept on the job), and every secret value, to be masked.
 */
export interface RunMaterials {
  inventory: { all: { children: Record<string, InventoryGroup> } };
  env: Record<string, string>;
  groupSecrets: Record<string, Record<string, unknown>>;
  secrets: string[];
  /** Vault passwords as files of the run (0600), given to ansible-playbook as --vault-id label@file. */
  vaultIds?: { label: string; file: string }[];
}

/** Prepares a run's materials in its folder (credential files go under `<runDir>/credentials`). */
export type MaterialsFor = (runDir: string) => Promise<RunMaterials>;

/** Where a run's secret group variables go, under its credentials folder (a dot: never a provider's name). */
export const SECRET_GROUP_VARS = '.group_vars';

/**
 * Writes the inventory as a directory Ansible reads with `-i`: `hosts.yml`, and the
 * secret variables of each group in `group_vars/<group>.yml` (0600) — a link to
 * `credentials/.group_vars`, so they live with the run's other credentials (on tmpfs, and
 * in the sandbox's own memory). Every string value of both is tagged `!unsafe` (a
 * provider's, host's or site's variable, a password holding "{{" is never templated),
 * except `PLAYBOOK_PYTHON`. Returns its path.
 */
export async function writeInventory(dir: string, materials: RunMaterials): Promise<string> {
  const inventory = join(dir, 'inventory');
  const secrets = Object.entries(materials.groupSecrets).filter(([, vars]) => Object.keys(vars).length);
  const groupVars = join(dir, 'credentials', SECRET_GROUP_VARS);
  await Promise.all([mkdir(inventory, { recursive: true, mode: 0o700 }), secrets.length ? mkdir(groupVars, { recursive: true, mode: 0o700 }) : undefined]);
  await Promise.all([
    writeFile(join(inventory, 'hosts.yml'), renderUnsafeVars(materials.inventory, new Set([PLAYBOOK_PYTHON])), { mode: 0o600 }),
    ...(secrets.length ? [symlink(join('..', 'credentials', SECRET_GROUP_VARS), join(inventory, 'group_vars'))] : []),
    ...secrets.map(([group, vars]) => writeFile(join(groupVars, `${group}.yml`), renderUnsafeVars(vars), { mode: 0o600 })),
  ]);
  return inventory;
}

/**
 * Several providers' materials in one run (a multi-site inventory): their groups side by
 * side, their secrets together. Environment variables of a kind one run can hold once
 * (a kubeconfig, a cloud) come from the first site that sets them; every site also has
 * its own in its group variables.
 */
export function combineMaterials(parts: RunMaterials[]): RunMaterials {
  const out: RunMaterials = { inventory: { all: { children: {} } }, env: {}, groupSecrets: {}, secrets: [] };
  // A host name in two sites would be one Ansible host, with one site's connection winning.
  const hosts = new Map<string, { site: string; vars: string }>();
  for (const part of parts) {
    for (const [site, group] of Object.entries(part.inventory.all.children)) {
      for (const [host, vars] of Object.entries(group.hosts)) {
        const seen = hosts.get(host);
        const json = JSON.stringify(vars);
        if (seen && seen.vars !== json) {
          throw new Error(`host "${host}" is in sites "${seen.site}" and "${site}" with different connections: give the providers' hosts distinct names`);
        }
        hosts.set(host, { site, vars: json });
      }
    }
  }
  for (const part of parts) {
    Object.assign(out.inventory.all.children, part.inventory.all.children);
    for (const [name, value] of Object.entries(part.env)) if (!(name in out.env)) out.env[name] = value;
    Object.assign(out.groupSecrets, part.groupSecrets);
    out.secrets.push(...part.secrets);
    if (part.vaultIds?.length) out.vaultIds = [...(out.vaultIds ?? []), ...part.vaultIds];
  }
  return out;
}
