/**
 * The pre-receive hook of repositories hosted by the portal: a push lands only when every
 * added or changed playbook passes `ansible-playbook --syntax-check` and the catalog files
 * validate. Git runs it with the pushed objects in quarantine, so a refused push leaves
 * nothing behind. What it prints reaches the pusher as "remote:" lines.
 *
 * Its settings come from the environment the portal gives `git http-backend`.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { readCatalog } from '../../catalog/catalog-files.js';
import type { TreeFile } from '../git-client.js';
import { isPlaybook, playbookCandidates } from '../playbook-discovery.js';
import { type RunProgram, syntaxCheck } from '../syntax-check.js';

const ZERO = /^0+$/;
const CHECKS_AT_ONCE = 2;

const git = async (args: string[]): Promise<string> => (await execa('git', args, { stripFinalNewline: false })).stdout;

const run: RunProgram = async (file, args, options) => {
  const r = await execa(file, args, { ...options, extendEnv: false, reject: false, timeout: 120_000 });
  return { exitCode: r.exitCode, stdout: String(r.stdout), stderr: String(r.stderr) };
};

async function listTree(commit: string): Promise<TreeFile[]> {
  return (await git(['ls-tree', '-r', '-z', '--full-tree', commit]))
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta, path] = line.split('\t', 2);
      const [mode, , oid] = meta.split(' ');
      return { mode, path, oid };
    });
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

  // Compare with what the pushed ref had, or, for a new branch, with the branch the portal uses.
  const base = !ZERO.test(oldRev) ? oldRev : (await refExists(`refs/heads/${branch}`)) ? `refs/heads/${branch}` : null;
  const changed = base
    ? new Set((await git(['diff', '--name-only', '-z', '--no-renames', '--diff-filter=AM', base, newRev])).split('\0').filter(Boolean))
    : new Set(tree.map((f) => f.path));
  if (changed.size === 0) return [];

  const dir = await mkdtemp(join(tmpdir(), 'superfluid-push-'));
  try {
    await execa('git', ['archive', '--format=tar', newRev]).pipe('tar', ['-x', '-f', '-', '-C', dir]);
    const candidates = playbookCandidates(tree.filter((f) => changed.has(f.path)));
    const playbooks: string[] = [];
    for (const path of candidates) {
      if (isPlaybook(await readFile(join(dir, path), 'utf8'))) playbooks.push(path);
    }
    const ansible = process.env.SUPERFLUID_ANSIBLE_PLAYBOOK ?? 'ansible-playbook';
    let next = 0;
    const worker = async () => {
      while (next < playbooks.length) {
        const path = playbooks[next++];
        const result = await syntaxCheck(run, ansible, dir, path, { sandbox: process.env.SUPERFLUID_SANDBOX !== 'off' });
        if (!result.ok) problems.push(`${path}${result.line ? `, line ${result.line}` : ''}: ${result.error}`);
      }
    };
    await Promise.all(Array.from({ length: CHECKS_AT_ONCE }, worker));

    if ([...changed].some((p) => p.startsWith('catalog/')) && existsSync(join(dir, 'catalog'))) {
      try {
        await readCatalog(join(dir, 'catalog'));
      } catch (err) {
        problems.push(...(err as Error).message.split('\n').slice(1).map((l) => l.trim()));
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return problems.sort().map((p) => `${short}: ${p}`);
}

async function main(): Promise<number> {
  const branch = process.env.SUPERFLUID_BRANCH ?? 'main';
  let input = '';
  for await (const chunk of process.stdin) input += String(chunk);
  const problems: string[] = [];
  for (const line of input.split('\n').filter(Boolean)) {
    const [oldRev, newRev, ref] = line.split(' ');
    problems.push(...(await checkUpdate(oldRev, newRev, ref, branch)));
  }
  if (problems.length === 0) return 0;
  process.stderr.write(`Superfluid refused this push; nothing of it was stored:\n${problems.map((p) => `  ${p.replace(/\n/g, '\n    ')}`).join('\n')}\n`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    process.stderr.write(`Superfluid could not check this push, so it was refused: ${err.message}\n`);
    process.exit(1);
  },
);
