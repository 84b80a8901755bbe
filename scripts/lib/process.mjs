// Child-process helpers shared by the scripts. Node built-ins only: this file is
// loaded before `npm install` has run on a fresh clone.
import { spawn } from 'node:child_process';

/** True while the child has neither exited nor been killed by a signal. */
export function isRunning(child) {
  return child.exitCode === null && child.signalCode === null;
}

/** Resolves with { code, signal } once the child has exited (at once if it already has). */
export function waitForExit(child) {
  if (!isRunning(child)) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

function sendSignal(child, signal, group) {
  try {
    // A detached child leads its own process group: signalling -pid reaches its
    // children too (ansible-playbook runs started by the backend, for example).
    if (group) process.kill(-child.pid, signal);
    else child.kill(signal);
  } catch {
    // already gone
  }
}

/**
 * Stops a child: `signal` first, SIGKILL (to the whole group when `group`) after
 * `timeoutMs`. Resolves with { code, signal, forced }.
 */
export async function stopChild(child, { signal = 'SIGTERM', timeoutMs = 10_000, group = false } = {}) {
  if (!child || child.pid === undefined) return { code: null, signal: null, forced: false };
  let forced = false;
  if (isRunning(child)) {
    sendSignal(child, signal, false);
    const timer = setTimeout(() => {
      forced = true;
      sendSignal(child, 'SIGKILL', group);
    }, timeoutMs);
    await waitForExit(child);
    clearTimeout(timer);
  }
  // Sweep whatever is left in the group (grandchildren that outlived their parent).
  if (group) sendSignal(child, 'SIGKILL', true);
  return { code: child.exitCode, signal: child.signalCode, forced };
}

/**
 * Runs a command with inherited stdio; rejects when it exits non-zero.
 * Used for npm install / build and apt-get.
 */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(Object.assign(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit code ${code}`})`), { commandFailed: true }));
    });
  });
}

/** A bounded in-memory buffer of the last lines a process printed. */
export class OutputTail {
  constructor(maxChars = 64_000) {
    this.maxChars = maxChars;
    this.text = '';
  }

  push(chunk) {
    this.text += chunk.toString();
    if (this.text.length > this.maxChars) this.text = this.text.slice(this.text.length - this.maxChars);
  }

  toString() {
    return this.text;
  }
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
