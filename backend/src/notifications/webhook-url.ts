import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import { BlockList, isIP } from 'node:net';

/** Never reachable by a webhook: "this network", link-local (cloud metadata services live there), and the metadata addresses outside it. */
const ALWAYS = new BlockList();
ALWAYS.addSubnet('0.0.0.0', 8, 'ipv4');
ALWAYS.addSubnet('169.254.0.0', 16, 'ipv4');
ALWAYS.addAddress('100.100.100.200', 'ipv4');
ALWAYS.addAddress('::', 'ipv6');
ALWAYS.addSubnet('fe80::', 10, 'ipv6');
ALWAYS.addAddress('fd00:ec2::254', 'ipv6');

/** The portal's own host: reachable only with WEBHOOK_ALLOW_LOOPBACK. */
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** An IPv6 address as its eight 16-bit groups (a trailing dotted quad included); null when it is not one. */
function groups(address: string): number[] | null {
  let text = address.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const fill = text.includes('::') ? 8 - h.length - t.length : 0;
  if (fill < 0) return null;
  const all = [...h, ...Array<string>(fill).fill('0'), ...t].map((g) => parseInt(g, 16));
  return all.length === 8 && all.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? all : null;
}

/** The IPv4 address an IPv6 one carries (IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::a.b.c.d), or null. */
function embeddedIpv4(address: string): string | null {
  const g = groups(address);
  if (!g) return null;
  const lowZero = g.slice(0, 5).every((x) => x === 0);
  const mapped = lowZero && g[5] === 0xffff;
  const compatible = lowZero && g[5] === 0 && (g[6] !== 0 || g[7] > 1);
  const nat64 = g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0);
  return mapped || compatible || nat64 ? `${g[6] >> 8}.${g[6] & 255}.${g[7] >> 8}.${g[7] & 255}` : null;
}

/** Whether a webhook may not connect to this address. */
export function forbiddenAddress(address: string, allowLoopback: boolean): boolean {
  const family = isIP(address);
  if (family === 6) {
    const v4 = embeddedIpv4(address);
    if (v4) return forbiddenAddress(v4, allowLoopback);
  }
  const type = family === 6 ? 'ipv6' : 'ipv4';
  return ALWAYS.check(address, type) || (!allowLoopback && LOOPBACK.check(address, type));
}

const refusal = (address: string) => `resolves to ${address}, an address of the portal's own host or the link-local network, which webhooks may not reach`;

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
  const refused = addresses.find((a) => forbiddenAddress(a, allowLoopback));
  return refused ? refusal(refused) : null;
}

/**
 * A `lookup` for http(s).request that refuses, at the very connection, a name that resolves to a
 * forbidden address: a name that answered a public address when it was checked and a loopback or
 * metadata address now (DNS rebinding) does not get through. (A URL that is an IP address is not
 * looked up: webhookUrlProblem checks it.)
 */
export function guardedLookup(allowLoopback: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as unknown as LookupAddress[];
      const bad = list.find((a) => forbiddenAddress(a.address, allowLoopback));
      if (bad) return callback(Object.assign(new Error(`${hostname} ${refusal(bad.address)}`), { code: 'EFORBIDDEN' }), '', 0);
      if (options.all) return (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, list);
      return callback(null, list[0].address, list[0].family);
    });
  };
}
