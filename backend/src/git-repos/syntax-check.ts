import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BWRAP, findExecutable, programMounts, sandboxArgs } from '../system/sandbox-args.js';

/** Runs a program to completion without throwing on a non-zero exit. */
export type RunProgram = (
  file: string,
  args: string[],
  options: { cwd: string; env: Record<string, string> },
) => Promise<{ exitCode: number | undefined; stdout: string; stderr: string }>;

export type SyntaxResult = { ok: true } | { ok: false; error: string; line: number | null };

/**
 * The syntax of every playbook in `paths` (of an exported tree), with few processes: the
 * playbooks of one folder are checked by one `ansible-playbook --syntax-check` (a folder's
 * playbooks share its plugin and role folders, so checking them together finds what checking
 * each alone would); a batch that fails is split in two until each failing playbook is
 * checked alone, which gives its own message. `atOnce` batches run side by side.
 */
export async function syntaxCheckAll(
  run: RunProgram,
  ansiblePlaybook: string,
  treeDir: string,
  paths: string[],
  options: { sandbox?: boolean; atOnce?: number } = {},
): Promise<Map<string, SyntaxResult>> {
  const results = new Map<string, SyntaxResult>();
  const byFolder = new Map<string, string[]>();
  for (const path of paths) {
    const folder = byFolder.get(dirname(path));
    if (folder) folder.push(path);
    else byFolder.set(dirname(path), [path]);
  }
  const batches = [...byFolder.values()];
  const check = async (batch: string[]): Promise<void> => {
    const result = await syntaxCheck(run, ansiblePlaybook, treeDir, batch, options);
    if (result.ok || batch.length === 1) {
      for (const path of batch) results.set(path, result);
      return;
    }
    const half = Math.ceil(batch.length / 2);
    await check(batch.slice(0, half));
    await check(batch.slice(half));
  };
  const worker = async () => {
    for (let batch = batches.shift(); batch; batch = batches.shift()) await check(batch);
  };
  await Promise.all(Array.from({ length: options.atOnce ?? 2 }, worker));
  return results;
}

/**
 * `ansible-playbook --syntax-check` on playbooks of an exported tree, in a minimal
 * environment with its own temporary folder. The error is Ansible's own message, with
 * the temporary path taken out and the line where Ansible names one.
 *
 * A check still templates play keywords (`hosts`, `gather_facts`...), so a pushed playbook
 * could run code in it: unless `sandbox` is false (SANDBOX=off), it runs in a sandbox with
 * no network, the tree read-only and nothing else of the machine but the system.
 */
export async function syntaxCheck(
  run: RunProgram,
  ansiblePlaybook: string,
  treeDir: string,
  path: string | string[],
  options: { sandbox?: boolean } = {},
): Promise<SyntaxResult> {
  const home = await mkdtemp(join(tmpdir(), 'superfluid-syntax-'));
  try {
    // The repository's own ansible.cfg (callbacks, plugin paths) is not read: a check must run none of its code.
    const config = join(home, 'ansible.cfg');
    await writeFile(config, '[defaults]\n');
    const args = ['--syntax-check', '-i', 'localhost,', '--', ...(typeof path === 'string' ? [path] : path)];
    const executable = options.sandbox === false ? null : findExecutable(ansiblePlaybook);
    const [file, argv] = executable
      ? [
          BWRAP,
          [...sandboxArgs({ cwd: treeDir, readable: [treeDir, ...programMounts(executable)], writable: [home], network: false }, 3).args, executable, ...args],
        ]
      : [ansiblePlaybook, args];
    const result = await run(file, argv, {
      cwd: treeDir,
      env: {
        PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
        HOME: home,
        LANG: 'C.UTF-8',
        ANSIBLE_CONFIG: config,
        ANSIBLE_STDOUT_CALLBACK: 'default',
        ANSIBLE_CALLBACKS_ENABLED: '',
        ANSIBLE_VARS_ENABLED: 'host_group_vars',
        ANSIBLE_NOCOLOR: '1',
        ANSIBLE_FORCE_COLOR: '0',
        ANSIBLE_LOCAL_TEMP: join(home, 'tmp'),
        ANSIBLE_RETRY_FILES_ENABLED: '0',
        ANSIBLE_DEPRECATION_WARNINGS: '0',
        ANSIBLE_LOCALHOST_WARNING: '0',
        ANSIBLE_INVENTORY_UNPARSED_WARNING: '0',
      },
    });
    if (result.exitCode === 0) return { ok: true };
    return describeFailure(`${result.stderr}\n${result.stdout}`, treeDir);
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

/** Ansible's message, without the run's temporary paths, and the line it points at. */
export function describeFailure(output: string, treeDir: string): { ok: false; error: string; line: number | null } {
  const text = output.split(`${treeDir}/`).join('').split(treeDir).join('.').trim();
  const line = /line (\d+), column \d+/.exec(text);
  const lines = text
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l && !/^\[WARNING\]/.test(l) && !/^playbook: /.test(l));
  const message = lines
    .join('\n')
    .replace(/^ERROR! /, '')
    .slice(0, 2000);
  return { ok: false, error: message || 'ansible-playbook --syntax-check failed without a message', line: line ? Number(line[1]) : null };
}
