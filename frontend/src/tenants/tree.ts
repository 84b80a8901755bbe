// The tenant tree as the UI shows it: tenants in tree order (each parent before its children, siblings
// by name), with their depth and path ("Root / East / Sales"), and the tenants below one.

/** What the tree needs of a tenant. */
export interface TenantNode {
  id: string;
  name: string;
  parentId: string | null;
}

export type Placed<T extends TenantNode> = T & {
  /** 0 for a top tenant (the root, or one whose parent the caller cannot see). */
  depth: number;
  /** The names from the top down, "Root / East / Sales": what pickers show. */
  path: string;
  parentName: string | null;
};

export const PATH_SEPARATOR = ' / ';

/** `tenants` in tree order. A tenant whose parent is not among them is a top tenant (the list the
 * server gives holds one's tenants, those below and those above, so this is the root in practice). */
export function treeOrder<T extends TenantNode>(tenants: readonly T[]): Placed<T>[] {
  const byId = new Map(tenants.map((t) => [t.id, t]));
  const children = new Map<string | null, T[]>();
  for (const t of tenants) {
    const parent = t.parentId !== null && byId.has(t.parentId) ? t.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), t]);
  }
  const placed: Placed<T>[] = [];
  const visit = (parent: Placed<T> | null) => {
    const below = [...(children.get(parent?.id ?? null) ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    for (const t of below) {
      const row: Placed<T> = {
        ...t,
        depth: parent ? parent.depth + 1 : 0,
        path: parent ? `${parent.path}${PATH_SEPARATOR}${t.name}` : t.name,
        parentName: parent?.name ?? null,
      };
      placed.push(row);
      visit(row);
    }
  };
  visit(null);
  return placed;
}

/** The ids of the tenant `id` and of every tenant below it. */
export function subtreeIds(tenants: readonly TenantNode[], id: string): Set<string> {
  const ids = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of tenants) {
      if (t.parentId !== null && ids.has(t.parentId) && !ids.has(t.id)) {
        ids.add(t.id);
        grew = true;
      }
    }
  }
  return ids;
}
