/**
 * The pre-receive hook of repositories hosted by the portal: a push lands only when
 *  - it updates at most 100 refs, and leaves the repository with at most 1,000;
 *  - each pushed commit has at most GIT_MAX_FILES files, taking at most GIT_MAX_REPO_MB
 *    once unpacked (checked on git's object headers, before anything is unpacked);
 *  - its symbolic links stay inside the repository;
 *  - every added or changed YAML file where playbooks are discovered parses, and is a
 *    well-formed playbook if it is one (checked here, in Node), and every added or changed
 *    playbook passes `ansible-playbook --syntax-check`;
 *  - the catalog files validate;
 *  - every VNF package (vnf-packages/<name>/) validates, when one of them changed: its
 *    descriptor against the VNFD schema and its references (the element is named);
 *  - and all of it is done before the push's deadline (GIT_PUSH_TIMEOUT_SECONDS).
 * Git runs it with the pushed objects in quarantine, so a refused push leaves nothing
 * behind. What it prints reaches the pusher as "remote:" lines.
 *
 * Its settings come from the environment the portal gives `git http-backend`.
 */
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { readCatalog } from '../../catalog/catalog-files.js';
import { discoverPackages, PACKAGES_DIR } from '../../vnf-packages/vnf-package-discovery.js';
import { describeInvalid, examine, MAX_PLAYBOOK_BYTES, playbookCandidates, tooLargeCandidate } from '../playbook-discovery.js';
import {
  describeSymlink,
  escapingSymlinks,
  MAX_REF_UPDATES,
  MAX_REFS,
  parseTreeListing,
  SYMLINK_MODE,
  type TreeEntry,
  unpackedSizeProblem,
} from '../repo-content.js';
import { type RunProgram, syntaxCheckAll } from '../syntax-check.js';

const ZERO = /^0+$/;
/** Exported trees being checked: removed however the hook ends (its deadline exits at once). */
const exports = new Set<string>();
const CHECKS_AT_ONCE = 2;

const git = async (args: string[], input?: string): Promise<string> =>
  (await execa('git', args, { stripFinalNewline: false, ...(input === undefined ? {} : { input }) })).stdout;

const run: RunProgram = async (file, args, options) => {
  const r = await execa(file, args, { ...options, extendEnv: false, reject: false, timeout: 120_000 });
  return { exitCode: r.exitCode, stdout: String(r.stdout), stderr: String(r.stderr) };
};

async function listTree(commit: string): Promise<TreeEntry[]> {
  return parseTreeListing(await git(['ls-tree', '-r', '-z', '-l', '--full-tree', commit]));
}

/** The targets of the tree's symbolic links (their blobs), read in one `git cat-file --batch`. */
async function linkTargets(tree: TreeEntry[]): Promise<Map<string, string>> {
  const links = tree.filter((f) => f.mode === SYMLINK_MODE);
  const targets = new Map<string, string>();
  if (links.length === 0) return targets;
  const { stdout } = await execa('git', ['cat-file', '--batch'], {
    input: links.map((l) => l.oid).join('\n') + '\n',
    encoding: 'buffer',
    stripFinalNewline: false,
  });
  const buf = Buffer.from(stdout);
  let at = 0;
  for (const link of links) {
    const eol = buf.indexOf(10, at);
    const size = Number(buf.subarray(at, eol).toString().split(' ')[2]);
    targets.set(link.path, buf.subarray(eol + 1, eol + 1 + size).toString('utf8'));
    at = eol + 1 + size + 1;
  }
  return targets;
}

async function refExists(ref: string): Promise<boolean> {
  const r = await execa('git', ['rev-parse', '--verify', '--quiet', ref], { reject: false });
  return r.exitCode === 0;
}

async function checkUpdate(oldRev: string, newRev: string, ref: string, branch: string): Promise<string[]> {
  const problems: string[] = [];
  const short = ref.replace(/^refs\/(heads|tags)\//, '');
  if (ZERO.test(newRev)) {
    return ref === `refs/heads/${branch}` ? [`${short}: the portal runs playbooks from this branch; it cannot be deleted`] : [];
  }
  if (!/^refs\/(heads|tags)\//.test(ref)) return [`${ref}: only branches and tags can be pushed`];
  if ((await git(['cat-file', '-t', newRev])).trim() !== 'commit') return [`${short}: does not point at a commit`];

  const tree = await listTree(newRev);
  const maxFiles = Number(process.env.SUPERFLUID_GIT_MAX_FILES ?? 20_000);
  if (tree.length > maxFiles) return [`${short}: ${tree.length} files, more than the ${maxFiles} a repository may hold`];
  const tooBig = unpackedSizeProblem(tree, Number(process.env.SUPERFLUID_GIT_MAX_TREE_BYTES ?? 500 * 1024 * 1024));
  if (tooBig) return [`${short}: ${tooBig}`];
  // Every link of the tree, changed or not: a new link can send an old one outside.
  const links = escapingSymlinks(await linkTargets(tree));
  if (links.length) return links.map((l) => `${short}: ${describeSymlink(l)}`);

  // Compare with what the pushed ref had, or, for a new branch, with the branch the portal uses.
  const base = !ZERO.test(oldRev) ? oldRev : (await refExists(`refs/heads/${branch}`)) ? `refs/heads/${branch}` : null;
  const changed = base
    ? new Set((await git(['diff', '--name-only', '-z', '--no-renames', '--diff-filter=AM', base, newRev])).split('\0').filter(Boolean))
    : new Set(tree.map((f) => f.path));
  // Any change under vnf-packages/, deletions too (a descriptor may name a file just deleted).
  const packagesTouched = base
    ? (await git(['diff', '--name-only', '-z', '--no-renames', base, newRev, '--', `${PACKAGES_DIR}/`])).split('\0').some(Boolean)
    : tree.some((f) => f.path.startsWith(`${PACKAGES_DIR}/`));
  if (changed.size === 0 && !packagesTouched) return [];

  const dir = await mkdtemp(join(tmpdir(), 'superfluid-push-'));
  exports.add(dir);
  try {
    await execa('git', ['archive', '--format=tar', newRev]).pipe('tar', ['-x', '-f', '-', '-C', dir]);
    const candidates = playbookCandidates(tree.filter((f) => changed.has(f.path)));
    const playbooks: string[] = [];
    const sizes = new Map(tree.map((f) => [f.path, f.size ?? 0]));
    for (const path of candidates) {
      const found = (sizes.get(path) ?? 0) > MAX_PLAYBOOK_BYTES ? tooLargeCandidate : examine(await readFile(join(dir, path), 'utf8'));
      if (found.kind === 'playbook') playbooks.push(path);
      else if (found.kind === 'invalid') problems.push(`${path}, ${describeInvalid(found)}`);
    }
    const ansible = process.env.SUPERFLUID_ANSIBLE_PLAYBOOK ?? 'ansible-playbook';
    const results = await syntaxCheckAll(run, ansible, dir, playbooks, { sandbox: process.env.SUPERFLUID_SANDBOX !== 'off', atOnce: CHECKS_AT_ONCE });
    for (const [path, result] of results) {
      if (!result.ok) problems.push(`${path}${result.line ? `, line ${result.line}` : ''}: ${result.error}`);
    }

    if ([...changed].some((p) => p.startsWith('catalog/')) && existsSync(join(dir, 'catalog'))) {
      try {
        await readCatalog(join(dir, 'catalog'));
      } catch (err) {
        problems.push(
          ...(err as Error).message
            .split('\n')
            .slice(1)
            .map((l) => l.trim()),
        );
      }
    }

    if (packagesTouched) {
      const found = await discoverPackages(
        tree,
        async (paths) => new Map(await Promise.all(paths.map(async (p) => [p, await readFile(join(dir, p))] as const))),
      );
      problems.push(...found.problems);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
    exports.delete(dir);
  }
  return problems.sort().map((p) => `${short}: ${p}`);
}

/** Refused for the number of refs it updates or would leave; null when within the caps. */
async function refCountProblem(updates: string[][]): Promise<string | null> {
  if (updates.length > MAX_REF_UPDATES) return `it updates ${updates.length} branches and tags; a push may update at most ${MAX_REF_UPDATES}`;
  const existing = new Set((await git(['for-each-ref', '--format=%(refname)', 'refs/heads', 'refs/tags'])).split('\n').filter(Boolean));
  let after = existing.size;
  for (const [oldRev, newRev, ref] of updates) {
    if (ZERO.test(oldRev) && !ZERO.test(newRev) && !existing.has(ref)) after++;
    else if (ZERO.test(newRev) && existing.has(ref)) after--;
  }
  return after > MAX_REFS ? `the repository would hold ${after} branches and tags; it may hold at most ${MAX_REFS}` : null;
}

function refuse(problems: string[]): never {
  for (const dir of exports) rmSync(dir, { recursive: true, force: true });
  process.stderr.write(`Superfluid refused this push; nothing of it was stored:\n${problems.map((p) => `  ${p.replace(/\n/g, '\n    ')}`).join('\n')}\n`);
  process.exit(1);
}

async function main(): Promise<number> {
  const branch = process.env.SUPERFLUID_BRANCH ?? 'main';
  const deadline = Number(process.env.SUPERFLUID_PUSH_DEADLINE ?? 0);
  if (deadline) {
    // Exiting kills the checks still running (execa's children go with this process).
    const seconds = process.env.SUPERFLUID_PUSH_TIMEOUT_SECONDS ?? '?';
    setTimeout(
      () => refuse([`checking it took longer than the ${seconds} s a push may take (GIT_PUSH_TIMEOUT_SECONDS): push fewer or smaller changes at a time`]),
      Math.max(0, deadline - Date.now()),
    );
  }
  let input = '';
  for await (const chunk of process.stdin) input += String(chunk);
  const updates = input
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(' '));
  const tooMany = await refCountProblem(updates);
  if (tooMany) refuse([tooMany]);
  const problems: string[] = [];
  for (const [oldRev, newRev, ref] of updates) {
    problems.push(...(await checkUpdate(oldRev, newRev, ref, branch)));
  }
  if (problems.length === 0) return 0;
  refuse(problems);
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    process.stderr.write(`Superfluid could not check this push, so it was refused: ${err.message}\n`);
    process.exit(1);
  },
);
