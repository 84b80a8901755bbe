import { createHash } from 'node:crypto';

/**
 * SSH host keys pinned per provider host. A key is learnt once (when the provider is created,
 * or by its first health check) and from then on every connection — runs and health checks —
 * checks it strictly against a known_hosts file the portal writes into the run's folder,
 * whatever the provider's own ssh options say. A changed key fails the connection until an
 * operator accepts the new one (acceptProviderHostKeys).
 */

/** One host's pinned keys, stored on the provider (`host_keys`, by host name). */
export interface PinnedHost {
  address: string;
  port: number;
  /** known_hosts key entries: "<type> <base64>". */
  keys: string[];
  learnedAt: string;
}
export type PinnedHosts = Record<string, PinnedHost>;

/** The known_hosts name of an address: the address for port 22, "[address]:port" otherwise. */
export const knownHostsName = (address: string, port = 22) => (port === 22 ? address : `[${address}]:${port}`);

/** The keys of one host from known_hosts text (plain, unhashed names: the portal writes them with HashKnownHosts=no). */
export function keysFor(knownHosts: string, address: string, port = 22): string[] {
  const name = knownHostsName(address, port);
  const keys: string[] = [];
  for (const line of knownHosts.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 3 || fields[0].startsWith('#') || fields[0].startsWith('@')) continue;
    if (fields[0].split(',').includes(name) && !keys.includes(`${fields[1]} ${fields[2]}`)) keys.push(`${fields[1]} ${fields[2]}`);
  }
  return keys;
}

/** The pinned hosts (still at the same address and port) as known_hosts lines. */
export function knownHostsText(hosts: { name: string; address: string; port?: number }[], pinned: PinnedHosts): string {
  return hosts
    .flatMap((h) => {
      const pin = pinnedFor(h, pinned);
      return pin ? pin.keys.map((key) => `${knownHostsName(h.address, h.port ?? 22)} ${key}`) : [];
    })
    .map((line) => `${line}\n`)
    .join('');
}

/** The pin of a host, if it is for its current address and port. */
export function pinnedFor(host: { name: string; address: string; port?: number }, pinned: PinnedHosts): PinnedHost | undefined {
  const pin = pinned[host.name];
  return pin && pin.address === host.address && pin.port === (host.port ?? 22) && pin.keys.length ? pin : undefined;
}

/** OpenSSH's fingerprint of a key entry: "SHA256:" and the unpadded base64 of the blob's SHA-256. */
export function fingerprint(key: string): string {
  const blob = key.split(/\s+/)[1] ?? '';
  return `SHA256:${createHash('sha256').update(Buffer.from(blob, 'base64')).digest('base64').replace(/=+$/, '')}`;
}

/**
 * The ssh options every connection to a host gets, as Ansible's `ansible_ssh_args` (which
 * come before the provider's `ansible_ssh_common_args` on ssh's command line, and ssh keeps
 * the first value of each option): strict checking against the run's known_hosts for a pinned
 * host, `accept-new` for one not pinned yet (the check that follows pins it).
 */
export function pinningSshArgs(knownHostsFile: string, pinned: boolean): string {
  return [
    '-C -o ControlMaster=auto -o ControlPersist=60s',
    `-o UserKnownHostsFile=${shellWord(knownHostsFile)}`,
    '-o GlobalKnownHostsFile=/dev/null',
    `-o StrictHostKeyChecking=${pinned ? 'yes' : 'accept-new'}`,
    '-o HashKnownHosts=no',
    '-o UpdateHostKeys=no',
  ].join(' ');
}

/** What ssh says when a host's key is not the pinned one. */
export const HOST_KEY_CHANGED = /REMOTE HOST IDENTIFICATION HAS CHANGED|Host key verification failed|host key for .* has changed/i;

/** A word for shlex (how Ansible splits ssh options): single-quoted unless plainly safe. */
export const shellWord = (word: string) => (/^[A-Za-z0-9_./:@%+=,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

/**
 * Splits ssh options the way Ansible does (Python's shlex, POSIX mode): whitespace separates
 * words; single quotes keep everything; double quotes keep all but backslash escapes.
 */
export function splitShellWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) throw new Error('unbalanced single quote');
      word += text.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (c === '"') {
      i++;
      for (; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === '\\' && i + 1 < text.length && '"\\$`\n'.includes(text[i + 1])) i++;
        word += text[i];
      }
      if (i >= text.length) throw new Error('unbalanced double quote');
      inWord = true;
    } else if (c === '\\' && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}
