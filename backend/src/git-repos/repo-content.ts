/**
 * What a repository's tree may hold, checked on git's own listing of a commit before any
 * of it is written to disk or read by the portal: at push (the pre-receive hook), at
 * refresh and before an export. Pure functions, shared by the portal and the hook.
 */

export interface TreeEntry {
  path: string;
  /** git mode: 100644, 100755 (files), 120000 (symlink), 160000 (submodule commit). */
  mode: string;
  /** git object id of the content. */
  oid: string;
  /** Size in bytes of the content once unpacked (null for a submodule's commit). */
  size: number | null;
}

export const SYMLINK_MODE = '120000';

/** Branches and tags one push to a hosted repository may update. */
export const MAX_REF_UPDATES = 100;
/** Branches and tags a hosted repository may hold. */
export const MAX_REFS = 1000;

/** Parses `git ls-tree -r -z -l --full-tree <commit>`. */
export function parseTreeListing(out: string): TreeEntry[] {
  return out
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const tab = line.indexOf('\t');
      const [mode, , oid, size] = line.slice(0, tab).split(/ +/);
      return { mode, oid, path: line.slice(tab + 1), size: size === '-' ? null : Number(size) };
    });
}

/** Bytes the tree's files take once unpacked (what `git archive` would write). */
export function unpackedBytes(tree: Pick<TreeEntry, 'size'>[]): number {
  return tree.reduce((sum, f) => sum + (f.size ?? 0), 0);
}

export const mb = (bytes: number) => `${Math.ceil(bytes / 1024 / 1024)} MB`;

/** Why a tree's unpacked size is refused, or null when it fits. */
export function unpackedSizeProblem(tree: Pick<TreeEntry, 'size'>[], maxBytes: number): string | null {
  const bytes = unpackedBytes(tree);
  return bytes > maxBytes ? `its files take ${mb(bytes)} once unpacked, more than the ${mb(maxBytes)} allowed (GIT_MAX_REPO_MB)` : null;
}

/** Symbolic links followed in a row before a chain counts as a loop (Linux's own limit). */
const MAX_HOPS = 40;

export interface SymlinkProblem {
  path: string;
  target: string;
  why: 'absolute' | 'leaves the repository' | 'loops';
}

/**
 * The symbolic links of a tree whose target, followed as the file system would (through
 * the tree's other links), is absolute or leaves the tree's root, or loops. `links` maps
 * each link's path to its target (the content of its blob).
 */
export function escapingSymlinks(links: Map<string, string>): SymlinkProblem[] {
  const problems: SymlinkProblem[] = [];
  for (const [path, target] of links) {
    const why = resolve(path, links);
    if (why) problems.push({ path, target, why });
  }
  return problems.sort((a, b) => (a.path < b.path ? -1 : 1));
}

function resolve(linkPath: string, links: Map<string, string>): SymlinkProblem['why'] | null {
  const start = links.get(linkPath) ?? '';
  if (start.startsWith('/')) return 'absolute';
  const at = linkPath.split('/').slice(0, -1);
  let pending = start.split('/');
  let hops = 0;
  while (pending.length) {
    const part = pending.shift() as string;
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (at.length === 0) return 'leaves the repository';
      at.pop();
      continue;
    }
    at.push(part);
    const next = links.get(at.join('/'));
    if (next === undefined) continue;
    if (++hops > MAX_HOPS) return 'loops';
    if (next.startsWith('/')) return 'absolute';
    at.pop();
    pending = [...next.split('/'), ...pending];
  }
  return null;
}

/** One line per refused link, naming it. */
export function describeSymlink(p: SymlinkProblem): string {
  switch (p.why) {
    case 'absolute':
      return `${p.path}: a symbolic link to the absolute path ${p.target} (links must stay inside the repository)`;
    case 'leaves the repository':
      return `${p.path}: a symbolic link to ${p.target}, which leaves the repository`;
    case 'loops':
      return `${p.path}: a symbolic link to ${p.target}, which loops`;
  }
}
