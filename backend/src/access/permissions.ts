/**
 * Who may do what: the one table every operation of the API is checked against.
 *
 * A user's roles come from the groups they belong to (a role is granted to a group). A
 * token narrows them: a session (from `login`) carries all the user's rights, an API token
 * only those of its scopes. An operation is allowed when one of the caller's roles has its
 * permission AND the token's scopes include the permission's scope. Every query, mutation and
 * subscription declares its permission with `@Allow(...)` (or `@Public()`); the app refuses to
 * start when one does not (see access-check.ts), and the guard refuses an undeclared one.
 */

export const ROLES = ['administrator', 'operator', 'designer', 'approver', 'requester', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  administrator: 'Everything, including users, groups and roles.',
  operator: 'Providers, credentials, inventories and their health; every request and service (order, reconfigure, retire, cancel).',
  designer: 'Git repositories (including git push), dialogs, catalog items and state machines; their own requests.',
  approver: 'Approves or denies the orders that wait for approval (the approval inbox); reads every request and service; their own requests.',
  requester: 'The catalog: order items, follow and change their own requests and services.',
  auditor: 'Reads everything (secrets are never readable by anyone), changes nothing.',
};

export const SCOPES = ['read', 'order', 'git:read', 'git:push', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

export const SCOPE_DESCRIPTIONS: Record<Scope, string> = {
  read: 'Read what the owner may read (queries and subscriptions).',
  order: 'Order catalog items and act on the owner’s requests and services.',
  'git:read': 'Clone and fetch the portal’s hosted repositories.',
  'git:push': 'Push to the portal’s hosted repositories.',
  admin: 'Every other change the owner may make (catalog, providers, repositories, users).',
};

interface Rule {
  /** 'signed-in': anyone signed in, whatever their roles (their own account). */
  roles: readonly Role[] | 'signed-in';
  scope: Scope;
}

const everyone = ROLES;
const readers = ['administrator', 'operator', 'designer', 'auditor'] as const;

/** permission → the roles that have it and the token scope that carries it. */
export const PERMISSIONS = {
  /** Catalog items, catalogs, dialogs as a form (to order). */
  'catalog:read': { roles: everyone, scope: 'read' },
  /** Catalog items, dialogs, state machines: create, change, delete, import; the catalog as files. */
  'catalog:write': { roles: ['administrator', 'designer'], scope: 'admin' },
  'catalog:export': { roles: readers, scope: 'read' },
  /** Order an item; reconfigure, retire, resume, cancel what one may see (own, or all with requests:all). */
  order: { roles: ['administrator', 'operator', 'designer', 'requester'], scope: 'order' },
  /** Requests, services, jobs and their events: one's own, or all with requests:all. */
  'requests:read': { roles: everyone, scope: 'read' },
  /** Not an operation: widens requests:read and order from one's own to everyone's. */
  'requests:all': { roles: ['administrator', 'operator', 'approver', 'auditor'], scope: 'read' },
  /** Force-retire a service whose target is gone: marked retired with no playbook run, recorded with who and why. */
  'services:force': { roles: ['administrator'], scope: 'admin' },
  /** Approve or deny orders waiting for approval in one's tenants (not one's own): the approval inbox. */
  approve: { roles: ['administrator', 'approver'], scope: 'order' },
  'providers:read': { roles: readers, scope: 'read' },
  'providers:write': { roles: ['administrator', 'operator'], scope: 'admin' },
  'git:read': { roles: readers, scope: 'read' },
  'git:write': { roles: ['administrator', 'designer'], scope: 'admin' },
  /** The git remote: clone and fetch. */
  'git:fetch': { roles: readers, scope: 'git:read' },
  /** The git remote: push. */
  'git:push': { roles: ['administrator', 'designer'], scope: 'git:push' },
  /** VNF packages of one's tenants: list, read the descriptor, fetch the package and its artifacts. */
  'vnf:read': { roles: readers, scope: 'read' },
  /** Enable, disable and delete VNF packages (they are on-boarded by git push or refresh), abort a deletion. */
  'vnf:write': { roles: ['administrator', 'operator'], scope: 'admin' },
  'users:read': { roles: ['administrator', 'auditor'], scope: 'read' },
  'users:write': { roles: ['administrator'], scope: 'admin' },
  /** The audit trail (auditEvents, and the CSV export at /api/audit.csv). */
  'audit:read': { roles: ['administrator', 'auditor'], scope: 'read' },
  /** Alarms of one's tenants: list, count, follow. */
  'alarms:read': { roles: ['administrator', 'operator', 'auditor'], scope: 'read' },
  /** Acknowledge and clear alarms of one's tenants. */
  'alarms:write': { roles: ['administrator', 'operator'], scope: 'admin' },
  /** The BullMQ queues and their workers: counts, oldest waiting job, failed jobs with their error. Portal-wide: read in the root tenant only. */
  'queues:read': { roles: ['administrator', 'operator', 'auditor'], scope: 'read' },
  /** Retry a failed queue job. Portal-wide: in the root tenant only. */
  'queues:write': { roles: ['administrator', 'operator'], scope: 'admin' },
  /** Notifications of a whole tenant (any request, alarm, repository): subscriptions to them, webhook endpoints and their deliveries. */
  'notifications:tenant': { roles: ['administrator', 'operator'], scope: 'admin' },
  /** One's own account: who am I, sign out. */
  'self:read': { roles: 'signed-in', scope: 'read' },
  /** One's own password and API tokens (a token may not mint tokens unless it has the admin scope). */
  'self:write': { roles: 'signed-in', scope: 'admin' },
} as const satisfies Record<string, Rule>;

export type Permission = keyof typeof PERMISSIONS;

/** Roles granted to one of the user's groups, which apply in the group's tenant and every tenant below it. */
export interface Grant {
  roles: readonly Role[];
  /** The group's tenant and all its descendants. */
  tenants: readonly string[];
}

/**
 * What a caller brings: the roles of their groups (where each applies), and the scopes of
 * the token (null: a session, every scope).
 */
export interface Rights {
  roles: readonly Role[];
  scopes: readonly Scope[] | null;
  grants: readonly Grant[];
  /** The tenant tree: each tenant's parent (null for the root). */
  parents: ReadonlyMap<string, string | null>;
}

export function can(rights: Rights, permission: Permission): boolean {
  const rule: Rule = PERMISSIONS[permission];
  if (rights.scopes && !rights.scopes.includes(rule.scope)) return false;
  const roles = rule.roles;
  return roles === 'signed-in' || rights.roles.some((role) => roles.includes(role));
}

/** The tenants in which the caller has `permission` (none when the token's scopes do not carry it). */
export function tenantsWith(rights: Rights, permission: Permission): string[] {
  if (!can(rights, permission)) return [];
  const rule: Rule = PERMISSIONS[permission];
  const out = new Set<string>();
  for (const grant of rights.grants) {
    if (rule.roles === 'signed-in' || grant.roles.some((r) => rule.roles.includes(r))) for (const t of grant.tenants) out.add(t);
  }
  return [...out];
}

/** Those tenants and all their ancestors: an item shared with an ancestor is shared with its descendants too. */
export function reachWith(rights: Rights, permission: Permission): string[] {
  const out = new Set<string>();
  for (let tenant of tenantsWith(rights, permission)) {
    while (!out.has(tenant)) {
      out.add(tenant);
      const parent = rights.parents.get(tenant);
      if (!parent) break;
      tenant = parent;
    }
  }
  return [...out];
}

/** A tenant and every tenant below it. */
export function subtree(parents: ReadonlyMap<string, string | null>, root: string): string[] {
  const children = new Map<string, string[]>();
  for (const [id, parent] of parents) if (parent) children.set(parent, [...(children.get(parent) ?? []), id]);
  const out: string[] = [];
  const stack = [root];
  while (stack.length) {
    const id = stack.pop()!;
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

/** Every permission the caller has, for the UI (which shows only what can be used). */
export function permissionsOf(rights: Rights): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(rights, p));
}

/** The permissions a role gives (those every signed-in user has included). */
export const permissionsOfRole = (role: Role): Permission[] => permissionsOf({ roles: [role], scopes: null, grants: [], parents: new Map() });

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
export const isScope = (value: string): value is Scope => (SCOPES as readonly string[]).includes(value);
