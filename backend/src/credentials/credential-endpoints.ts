import { parse } from 'yaml';
import { assertYamlDepth } from '../common/yaml-limits.js';
import type { CredentialValues } from './credential-types.js';

/**
 * A credential is bound to the endpoint stored with it — a Kubernetes API URL, an OpenStack
 * auth URL, a git host — and goes nowhere else: a provider or repository naming another
 * endpoint is refused, and runs and health checks use the credential's own. Plain http may
 * carry a credential only where ALLOW_HTTP_CREDENTIAL_URLS allows it (loopback by default).
 */

export type HttpPolicy = 'never' | 'loopback' | 'always';

interface Values {
  type: string;
  inputs: CredentialValues;
  secrets: CredentialValues;
}

/** The server of a kubeconfig's context (the one named, else the current one). */
export function kubeconfigServer(kubeconfig: string, context?: string): string | undefined {
  assertYamlDepth(kubeconfig);
  const kc = parse(kubeconfig, { maxAliasCount: 100 }) as {
    'current-context'?: string;
    contexts?: { name: string; context?: { cluster?: string } }[];
    clusters?: { name: string; cluster?: { server?: string } }[];
  } | null;
  const name = context || kc?.['current-context'];
  const cluster = kc?.contexts?.find((c) => c.name === name)?.context?.cluster;
  return kc?.clusters?.find((c) => c.name === cluster)?.cluster?.server;
}

/** The auth URL of a clouds.yaml's cloud. */
export function cloudsYamlAuthUrl(cloudsYaml: string, cloud: string): string | undefined {
  assertYamlDepth(cloudsYaml);
  const doc = parse(cloudsYaml, { maxAliasCount: 100 }) as { clouds?: Record<string, { auth?: { auth_url?: unknown } }> } | null;
  const url = doc?.clouds?.[cloud]?.auth?.auth_url;
  return typeof url === 'string' ? url : undefined;
}

/**
 * The URL a credential's secret is sent to, when its type has one: a Kubernetes API server,
 * an OpenStack auth URL. (Git credentials are bound to a host: `gitHost`.)
 */
export function credentialEndpoint(c: Values): string | undefined {
  switch (c.type) {
    case 'kubernetes_token':
      return c.inputs.api_url;
    case 'kubeconfig':
      return c.secrets.kubeconfig ? kubeconfigServer(c.secrets.kubeconfig, c.inputs.context) : undefined;
    case 'openstack':
      return c.secrets.clouds_yaml && c.inputs.cloud ? cloudsYamlAuthUrl(c.secrets.clouds_yaml, c.inputs.cloud) : c.inputs.auth_url;
    default:
      return undefined;
  }
}

/** A URL compared by scheme, host, port and path (trailing slashes, and an OpenStack /v3, left out). */
export function normalizeEndpoint(url: string): string | null {
  try {
    const u = new URL(url);
    const path = u.pathname.replace(/\/+$/, '').replace(/\/v3$/, '');
    return `${u.protocol}//${u.host.toLowerCase()}${path}`;
  } catch {
    return null;
  }
}

export const sameEndpoint = (a: string, b: string) => {
  const na = normalizeEndpoint(a);
  return na !== null && na === normalizeEndpoint(b);
};

const LOOPBACK = (host: string) => host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]' || host === '::1';

/** Why a URL may not carry a credential (plain http outside what the policy allows), or null. */
export function insecureUrl(url: string, policy: HttpPolicy): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null; // refused elsewhere as not a URL
  }
  if (u.protocol !== 'http:' || policy === 'always') return null;
  if (policy === 'loopback' && LOOPBACK(u.hostname.toLowerCase())) return null;
  return policy === 'loopback'
    ? 'must be https:// — plain http carries a credential only to this machine (127.0.0.1, localhost) unless ALLOW_HTTP_CREDENTIAL_URLS=always (a lab)'
    : 'must be https:// (ALLOW_HTTP_CREDENTIAL_URLS=never)';
}

/**
 * The host (and port, when not the default) a git URL reaches: https://h:p/…, ssh://u@h:p/…,
 * u@h:path. Null for a local (file://) URL or one that is not a git URL.
 */
export function gitHost(url: string): string | null {
  const scp = /^[^@/:\s]+@([^/:\s]+):(?!\/\/)/.exec(url);
  if (scp) return scp[1].toLowerCase();
  try {
    const u = new URL(url);
    if (!['http:', 'https:', 'ssh:', 'git:'].includes(u.protocol) || !u.hostname) return null;
    return u.host.toLowerCase();
  } catch {
    return null;
  }
}

/** A git credential's host as typed (a host name, "host:port", or a URL): its normal form. */
export function normalizeGitHost(value: string): string | null {
  const trimmed = value.trim().toLowerCase();
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(trimmed)) return gitHost(trimmed);
  return /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$|^\[[0-9a-f:]+\](:\d{1,5})?$/.test(trimmed) ? trimmed : null;
}
