import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { readFile, rm } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, PROJECT_ROOT } from '../config/config.js';
import { Sandbox, type SandboxFile } from '../system/sandbox.js';
import { SANDBOX_CALLBACKS } from '../system/sandbox-args.js';
import { type JobOptions, jobOptionArgs } from './job-options.js';
import type { RawEvent } from './job-output.writer.js';

export const CALLBACK_PLUGIN_DIR = resolve(PROJECT_ROOT, 'backend/ansible/callback_plugins');
const EVENTS_FD = 3;
/** Time ansible gets to stop after SIGTERM before its process group is killed. */
const CANCEL_GRACE_MS = 10_000;

export interface AnsibleRun {
  /** Directory holding project/, inventory/ and extra_vars.yml. */
  runDir: string;
  playbook: string;
  options?: JobOptions;
  onStdout: (text: string) => void;
  /** One event of the callback plugin, and the size of its JSON line. */
  onEvent: (event: RawEvent, bytes: number) => void;
  /** Aborting it stops the run: SIGTERM to ansible's whole process group, SIGKILL after a grace period. */
  signal?: AbortSignal;
  /** Vault passwords of the run, as files: --vault-id label@file. */
  vaultIds?: { label: string; file: string }[];
  /** Extra environment for the run (credentials given as files or variables, e.g. K8S_AUTH_KUBECONFIG). */
  env?: Record<string, string>;
  /** Replaces secrets in what Ansible prints and emits, before anything stores or publishes it. */
  scrub?: (text: string) => string;
  /**
   * The run's credential files, in memory: put on a tmpfs of the sandbox's own at
   * `<runDir>/credentials` (SANDBOX=off: already on disk there, and this is empty).
   */
  secretFiles?: SandboxFile[];
  /** A second extra-vars file, of secret variables, under `<runDir>/credentials`. */
  secretVarsFile?: string;
}

export interface AnsibleResult {
  returnCode: number | null;
  /** Why the process could not start at all (ansible-playbook missing, say). */
  startError?: string;
  /** True when it ran past JOB_TIMEOUT_SECONDS and was stopped. */
  timedOut: boolean;
  /** True when it was stopped through the run's signal. */
  canceled: boolean;
  /** The last lines Ansible printed on stderr (its own errors, e.g. a missing playbook). */
  stderrTail: string;
}

/**
 * SSH pipelining on (one SSH round trip per task instead of three or four: a 7-task play
 * over SSH took 7 s instead of 20 s), unless the repository's ansible.cfg says either way
 * (`pipelining = False` for hosts whose sudo has `requiretty`). An environment variable
 * would outrank the repository's file, so it is left out when the file names it.
 */
export async function pipeliningEnv(project: string): Promise<Record<string, string>> {
  const cfg = await readFile(resolve(project, 'ansible.cfg'), 'utf8').catch(() => '');
  return /^\s*pipelining\s*=/m.test(cfg) ? {} : { ANSIBLE_PIPELINING: 'True' };
}

/** Runs ansible-playbook as a child process (argument array, never a shell) and streams what it says. */
@Injectable()
export class AnsibleRunner {
  constructor(
    private readonly sandbox: Sandbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The command line of a run, as an argument array: what runs (in its sandbox) and what the job records. */
  command(runDir: string, playbook: string, options: JobOptions = {}, vaultIds: { label: string; file: string }[] = [], secretVarsFile?: string): string[] {
    return [
      this.config.ansiblePlaybookBin,
      '-i',
      resolve(runDir, 'inventory'),
      '-e',
      `@${resolve(runDir, 'extra_vars.yml')}`,
      ...(secretVarsFile ? ['-e', `@${secretVarsFile}`] : []),
      ...vaultIds.flatMap((v) => [`--vault-id=${v.label}@${v.file}`]),
      ...jobOptionArgs(options),
      '--',
      playbook,
    ];
  }

  async run(run: AnsibleRun): Promise<AnsibleResult> {
    const [file, ...args] = this.command(run.runDir, run.playbook, run.options, run.vaultIds, run.secretVarsFile);
    const scrub = run.scrub ?? ((text: string) => text);
    const tmp = resolve(run.runDir, 'tmp');
    // In the sandbox /tmp is the run's own; without it, a folder of the run's own there, removed after.
    const controlDir = `/tmp/sfcp-${basename(run.runDir).slice(0, 12)}`;
    const project = resolve(run.runDir, 'project');
    const pipelining = await pipeliningEnv(project);
    const child = this.sandbox.spawn(
      file,
      args,
      {
        cwd: project,
        stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
        reject: false,
        buffer: false,
        // Its own process group, so a cancel reaches the forks ansible starts too.
        detached: true,
        // Only what Ansible needs: the portal's own variables (database URL, secret key) stay out.
        extendEnv: false,
        env: {
          PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
          HOME: process.env.HOME ?? '/tmp',
          LANG: 'C.UTF-8',
          LC_ALL: 'C.UTF-8',
          ANSIBLE_CALLBACK_PLUGINS: this.sandbox.enabled ? SANDBOX_CALLBACKS : CALLBACK_PLUGIN_DIR,
          ANSIBLE_CALLBACKS_ENABLED: 'superfluid_events',
          ANSIBLE_INVENTORY_UNPARSED_FAILED: 'true',
          ANSIBLE_HOST_KEY_CHECKING: 'false',
          ANSIBLE_RETRY_FILES_ENABLED: 'false',
          ANSIBLE_FORCE_COLOR: 'true',
          ANSIBLE_NOCOWS: '1',
          ANSIBLE_LOCAL_TEMP: tmp,
          ANSIBLE_REMOTE_TEMP: tmp,
          // SSH control sockets must fit in 108 bytes: a short folder of the run's own, and %C
          // (a hash of host, port and user) rather than the run folder, which can be long.
          ANSIBLE_SSH_CONTROL_PATH_DIR: controlDir,
          ANSIBLE_SSH_CONTROL_PATH: '%(directory)s/%%C',
          ...pipelining,
          SUPERFLUID_EVENTS_FD: String(EVENTS_FD),
          PYTHONUNBUFFERED: '1',
          ...run.env,
        },
      },
      {
        cwd: project,
        // Its own folder read-write (the project is its own copy); the callback plugin read-only;
        // its credentials on a tmpfs of its own; the network, to reach its targets.
        writable: [run.runDir],
        mounts: [{ source: CALLBACK_PLUGIN_DIR, target: SANDBOX_CALLBACKS }],
        secrets: run.secretFiles?.length ? { dir: resolve(run.runDir, 'credentials'), files: run.secretFiles } : undefined,
        network: true,
      },
    );
    let canceled = false;
    let timedOut = false;
    let killTimer: NodeJS.Timeout | undefined;
    const stop = () => {
      if (killTimer) return;
      this.sandbox.signal(child.pid, 'SIGTERM');
      killTimer = setTimeout(() => this.sandbox.signal(child.pid, 'SIGKILL'), CANCEL_GRACE_MS);
    };
    const cancel = () => {
      canceled = true;
      stop();
    };
    const timeout = setTimeout(() => {
      timedOut = true;
      stop();
    }, this.config.jobTimeoutSeconds * 1000);
    if (run.signal?.aborted) cancel();
    else run.signal?.addEventListener('abort', cancel, { once: true });
    const stdio = child.stdio as unknown as Readable[];
    const stderrLines: string[] = [];
    const pumps = [
      pump(stdio[1], (chunk) => run.onStdout(scrub(chunk))),
      pump(stdio[2], (raw) => {
        const chunk = scrub(raw);
        run.onStdout(chunk);
        stderrLines.push(...chunk.split('\n').filter((l) => l.trim()));
        if (stderrLines.length > 50) stderrLines.splice(0, stderrLines.length - 50);
      }),
      lines(stdio[EVENTS_FD], (line) => {
        try {
          const text = scrub(line);
          run.onEvent(JSON.parse(text) as RawEvent, text.length);
        } catch {
          run.onStdout(`[superfluid] unreadable event line skipped\n`);
        }
      }),
    ];
    const result = await child;
    run.signal?.removeEventListener('abort', cancel);
    clearTimeout(timeout);
    clearTimeout(killTimer);
    if (killTimer) this.sandbox.signal(child.pid, 'SIGKILL'); // forks that outlived their leader
    await Promise.all(pumps);
    if (!this.sandbox.enabled) await rm(controlDir, { recursive: true, force: true }).catch(() => undefined);
    const startError = result.exitCode === undefined && result.signal === undefined ? result.message : undefined;
    return { returnCode: result.exitCode ?? null, startError, timedOut: timedOut && !canceled, canceled, stderrTail: stripAnsi(stderrLines.join('\n')) };
  }
}

// Plain 'data' listeners rather than async iteration: a loop playbook sends thousands of
// small chunks and event lines, and each turn of an async iterator costs promises. A
// listener that throws ends its stream with the error, as a loop's body would.

function onData(stream: Readable, listener: (chunk: string) => void): Promise<void> {
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    try {
      listener(chunk);
    } catch (err) {
      stream.destroy(err as Error);
    }
  });
  return finished(stream);
}

async function pump(stream: Readable, onChunk: (text: string) => void): Promise<void> {
  await onData(stream, onChunk);
}

async function lines(stream: Readable, onLine: (line: string) => void): Promise<void> {
  let partial = '';
  const emit = (line: string) => {
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (text) onLine(text);
  };
  await onData(stream, (chunk) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) emit(line);
  });
  emit(partial);
}

export const stripAnsi = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');
