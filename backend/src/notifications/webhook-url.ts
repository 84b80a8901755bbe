import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/** Why a webhook URL may not be called, or null when it may. */
export async function webhookUrlProblem(raw: string, allowLoopback: boolean): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a URL (e.g. https://hooks.example.com/superfluid)';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http:// or https:// URL';
  if (url.username || url.password) return 'must not hold a user name or password (the signature authenticates the portal)';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    return `names a host that does not resolve (${host})`;
  }
  const refused = addresses.find((a) => forbidden(a, allowLoopback));
  return refused ? `resolves to ${refused}, an address of the portal's own host or the link-local network, which webhooks may not reach` : null;
}

/** Loopback (unless allowed), unspecified and link-local addresses (cloud metadata services live there). */
function forbidden(address: string, allowLoopback: boolean): boolean {
  const a = ipv4Mapped(address.toLowerCase());
  if (isIP(a) === 4) {
    const [x, y] = a.split('.').map(Number);
    if (x === 127) return !allowLoopback;
    return x === 0 || (x === 169 && y === 254);
  }
  if (a === '::1') return !allowLoopback;
  return a === '::' || a.startsWith('fe80:');
}

/** An IPv4-mapped IPv6 address (::ffff:127.0.0.1, or ::ffff:7f00:1 as URL parsing writes it) as the IPv4 address; others as they are. */
function ipv4Mapped(address: string): string {
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (dotted) return dotted[1];
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
  if (!hex) return address;
  const [high, low] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}
