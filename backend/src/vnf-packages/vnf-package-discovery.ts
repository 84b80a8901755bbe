/**
 * Where VNF packages are in a repository, and what makes one valid. A package is a folder
 * `vnf-packages/<name>/` holding `vnfd.yaml` (the descriptor) and its artifacts: every other
 * file of the folder, at any depth (Heat templates, Kubernetes manifests, playbooks, env
 * files). Files directly in vnf-packages/ (a README) are not packages.
 *
 * Pure: the caller reads the files (the push hook from the pushed tree, the refresher from
 * its mirror). Problems are whole sentences starting with the file they are about:
 * `vnf-packages/edge/vnfd.yaml: vdu[1] (pod1).vduParent: "vm9" names no VDU of this descriptor`.
 */
import { createHash } from 'node:crypto';
import { MAX_VNFD_BYTES, validateVnfd } from './vnfd-validation.js';
import type { Vnfd } from './vnfd.schema.js';

export const PACKAGES_DIR = 'vnf-packages';
export const DESCRIPTOR = 'vnfd.yaml';
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
const REGULAR = new Set(['100644', '100755']);

export interface TreeItem {
  path: string;
  mode: string;
  size?: number | null;
}

export interface Artifact {
  /** Relative to the package's folder. */
  path: string;
  size: number;
  sha256: string;
}

export interface FoundPackage {
  name: string;
  /** vnf-packages/<name> */
  path: string;
  vnfd: Vnfd;
  artifacts: Artifact[];
  /** The sha256 of the descriptor and every artifact: a package whose content did not change keeps it. */
  contentHash: string;
}

/** The package folders of a tree: name → its files (paths from the repository's root). */
export function packageFolders(tree: readonly TreeItem[]): Map<string, TreeItem[]> {
  const folders = new Map<string, TreeItem[]>();
  for (const f of tree) {
    const parts = f.path.split('/');
    if (parts[0] !== PACKAGES_DIR || parts.length < 3) continue;
    const list = folders.get(parts[1]) ?? [];
    list.push(f);
    folders.set(parts[1], list);
  }
  return new Map([...folders.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/** The most a package's files may hold together (each is read to be hashed at every refresh). */
const MAX_PACKAGE_BYTES = 100 * 1024 * 1024;

/** What must hold before any file of the package is read: its name, a descriptor, only plain files. */
export function folderProblems(name: string, files: readonly TreeItem[]): string[] {
  const folder = `${PACKAGES_DIR}/${name}`;
  if (!NAME.test(name)) return [`${folder}: a package's folder name is letters, digits, dots, dashes and underscores (at most 63)`];
  const problems: string[] = [];
  const descriptor = files.find((f) => f.path === `${folder}/${DESCRIPTOR}`);
  if (!descriptor) problems.push(`${folder}: a VNF package needs a ${DESCRIPTOR} (its descriptor)`);
  else if ((descriptor.size ?? 0) > MAX_VNFD_BYTES)
    problems.push(`${folder}/${DESCRIPTOR}: larger than ${MAX_VNFD_BYTES / 1024 / 1024} MB: too large for a descriptor`);
  let total = 0;
  for (const f of files) {
    if (!REGULAR.has(f.mode)) problems.push(`${f.path}: a package holds plain files only (this is a ${f.mode === '120000' ? 'symbolic link' : 'submodule'})`);
    // Control characters (a newline) in a name would split the batch that reads the files.
    if (/[\u0000-\u001f\u007f]/.test(f.path)) problems.push(`${JSON.stringify(f.path)}: a file name with a control character (a newline, a tab)`);
    total += f.size ?? 0;
  }
  if (total > MAX_PACKAGE_BYTES) problems.push(`${folder}: its files hold more than ${MAX_PACKAGE_BYTES / 1024 / 1024} MB: too large for a package`);
  return problems;
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/**
 * Validates one package whose files were read (`content` by path from the repository's root).
 * Returns it, or its problems.
 */
export function checkPackage(
  name: string,
  files: readonly TreeItem[],
  content: ReadonlyMap<string, Buffer>,
): { ok: true; pkg: FoundPackage } | { ok: false; problems: string[] } {
  const early = folderProblems(name, files);
  if (early.length) return { ok: false, problems: early };
  const folder = `${PACKAGES_DIR}/${name}`;
  const relative = files.map((f) => f.path.slice(folder.length + 1)).sort();
  const text = content.get(`${folder}/${DESCRIPTOR}`)?.toString('utf8') ?? '';
  const result = validateVnfd(text, new Set(relative));
  if (!result.ok) return { ok: false, problems: result.problems.map((p) => `${folder}/${DESCRIPTOR}: ${p}`) };
  const artifacts = relative
    .filter((p) => p !== DESCRIPTOR)
    .map((path) => {
      const data = content.get(`${folder}/${path}`) ?? Buffer.alloc(0);
      return { path, size: data.length, sha256: sha256(data) };
    });
  const contentHash = sha256([`${DESCRIPTOR} ${sha256(text)}`, ...artifacts.map((a) => `${a.path} ${a.sha256}`)].join('\n'));
  return { ok: true, pkg: { name, path: folder, vnfd: result.vnfd, artifacts, contentHash } };
}

/** Every package of a tree, checked: the valid ones, and the problems of the others (sorted). */
export async function discoverPackages(
  tree: readonly TreeItem[],
  read: (paths: string[]) => Promise<ReadonlyMap<string, Buffer>>,
): Promise<{ packages: FoundPackage[]; problems: string[] }> {
  const packages: FoundPackage[] = [];
  const problems: string[] = [];
  for (const [name, files] of packageFolders(tree)) {
    const early = folderProblems(name, files);
    if (early.length) {
      problems.push(...early);
      continue;
    }
    const result = checkPackage(name, files, await read(files.map((f) => f.path)));
    if (result.ok) packages.push(result.pkg);
    else problems.push(...result.problems);
  }
  return { packages, problems };
}
