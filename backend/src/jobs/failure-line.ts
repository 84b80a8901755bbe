import type { RawEvent } from './job-output.writer.js';

/** The longest Ansible message a failure line keeps (the whole of it is in the run's log). */
const MESSAGE_CHARS = 300;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A failed or unreachable task in one line a user can act on — which task, on which host, and
 * Ansible's message (its first line, at most MESSAGE_CHARS) — without the portal's own paths:
 * a path inside the run's project reads as the repository's, anything else under `hidden` (the
 * data folder) as "…". The full message stays in the run's log.
 */
export function failureLine(raw: RawEvent, hidden: string[]): string {
  const host = raw.host ?? 'a host';
  const what = raw.event === 'runner_on_unreachable' ? `could not reach ${host}` : `failed on ${host}`;
  const task = typeof raw.task === 'string' && raw.task.trim() ? `Task "${raw.task.trim()}"` : 'A task';
  const message = hidePaths(typeof raw.msg === 'string' ? raw.msg : raw.msg === undefined || raw.msg === null ? 'no message' : JSON.stringify(raw.msg), hidden);
  const lines = message
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  let first = lines[0] ?? 'no message';
  const more = lines.length > 1 || first.length > MESSAGE_CHARS;
  if (first.length > MESSAGE_CHARS) first = `${first.slice(0, MESSAGE_CHARS).trimEnd()}…`;
  return `${task} ${what}: ${first}${more ? ' (the whole message is in the log)' : ''}`;
}

/** `text` without the portal's own paths: one inside a run's project reads as the repository's, any other under `hidden` as "…". */
export function hidePaths(text: string, hidden: string[]): string {
  let out = text;
  for (const dir of hidden.filter(Boolean)) {
    out = out.replace(new RegExp(`${escape(dir)}/\\S*?/project/`, 'g'), '').replace(new RegExp(`${escape(dir)}[^\\s'"]*`, 'g'), '…');
  }
  return out;
}

/** Failure lines as one: the first, and how many more the log holds. */
export function oneLine(failures: string[]): string {
  return failures.length > 1 ? `${failures[0]} (and ${failures.length - 1} more: see the log)` : (failures[0] ?? '');
}
