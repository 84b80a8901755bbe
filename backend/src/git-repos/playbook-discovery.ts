import { parse } from 'yaml';
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

/** A playbook is a YAML list of plays: mappings with `hosts` or an `import_playbook`. */
export function isPlaybook(text: string): boolean {
  let doc: unknown;
  try {
    doc = parse(text, { maxAliasCount: 100 });
  } catch {
    return false;
  }
  if (!Array.isArray(doc) || doc.length === 0) return false;
  return doc.every(
    (play) =>
      play !== null &&
      typeof play === 'object' &&
      !Array.isArray(play) &&
      ('hosts' in play || 'import_playbook' in play || 'ansible.builtin.import_playbook' in play),
  );
}
