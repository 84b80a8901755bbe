import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Options } from 'execa';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { ProcessRunner } from './process-runner.js';
import { BWRAP, findExecutable, programMounts, type SandboxFile, type SandboxSpec, sandboxArgs, sandboxEnv } from './sandbox-args.js';

export type { SandboxFile, SandboxSpec } from './sandbox-args.js';

/** Where tmpfs folders go: RAM, so credentials never reach a disk. */
const SHM = '/dev/shm';

/**
 * The one place Ansible processes are started from: each in a bubblewrap sandbox built for
 * what its caller says it needs (see sandbox-args.ts for what the box holds). On by
 * default; SANDBOX=off starts them as they are, for a developer who asks, with a warning
 * at start. Also owns the tmpfs folders where credentials wait (in RAM) until a sandbox
 * takes them.
 */
@Injectable()
export class Sandbox implements OnModuleInit {
  private readonly logger = new Logger(Sandbox.name);
  readonly enabled: boolean;
  /** This process's tmpfs folders: /dev/shm/superfluid-<uid>-<hash of DATA_DIR> (0700). */
  readonly tmpfsRoot: string;

  constructor(
    private readonly processes: ProcessRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.enabled = config.sandbox;
    const key = createHash('sha256').update(config.dataDir).digest('hex').slice(0, 12);
    const shm = isDirectory(SHM);
    this.tmpfsRoot = shm ? join(SHM, `superfluid-${process.getuid?.() ?? 0}-${key}`) : join(config.dataDir, 'tmpfs');
    if (!shm) this.logger.warn(`${SHM} is missing: credentials wait on disk in ${this.tmpfsRoot} until a run's sandbox takes them`);
  }

  /** Refuses to start when the sandbox cannot be made (no bwrap, no user namespaces), saying what to do. */
  async onModuleInit(): Promise<void> {
    if (!this.enabled) {
      this.logger.warn(
        "SANDBOX=off: playbooks, syntax checks and inventory checks run WITHOUT a sandbox, as this process's user: " +
          "a playbook can read DATA_DIR (the secret key, credentials of other runs), this process's environment and " +
          'everything that user can. For development only.',
      );
      return;
    }
    const { args } = sandboxArgs({ cwd: '/', network: false }, 3);
    const probe = await this.processes.spawn(BWRAP, [...args, 'true'], {
      reject: false,
      extendEnv: false,
      env: { PATH: '/usr/bin:/bin' },
      stdin: 'ignore',
      timeout: 30_000,
    });
    if (probe.exitCode !== 0) {
      throw new Error(
        `every Ansible process runs in a bubblewrap sandbox, and none could be made: ${String(probe.stderr || probe.message).trim()}. ` +
          'Install it (apt-get install bubblewrap), allow user namespaces (sysctl kernel.unprivileged_userns_clone=1; ' +
          'in a container: security_opt seccomp=unconfined and apparmor=unconfined), or, for development only, set SANDBOX=off.',
      );
    }
  }

  /**
   * Starts `file args` in a sandbox made for `spec` (as it is when SANDBOX=off, where `spec`
   * is ignored and secret files must already be on disk). The environment is the caller's
   * `options.env`, with HOME and TMPDIR of the sandbox's own; secrets go through the
   * environment and pipes, never through bwrap's arguments (which /proc shows everyone).
   * `options.stdio`, when given, must be an array; secret files take the descriptors after it.
   */
  spawn<O extends Options>(file: string, args: readonly string[], options: O, spec: SandboxSpec) {
    if (!this.enabled) return this.processes.spawn(file, args, options);
    const executable = findExecutable(file, options.env?.PATH);
    // Nothing to run: started as it is, it fails as a missing program does (ENOENT), and runs no code.
    if (!executable) return this.processes.spawn(file, args, options);
    const stdio = (Array.isArray(options.stdio) ? [...(options.stdio as unknown[])] : ['ignore', 'pipe', 'pipe']) as unknown[];
    const readable = [...(spec.readable ?? []), ...programMounts(executable)];
    const box = sandboxArgs({ ...spec, readable }, stdio.length);
    for (const input of box.inputs) stdio.push(new Uint8Array(input.buffer, input.byteOffset, input.byteLength));
    return this.processes.spawn(BWRAP, [...box.args, executable, ...args], {
      ...options,
      stdio,
      extendEnv: false,
      env: sandboxEnv(options.env ?? {}),
    } as O);
  }

  /**
   * Sends `signal` to what runs in the sandbox led by `pid` (a process started detached by
   * `spawn`, leading its own group), but not to bubblewrap itself: bubblewrap dying kills the
   * box at once with SIGKILL, and a SIGTERM must give Ansible its chance to stop. SIGKILL, or
   * SANDBOX=off, goes to the whole group.
   */
  signal(pid: number | undefined, signal: NodeJS.Signals): void {
    if (!pid) return;
    if (!this.enabled || signal === 'SIGKILL') {
      kill(-pid, signal);
      return;
    }
    const keep = new Set([pid, ...children(pid)]);
    for (const other of groupMembers(pid)) if (!keep.has(other)) kill(other, signal);
  }

  /** A new folder (0700) on tmpfs, for credentials on their way into a sandbox. */
  async tmpfsFolder(prefix: string): Promise<string> {
    await mkdir(this.tmpfsRoot, { recursive: true, mode: 0o700 });
    return mkdtemp(join(this.tmpfsRoot, prefix));
  }

  /** The tmpfs folder of a run (made when missing). */
  async runFolder(jobId: string): Promise<string> {
    const dir = join(this.tmpfsRoot, `run-${jobId}`);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    return dir;
  }

  /** Names of this process's tmpfs entries (to sweep what a dead process left). */
  async tmpfsEntries(): Promise<string[]> {
    return readdir(this.tmpfsRoot).catch(() => [] as string[]);
  }

  async removeTmpfs(name: string): Promise<void> {
    await removeTree(join(this.tmpfsRoot, name));
  }

  /**
   * Reads the files under `hostDir` into memory as files of the sandbox under `sandboxDir`
   * (same relative paths and modes), then removes `hostDir`: from then on they exist only
   * in this process's memory and in the sandbox's own tmpfs.
   */
  async takeFiles(hostDir: string, sandboxDir: string): Promise<SandboxFile[]> {
    const files: SandboxFile[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) await walk(path);
        else if (entry.isFile()) {
          const [content, st] = await Promise.all([readFile(path), lstat(path)]);
          files.push({ path: join(sandboxDir, relative(hostDir, path)), content, mode: st.mode & 0o777 });
        }
      }
    };
    try {
      await walk(hostDir);
    } finally {
      await removeTree(hostDir);
    }
    return files;
  }
}

/**
 * Removes a folder a sandboxed process wrote into, even where it took its own write or
 * search permission away from a folder (as the owner, we give it back first).
 */
export async function removeTree(dir: string): Promise<void> {
  try {
    await rm(dir, { recursive: true, force: true });
    return;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EACCES' && (err as NodeJS.ErrnoException).code !== 'EPERM') throw err;
  }
  const open = async (d: string): Promise<void> => {
    await chmod(d, 0o700).catch(() => undefined);
    for (const entry of await readdir(d, { withFileTypes: true }).catch(() => [])) if (entry.isDirectory()) await open(join(d, entry.name));
  };
  await open(dir);
  await rm(dir, { recursive: true, force: true });
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function kill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // gone already
  }
}

function children(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** The processes of process group `pgid` (from /proc: field 5 of stat, after the command name in parentheses). */
function groupMembers(pgid: number): number[] {
  const members: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) members.push(Number(name));
    } catch {
      // exited meanwhile
    }
  }
  return members;
}
