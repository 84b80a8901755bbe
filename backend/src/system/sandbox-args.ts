/**
 * The bubblewrap command line that puts an Ansible process in a box of its own. Pure
 * functions of the file system, so the pre-receive hook (a process of its own, without
 * Nest) builds the same box as the backend's `Sandbox` service.
 *
 * What the process sees:
 * - the system read-only: /usr (with the /bin, /lib... links of a merged-/usr system) and
 *   the few files of /etc that name resolution, TLS, SSH and Python need (never shadow,
 *   sudoers, SSH host keys or other services' configuration);
 * - a fresh /proc of its own PID namespace (none of the portal's processes), a minimal
 *   /dev, a private /tmp and an empty HOME, all in memory;
 * - the folders its caller names, read-only or read-write, at their own paths, and files
 *   given through pipes onto a tmpfs of its own (credentials: never on disk, gone with it).
 * It runs as uid/gid 65534 (nobody) in a user namespace, keeps no capability, cannot make
 * user namespaces of its own, and is killed with its parent (SIGKILL, every process of it)
 * when the worker dies. Without `network`, it has only a loopback interface of its own.
 */
import { accessSync, constants, existsSync, lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join } from 'node:path';

export const BWRAP = 'bwrap';
/** The unprivileged user and group a sandboxed process runs as (nobody, nogroup). */
export const SANDBOX_UID = 65534;
/** Its home: an empty folder of its own. */
export const SANDBOX_HOME = '/home/sandbox';
/** Where a run finds the portal's callback plugin (bound read-only). */
export const SANDBOX_CALLBACKS = '/opt/superfluid/callback_plugins';

/** A file that exists only inside the sandbox. */
export interface SandboxFile {
  /** Absolute path inside the sandbox, under the spec's `secrets.dir`. */
  path: string;
  content: Buffer;
  mode: number;
}

export interface SandboxSpec {
  /** Working directory (inside the sandbox; usually one of the bound folders). */
  cwd: string;
  /** Folders bound read-write at their own path. */
  writable?: string[];
  /** Folders or files bound read-only at their own path. */
  readable?: string[];
  /** Folders or files bound read-only at another path. */
  mounts?: { source: string; target: string }[];
  /** A tmpfs at `dir` (mode 0700) holding `files`, each given through a pipe: never on disk, gone when the sandbox ends. */
  secrets?: { dir: string; files: SandboxFile[] };
  /** false: a network namespace of its own (loopback only). */
  network: boolean;
}

/**
 * The files of /etc a playbook's tools read: users and groups (ssh wants a name for its
 * uid), name resolution, TLS roots, the time zone, the dynamic linker's cache, the
 * alternatives links (`nc`), ssh's client configuration, Ansible's and Python's own.
 */
export const ETC_ENTRIES = [
  'passwd',
  'group',
  'hosts',
  'host.conf',
  'nsswitch.conf',
  'resolv.conf',
  'gai.conf',
  'services',
  'protocols',
  'localtime',
  'ld.so.cache',
  'alternatives',
  'ssl',
  'ca-certificates',
  'pki',
  'ansible',
  'python3',
  'os-release',
  'ssh/ssh_config',
  'ssh/ssh_config.d',
];

let systemCache: string[] | undefined;

/** The read-only view of the system: /usr, the top-level links of a merged-/usr layout, the allowed /etc files. */
export function systemArgs(): string[] {
  if (systemCache) return systemCache;
  const args = ['--ro-bind', '/usr', '/usr'];
  for (const top of ['/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32']) {
    const st = lstatSync(top, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isSymbolicLink()) args.push('--symlink', readlinkSync(top), top);
    else if (st.isDirectory()) args.push('--ro-bind', top, top);
  }
  for (const entry of ETC_ENTRIES) {
    const path = join('/etc', entry);
    // A link out of /etc (resolv.conf → /run/systemd/...) is followed: its target is bound at this path.
    if (existsSync(path)) args.push('--ro-bind', path, path);
  }
  systemCache = args;
  return args;
}

/** Where a program is, following PATH as execve would; null when there is no such executable. */
export function findExecutable(file: string, path = process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin'): string | null {
  const candidates = file.includes('/')
    ? [file]
    : path
        .split(delimiter)
        .filter(isAbsolute)
        .map((dir) => join(dir, file));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}

const SYSTEM_PREFIXES = ['/usr/', '/bin/', '/sbin/', '/lib/', '/lib64/'];

/**
 * Extra read-only folders a program needs when it lives outside the system folders (an
 * Ansible in a virtualenv, /opt/ansible/bin/ansible-playbook): the folder above its bin/.
 */
export function programMounts(executable: string): string[] {
  const paths = new Set([executable]);
  try {
    paths.add(realpathSync(executable));
  } catch {
    // a dangling link: execve will say so
  }
  return [...paths].filter((p) => !SYSTEM_PREFIXES.some((prefix) => p.startsWith(prefix))).map((p) => dirname(dirname(p)));
}

/**
 * bwrap's arguments for `spec`, up to and including `--`; the command follows. Secret files
 * are read from the file descriptors `firstFd`, `firstFd + 1`... in the order of `inputs`,
 * which the caller connects (as pipes) when it starts bwrap.
 */
export function sandboxArgs(spec: SandboxSpec, firstFd: number): { args: string[]; inputs: Buffer[] } {
  const args = [
    '--unshare-user',
    '--uid',
    String(SANDBOX_UID),
    '--gid',
    String(SANDBOX_UID),
    '--disable-userns',
    '--unshare-pid',
    '--unshare-ipc',
    '--unshare-cgroup-try',
    ...(spec.network ? [] : ['--unshare-net']),
    '--die-with-parent',
    ...systemArgs(),
    '--proc',
    '/proc',
    '--dev',
    '/dev',
    '--tmpfs',
    '/tmp',
    '--perms',
    '0700',
    '--dir',
    SANDBOX_HOME,
  ];
  for (const dir of spec.readable ?? []) args.push('--ro-bind', dir, dir);
  for (const dir of spec.writable ?? []) args.push('--bind', dir, dir);
  for (const m of spec.mounts ?? []) args.push('--ro-bind', m.source, m.target);
  const inputs: Buffer[] = [];
  if (spec.secrets) {
    const { dir, files } = spec.secrets;
    args.push('--perms', '0700', '--tmpfs', dir);
    const made = new Set([dir]);
    for (const file of files) {
      if (!file.path.startsWith(`${dir}/`)) throw new Error(`sandbox: ${file.path} is outside ${dir}`);
      // Its folders, made 0700 on the way down.
      const folders: string[] = [];
      for (let d = dirname(file.path); !made.has(d); d = dirname(d)) folders.unshift(d);
      for (const d of folders) {
        args.push('--perms', '0700', '--dir', d);
        made.add(d);
      }
      args.push('--perms', (file.mode & 0o777).toString(8).padStart(4, '0'), '--file', String(firstFd + inputs.length), file.path);
      inputs.push(file.content);
    }
  }
  args.push('--chdir', spec.cwd, '--');
  return { args, inputs };
}

/** The environment a sandboxed process gets: the caller's, with the sandbox's own HOME and TMPDIR. */
export function sandboxEnv(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (value !== undefined) out[name] = value;
  out.HOME = SANDBOX_HOME;
  out.TMPDIR = '/tmp';
  return out;
}
