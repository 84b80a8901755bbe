import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, symlink, truncate, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Builders for tests of hostile repository content: real git, run asynchronously (the
 * portal answering it runs in the test's own process, whose event loop must stay free).
 */

export const PLAY = (msg: string) => `- hosts: all\n  gather_facts: false\n  tasks:\n    - ansible.builtin.debug: { msg: "${msg}" }\n`;
/** A YAML typo: a flow mapping never closed. */
export const TYPO =
  '- hosts: all\n  gather_facts: false\n  tasks:\n    - ansible.builtin.debug: { msg: "unclosed"\n    - ansible.builtin.debug: { msg: next }\n';
/** Parses, but its second play is a task (no hosts). */
export const NOT_A_PLAY = '- hosts: all\n  tasks: []\n- name: stray task\n  ansible.builtin.debug: { msg: x }\n';

export type Run = (...args: string[]) => Promise<{ ok: boolean; out: string }>;

export function gitIn(dir: string, env: NodeJS.ProcessEnv = process.env): Run {
  return (...args) =>
    new Promise((resolve) => {
      const child = spawn('git', ['-c', 'user.name=Test', '-c', 'user.email=test@localhost', ...args], { cwd: dir, env });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      child.on('close', (code) => resolve({ ok: code === 0, out }));
    });
}

/** Writes files (a string), symbolic links ({ link }) or sparse files of n bytes ({ zeros }). */
export type Content = string | { link: string } | { zeros: number };
export async function write(dir: string, files: Record<string, Content>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const at = join(dir, path);
    await mkdir(dirname(at), { recursive: true });
    if (typeof content === 'string') await writeFile(at, content);
    else if ('link' in content) await symlink(content.link, at);
    else {
      await writeFile(at, '');
      await truncate(at, content.zeros);
    }
  }
}

/** A working clone of a hosted repository, talking to the portal over smart HTTP with a token. */
export async function pushClient(parent: string, cloneUrl: string, token: string) {
  const dir = await mkdtemp(join(parent, 'push-client-'));
  const auth = `Authorization: Basic ${Buffer.from(`anyone:${token}`).toString('base64')}`;
  const git = gitIn(dir, { ...process.env, GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.extraHeader', GIT_CONFIG_VALUE_0: auth, GIT_TERMINAL_PROMPT: '0' });
  const cloned = await git('clone', '--quiet', cloneUrl, '.');
  assert.ok(cloned.ok, cloned.out);
  await git('checkout', '--quiet', '-B', 'main');
  return {
    dir,
    git,
    async commit(files: Record<string, Content>, message: string) {
      await write(dir, files);
      await git('-c', 'core.compression=1', 'add', '--all');
      const made = await git('commit', '--quiet', '-m', message);
      assert.ok(made.ok, made.out);
      return (await git('rev-parse', 'HEAD')).out.trim();
    },
    push: (...refs: string[]) => git('push', 'origin', ...(refs.length ? refs : ['HEAD:main'])),
    /** Drops the last commit (a refused push leaves it only here). */
    undo: () => git('reset', '--quiet', '--hard', 'HEAD~1'),
  };
}

/** A plain repository in `parent`, fetched by the portal with a file:// URL. */
export async function upstreamIn(parent: string) {
  const dir = await mkdtemp(join(parent, 'upstream-'));
  const git = gitIn(dir);
  await git('init', '--quiet', '--initial-branch=main');
  return {
    url: `file://${dir}`,
    async commit(files: Record<string, Content>, message: string) {
      await write(dir, files);
      await git('add', '--all');
      const made = await git('commit', '--quiet', '-m', message);
      assert.ok(made.ok, made.out);
      return (await git('rev-parse', 'HEAD')).out.trim();
    },
  };
}

/** A team's repository: a playbook returning a greeting, its dialog, and a catalog item (named `name`) ordering it on a provider. */
export const TEAM_PLAY = `- name: Greet
  hosts: all
  gather_facts: false
  tasks:
    - ansible.builtin.set_stats: { data: { greeting: "Hi, {{ who }}" }, per_host: false }
`;
export const TEAM_DIALOG = `kind: Dialog
name: team-greeting
label: Team greeting
tabs:
  - label: Greeting
    boxes:
      - label: Who
        fields:
          - { name: provider, label: Provider, type: dropdown, required: true, dataSource: { type: providers } }
          - { name: who, label: Who, type: text, required: true }
`;
export const TEAM_TEMPLATE = (name: string) => `kind: ServiceTemplate
name: ${name}
description: From the team's own repository.
catalog: Team
type: ansible_playbook
dialog: team-greeting
provision:
  repo: team
  playbook: greet.yml
  provider: { field: provider }
  vars: { who: who }
`;
