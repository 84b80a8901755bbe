// What a job's events say so far: per-host counts (the live counterpart of Ansible's recap) and
// how many of the tasks started so far are done. Pure functions over the events in seq order.
import type { HostSummary, JobEvent } from './api';

export type HostCounts = Pick<HostSummary, 'host' | 'ok' | 'changed' | 'failures' | 'unreachable' | 'skipped'> &
  Partial<Pick<HostSummary, 'rescued' | 'ignored'>>;

const RESULT_EVENTS = new Set(['runner_on_ok', 'runner_on_failed', 'runner_on_skipped', 'runner_on_unreachable']);

/** Per host, counts of the runner_on_* results (ok includes changed, as in Ansible's recap); a host
 * that has started a task but has no result yet has a row of zeros. */
export const hostCountsFromEvents = (events: JobEvent[]): HostCounts[] => {
  const hosts = new Map<string, HostCounts>();
  for (const e of events) {
    if (!e.host || !(RESULT_EVENTS.has(e.event) || e.event === 'runner_on_start')) continue;
    let counts = hosts.get(e.host);
    if (!counts) {
      counts = { host: e.host, ok: 0, changed: 0, failures: 0, unreachable: 0, skipped: 0 };
      hosts.set(e.host, counts);
    }
    if (e.event === 'runner_on_ok') {
      counts.ok += 1;
      if (e.changed) counts.changed += 1;
    } else if (e.event === 'runner_on_failed') counts.failures += 1;
    else if (e.event === 'runner_on_skipped') counts.skipped += 1;
    else if (e.event === 'runner_on_unreachable') counts.unreachable += 1;
  }
  return [...hosts.values()].sort((a, b) => a.host.localeCompare(b.host));
};

export interface TaskProgress {
  /** Tasks started so far (playbook_on_task_start events). */
  known: number;
  /** Of those, the ones every started host has a result for. */
  done: number;
}

/**
 * Each playbook_on_task_start opens a task; the runner_on_* events after it belong to it. A task
 * is done when every host it started on has a result; a task no host started on counts as done
 * once a later task has started (there was nothing to wait for).
 */
export const taskProgress = (events: JobEvent[]): TaskProgress => {
  const tasks: { started: Set<string>; finished: Set<string> }[] = [];
  for (const e of events) {
    if (e.event === 'playbook_on_task_start') {
      tasks.push({ started: new Set(), finished: new Set() });
      continue;
    }
    const current = tasks[tasks.length - 1];
    if (!current || !e.host) continue;
    if (e.event === 'runner_on_start') current.started.add(e.host);
    else if (RESULT_EVENTS.has(e.event)) {
      current.started.add(e.host);
      current.finished.add(e.host);
    }
  }
  const done = tasks.filter((t, i) => (t.started.size === 0 ? i < tasks.length - 1 : [...t.started].every((host) => t.finished.has(host)))).length;
  return { known: tasks.length, done };
};

/** Removes ANSI escape sequences (colours, cursor moves, OSC titles) from terminal output. */
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;
export const stripAnsi = (text: string): string => text.replace(ANSI, '');
