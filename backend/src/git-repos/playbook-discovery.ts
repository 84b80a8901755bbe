import { LineCounter, type Node as YamlNode, parseAllDocuments } from 'yaml';
import { assertYamlDepth, YamlLimitError } from '../common/yaml-limits.js';
import type { TreeFile } from './git-client.js';

const YAML_FILE = /\.ya?ml$/i;
/** Folders whose YAML files are never playbooks (roles, variables, collections). */
const NOT_PLAYBOOK_DIRS = /(^|\/)(roles|group_vars|host_vars|vars|defaults|tasks|handlers|meta|templates|files|collections|\.github)\//;

/** Candidate paths: regular YAML files outside role/vars folders. Symlinks are skipped. */
export function playbookCandidates(files: Pick<TreeFile, 'path' | 'mode'>[]): string[] {
  return files
    .filter((f) => (f.mode === '100644' || f.mode === '100755') && YAML_FILE.test(f.path) && !NOT_PLAYBOOK_DIRS.test(f.path))
    .map((f) => f.path)
    .sort();
}

/**
 * What a candidate file is: a playbook; something else (variables, a task list, a
 * manifest); or a file that cannot be a playbook as written — YAML that does not parse,
 * or a list of plays one of which is not a play — with where and why.
 */
export type Candidate = { kind: 'playbook' } | { kind: 'other' } | { kind: 'invalid'; line: number | null; column: number | null; message: string };

/** A candidate larger than this is not read: no playbook is that large. */
export const MAX_PLAYBOOK_BYTES = 4 * 1024 * 1024;
export const tooLargeCandidate: Candidate = {
  kind: 'invalid',
  line: null,
  column: null,
  message: `larger than ${MAX_PLAYBOOK_BYTES / 1024 / 1024} MB: too large to be a playbook`,
};

const PLAY_KEYS = ['hosts', 'import_playbook', 'ansible.builtin.import_playbook'];
const TASK_LISTS = ['pre_tasks', 'tasks', 'post_tasks', 'handlers'];

/**
 * Parses the text as Ansible would read it (YAML 1.1, repeated keys allowed, at most 100
 * aliases, nesting capped by `assertYamlDepth` before the parser sees it) and checks the
 * shape of a playbook: a list of plays, each a mapping with `hosts` or `import_playbook`,
 * its task lists lists of mappings. Runs no Ansible.
 */
export function examine(text: string): Candidate {
  try {
    assertYamlDepth(text);
  } catch (err) {
    if (err instanceof YamlLimitError) return { kind: 'invalid', line: err.line, column: null, message: err.message.replace(/^line \d+: /, '') };
    throw err;
  }
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { version: '1.1', uniqueKeys: false, prettyErrors: true, lineCounter: lines });
  const list = Array.isArray(docs) ? docs : [];
  for (const doc of list) {
    const error = doc.errors[0];
    if (error) {
      const at = error.linePos?.[0];
      const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      return { kind: 'invalid', line: at?.line ?? null, column: at?.col ?? null, message: `not valid YAML: ${message}` };
    }
  }
  // An empty file, or several documents (Ansible reads one): not a playbook.
  if (list.length !== 1) return { kind: 'other' };
  const doc = list[0];
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    return { kind: 'invalid', line: null, column: null, message: `not valid YAML: ${(err as Error).message}` };
  }
  if (!Array.isArray(value) || value.length === 0) return { kind: 'other' };
  // A list none of whose items is a play is a task list or data, not a playbook.
  if (!value.some((item) => isObject(item) && PLAY_KEYS.some((k) => k in item))) return { kind: 'other' };
  // The shape is checked on the values (merge keys applied), the place found on the nodes.
  const where = (...path: (string | number)[]) => {
    for (let n = path.length; n > 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as YamlNode | undefined;
      const pos = node?.range ? lines.linePos(node.range[0]) : null;
      if (pos) return { line: pos.line, column: pos.col };
    }
    return { line: null, column: null };
  };
  for (const [index, play] of value.entries()) {
    if (!isObject(play))
      return { kind: 'invalid', ...where(index), message: `item ${index + 1} of the playbook is not a play (a mapping with hosts or import_playbook)` };
    const problem = playProblem(play);
    if (problem) return { kind: 'invalid', ...where(index, ...problem.path), message: problem.message };
  }
  return { kind: 'playbook' };
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isPattern = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

function playProblem(play: Record<string, unknown>): { message: string; path: (string | number)[] } | null {
  if (!PLAY_KEYS.some((k) => k in play)) return { message: 'this play has neither hosts nor import_playbook', path: [] };
  if ('hosts' in play && !(isPattern(play.hosts) || (Array.isArray(play.hosts) && play.hosts.every(isPattern)))) {
    return { message: 'hosts must be a pattern or a list of patterns', path: ['hosts'] };
  }
  for (const key of TASK_LISTS) {
    const tasks = play[key];
    if (tasks === undefined || tasks === null) continue;
    if (!Array.isArray(tasks)) return { message: `${key} must be a list of tasks`, path: [key] };
    const bad = tasks.findIndex((task) => !isObject(task));
    if (bad >= 0) return { message: `each item of ${key} must be a task (a mapping)`, path: [key, bad] };
  }
  return null;
}

/** A playbook is a YAML list of plays: mappings with `hosts` or an `import_playbook`. */
export function isPlaybook(text: string): boolean {
  return examine(text).kind === 'playbook';
}

/** "line 3, column 7: ..." for a candidate that is not valid. */
export function describeInvalid(c: { line: number | null; column: number | null; message: string }): string {
  if (c.line === null) return c.message;
  return `line ${c.line}${c.column === null ? '' : `, column ${c.column}`}: ${c.message}`;
}
