import { existsSync } from 'node:fs';
import { appendFile, chmod, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Injectable } from '@nestjs/common';
import { simpleGit } from 'simple-git';
import { ProcessRunner } from '../system/process-runner.js';
import { parseTreeListing, type TreeEntry } from './repo-content.js';

const IDENTITY = {
  GIT_AUTHOR_NAME: 'Superfluid',
  GIT_AUTHOR_EMAIL: 'superfluid@localhost',
  GIT_COMMITTER_NAME: 'Superfluid',
  GIT_COMMITTER_EMAIL: 'superfluid@localhost',
};

/**
 * A minimal environment for git: it never asks a question, ignores the machine's system
 * config, and sees none of the portal's own variables (secrets included).
 */
const quietEnv = (extra: Record<string, string> = {}): Record<string, string> => ({
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: process.env.HOME ?? '/tmp',
  LANG: 'C.UTF-8',
  GIT_TERMINAL_PROMPT: '0',
  GIT_CONFIG_NOSYSTEM: '1',
  ...extra,
});

/** simple-git with the quiet environment (its guard lets through only the two variables named). */
const porcelain = (baseDir?: string) =>
  simpleGit({
    ...(baseDir ? { baseDir } : {}),
    allowEnvironment: ['GIT_TERMINAL_PROMPT', 'GIT_CONFIG_NOSYSTEM'],
    // A clone or fetch that prints nothing for two minutes is stuck: stop it.
    timeout: { block: 120_000 },
  }).env(quietEnv());

/** The compiled pre-receive hook that checks pushes to hosted repositories. */
export const PRE_RECEIVE_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'hooks', 'pre-receive.js');
/** Where publishFolder remembers the last commit it made from the folder. */
const FOLDER_REF = 'refs/superfluid/folder';

const shellQuote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

/** A file of each mirror's own, included by its config, that holds the credential during a fetch only. */
const AUTH_CONFIG = 'superfluid-auth.config';

/** How a fetch authenticates: an HTTPS token, or an SSH key (with its passphrase, if any). */
export type GitAuth = { kind: 'token'; username: string; token: string } | { kind: 'ssh'; privateKey: string; passphrase?: string };

/** One file of a commit's tree, with its unpacked size. */
export type TreeFile = TreeEntry;

/** Wraps git (simple-git for the porcelain, git itself for plumbing streams). */
@Injectable()
export class GitClient {
  constructor(private readonly processes: ProcessRunner) {}

  /**
   * A bare repository the portal hosts and serves over smart HTTP: created when missing,
   * with the pre-receive hook that checks pushes and git's own limit on a push's size.
   */
  async ensureHosted(bareDir: string, branch: string, maxPushBytes: number): Promise<void> {
    if (!existsSync(join(bareDir, 'HEAD'))) {
      await mkdir(bareDir, { recursive: true });
      await this.git(['init', '--bare', '--quiet', `--initial-branch=${branch}`, bareDir]);
    }
    const settings: [string, string][] = [
      ['http.receivepack', 'true'],
      ['http.uploadpack', 'true'],
      ['receive.fsckObjects', 'true'],
      ['receive.maxInputSize', String(maxPushBytes)],
      ['core.hooksPath', join(bareDir, 'hooks')],
    ];
    for (const [key, value] of settings) await this.git(['--git-dir', bareDir, 'config', key, value]);
    await mkdir(join(bareDir, 'hooks'), { recursive: true });
    const hook = join(bareDir, 'hooks', 'pre-receive');
    await writeFile(hook, `#!/bin/sh\nexec ${shellQuote(process.execPath)} ${shellQuote(PRE_RECEIVE_SCRIPT)}\n`);
    await chmod(hook, 0o755);
  }

  /**
   * Commits the content of `folder` to `branch` of the bare repository `bareDir` when the
   * folder changed since it was last published. Commits pushed to the branch meanwhile
   * stay as they are until the folder itself changes again. Returns the branch's commit.
   */
  async publishFolder(folder: string, bareDir: string, branch: string, message: string): Promise<string> {
    const tmp = await mkdtemp(join(tmpdir(), 'superfluid-index-'));
    try {
      const env = quietEnv({ ...IDENTITY, GIT_INDEX_FILE: join(tmp, 'index'), GIT_DIR: bareDir, GIT_WORK_TREE: folder });
      const git = (args: string[]) => this.processes.run('git', args, { cwd: folder, env, extendEnv: false });
      const lookup = (ref: string) => git(['rev-parse', '--verify', '--quiet', ref]).catch(() => '');
      await git(['add', '--all', '.']);
      const tree = await git(['write-tree']);
      const parent = await lookup(`refs/heads/${branch}`);
      const published = await lookup(`${FOLDER_REF}^{tree}`);
      if (parent && published === tree) return parent;
      if (parent && (await lookup(`${parent}^{tree}`)) === tree) {
        await git(['update-ref', FOLDER_REF, parent]);
        return parent;
      }
      const commit = await git(['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', message]);
      await git(['update-ref', `refs/heads/${branch}`, commit]);
      await git(['update-ref', FOLDER_REF, commit]);
      return commit;
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }

  /** Size in bytes of a repository's objects (loose and packed). */
  async repoSize(gitDir: string): Promise<number> {
    const out = await this.processes.run('git', ['count-objects', '-v'], { cwd: gitDir, env: quietEnv(), extendEnv: false });
    const kib = (key: string) => Number(new RegExp(`^${key}: (\\d+)`, 'm').exec(out)?.[1] ?? 0);
    return (kib('size') + kib('size-pack')) * 1024;
  }

  /**
   * Clones `url` as a bare mirror into `mirrorDir`, or fetches into it when it exists.
   * A credential is put in a file of the mirror's own (mode 0600) for the fetch only:
   * never in git's arguments or environment, and never through simple-git's unsafe options.
   */
  async mirror(url: string, mirrorDir: string, auth: GitAuth | null = null, knownHosts?: string): Promise<void> {
    await this.ensureMirror(url, mirrorDir);
    await this.withAuth(mirrorDir, auth, knownHosts, () => porcelain(mirrorDir).fetch(['--prune', '--quiet', 'origin']));
  }

  /**
   * A bare mirror whose `origin` is `url`: made when missing, its remote moved when another
   * (a worker given PORTAL_URL fetches hosted repositories over HTTP, no longer from a folder).
   */
  private async ensureMirror(url: string, mirrorDir: string): Promise<void> {
    const run = (args: string[]) => this.processes.run('git', args, { cwd: mirrorDir, env: quietEnv(), extendEnv: false });
    if (!existsSync(join(mirrorDir, 'HEAD'))) {
      await mkdir(mirrorDir, { recursive: true });
      await this.git(['init', '--bare', '--quiet', mirrorDir]);
      await run(['remote', 'add', '--mirror=fetch', 'origin', url]);
      return;
    }
    const current = await run(['config', '--get', 'remote.origin.url']).catch(() => '');
    if (current.trim() !== url) await run(['remote', 'set-url', 'origin', url]);
  }

  /** The commit `refs/heads/<branch>` points at on `url` (the mirror's remote), without fetching; null when absent. */
  async remoteHead(url: string, mirrorDir: string, branch: string, auth: GitAuth | null = null, knownHosts?: string): Promise<string | null> {
    await this.ensureMirror(url, mirrorDir);
    const out = await this.withAuth(mirrorDir, auth, knownHosts, () => porcelain(mirrorDir).listRemote(['origin', `refs/heads/${branch}`]));
    const line = out.split('\n').find((l) => l.endsWith(`\trefs/heads/${branch}`));
    return line ? line.split('\t')[0] : null;
  }

  private async withAuth<T>(mirrorDir: string, auth: GitAuth | null, knownHosts: string | undefined, work: () => Promise<T>): Promise<T> {
    const config = join(mirrorDir, 'config');
    if (!(await readFile(config, 'utf8')).includes(AUTH_CONFIG)) await appendFile(config, `[include]\n\tpath = ${AUTH_CONFIG}\n`);
    const authFile = join(mirrorDir, AUTH_CONFIG);
    if (!auth) {
      // One a crash left behind must not keep sending a credential the repository no longer has.
      await rm(authFile, { force: true });
      return work();
    }
    const secrets = await mkdtemp(join(tmpdir(), 'superfluid-git-auth-'));
    try {
      let text: string;
      if (auth.kind === 'token') {
        const basic = Buffer.from(`${auth.username}:${auth.token}`).toString('base64');
        text = `[http]\n\textraHeader = Authorization: Basic ${basic}\n`;
      } else {
        const key = join(secrets, 'id');
        await writeFile(key, auth.privateKey.endsWith('\n') ? auth.privateKey : `${auth.privateKey}\n`, { mode: 0o600 });
        let prefix = '';
        if (auth.passphrase) {
          // ssh asks its askpass program for the passphrase; the program reads it from a 0600 file.
          await writeFile(join(secrets, 'passphrase'), auth.passphrase, { mode: 0o600 });
          await writeFile(join(secrets, 'askpass'), `#!/bin/sh\nexec cat ${shellQuote(join(secrets, 'passphrase'))}\n`, { mode: 0o700 });
          prefix = `SSH_ASKPASS=${shellQuote(join(secrets, 'askpass'))} SSH_ASKPASS_REQUIRE=force `;
        }
        const hosts = knownHosts ? ` -o UserKnownHostsFile=${shellQuote(knownHosts)}` : '';
        const command = `${prefix}ssh -i ${shellQuote(key)} -o IdentitiesOnly=yes -o BatchMode=${auth.passphrase ? 'no' : 'yes'} -o StrictHostKeyChecking=accept-new${hosts}`;
        text = `[core]\n\tsshCommand = "${command.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"\n`;
      }
      await writeFile(authFile, text, { mode: 0o600 });
      return await work();
    } finally {
      await rm(authFile, { force: true });
      await rm(secrets, { recursive: true, force: true });
    }
  }

  /** True when the repository has at least one ref (a hosted repository nobody pushed to has none). */
  async hasRefs(gitDir: string): Promise<boolean> {
    const out = await this.processes.run('git', ['for-each-ref', '--count=1'], { cwd: gitDir, env: quietEnv(), extendEnv: false });
    return out.trim().length > 0;
  }

  /** Removes a repository's mirror. */
  async removeMirror(mirrorDir: string): Promise<void> {
    await rm(mirrorDir, { recursive: true, force: true });
  }

  /** Puts the mirror `from` in the place of `to` (removed first). */
  async moveMirror(from: string, to: string): Promise<void> {
    await rm(to, { recursive: true, force: true });
    await rename(from, to);
  }

  /** The commit a branch, tag or commit id names in the mirror. */
  async resolve(mirrorDir: string, ref: string): Promise<string> {
    const out = await porcelain(mirrorDir).revparse(['--verify', '--quiet', `${ref}^{commit}`]);
    return out.trim();
  }

  /** True when the mirror exists and holds `commit`. */
  async hasCommit(mirrorDir: string, commit: string): Promise<boolean> {
    if (!existsSync(join(mirrorDir, 'HEAD'))) return false;
    return this.processes
      .run('git', ['cat-file', '-e', `${commit}^{commit}`], { cwd: mirrorDir, env: quietEnv(), extendEnv: false })
      .then(() => true)
      .catch(() => false);
  }

  /** Every file of the commit, with its mode, object id and unpacked size (sizes come from git's object headers: nothing is unpacked). */
  async listTree(mirrorDir: string, commit: string): Promise<TreeFile[]> {
    const out = await this.processes.run('git', ['ls-tree', '-r', '-z', '-l', '--full-tree', commit], { cwd: mirrorDir, env: quietEnv(), extendEnv: false });
    return parseTreeListing(out);
  }

  /** Reads several files of one commit with a single `git cat-file --batch`. */
  async readFiles(mirrorDir: string, commit: string, paths: string[]): Promise<Map<string, string>> {
    const blobs = await this.readBlobs(mirrorDir, commit, paths);
    return new Map([...blobs].map(([path, data]) => [path, data.toString('utf8')]));
  }

  /** Several files of one commit, as bytes, with a single `git cat-file --batch` (missing ones are left out). */
  async readBlobs(mirrorDir: string, commit: string, paths: string[]): Promise<Map<string, Buffer>> {
    const files = new Map<string, Buffer>();
    if (paths.length === 0) return files;
    const child = this.processes.spawn('git', ['cat-file', '--batch'], {
      cwd: mirrorDir,
      env: quietEnv(),
      extendEnv: false,
      input: paths.map((p) => `${commit}:${p}`).join('\n') + '\n',
      encoding: 'buffer',
      stripFinalNewline: false,
    });
    const { stdout } = await child;
    const buf = Buffer.from(stdout as Uint8Array);
    let at = 0;
    for (const path of paths) {
      const eol = buf.indexOf(10, at);
      const header = buf.subarray(at, eol).toString();
      at = eol + 1;
      if (header.endsWith(' missing')) continue;
      const size = Number(header.split(' ')[2]);
      files.set(path, Buffer.from(buf.subarray(at, at + size)));
      at += size + 1;
    }
    return files;
  }

  /** A zip of the folder `path` of `commit`, its files under `prefix/`. */
  async archiveFolder(mirrorDir: string, commit: string, path: string, prefix: string): Promise<Buffer> {
    const { stdout } = await this.processes.spawn('git', ['archive', '--format=zip', `--prefix=${prefix}/`, `${commit}:${path}`], {
      cwd: mirrorDir,
      env: quietEnv(),
      extendEnv: false,
      encoding: 'buffer',
      stripFinalNewline: false,
    });
    return Buffer.from(stdout as Uint8Array);
  }

  /** Writes the tree of `commit` into `dest` (which must exist): no .git, nothing else. */
  async exportTree(mirrorDir: string, commit: string, dest: string): Promise<void> {
    await this.processes
      .spawn('git', ['archive', '--format=tar', commit], { cwd: mirrorDir, env: quietEnv(), extendEnv: false })
      .pipe('tar', ['-x', '-f', '-', '-C', dest]);
  }

  private async git(args: string[]): Promise<string> {
    return this.processes.run('git', args, { env: quietEnv(), extendEnv: false });
  }
}
