/** What a secret is replaced with in output. */
export const MASK = '********';

/** Lines of a multi-line secret shorter than this are not scrubbed on their own (a "-----" would mask too much). */
const MIN_LINE = 8;

/** The forms in which a secret may show up in a run's output. */
function forms(value: string): string[] {
  const out = new Set<string>();
  const add = (v: string) => {
    if (v.length > 0) out.add(v);
  };
  for (const v of [value, value.replace(/\r?\n$/, '')]) {
    add(v);
    // As `echo "$SECRET" | base64` or an API would encode it, with and without padding.
    for (const encoded of [Buffer.from(v).toString('base64'), Buffer.from(`${v}\n`).toString('base64'), Buffer.from(v).toString('base64url')]) {
      add(encoded);
      add(encoded.replace(/=+$/, ''));
    }
    // Inside JSON (Ansible's events are JSON): newlines, quotes and backslashes escaped.
    add(JSON.stringify(v).slice(1, -1));
  }
  // A multi-line secret (a key, a kubeconfig) may be printed one line at a time.
  if (value.includes('\n')) for (const line of value.split(/\r?\n/)) if (line.trim().length >= MIN_LINE) add(line.trim());
  return [...out];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A function that replaces every secret of `values` — as is, base64-encoded, JSON-escaped,
 * and each long line of a multi-line one — with `********`. Longer forms are tried first,
 * so a secret containing another is masked whole. Best effort for output a run prints: a
 * secret transformed otherwise (split across chunks, re-encoded) is not recognized.
 */
export function scrubber(values: string[]): (text: string) => string {
  const needles = [...new Set(values.flatMap(forms))].sort((a, b) => b.length - a.length);
  if (needles.length === 0) return (text) => text;
  const pattern = new RegExp(needles.map(escape).join('|'), 'g');
  return (text) => text.replace(pattern, MASK);
}
