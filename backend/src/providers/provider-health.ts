import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { parse } from 'yaml';
import type { RevealedCredential } from '../credentials/credentials.service.js';
import type { KubernetesConfig, OpenStackConfig } from './provider-config.js';
import { openstackClouds } from './provider-materials.js';
import type { ProviderEntity } from './provider.entity.js';

export interface HealthResult {
  status: 'up' | 'down';
  message: string;
}

const TIMEOUT_MS = 10_000;

/** One HTTP(S) request with a timeout, an optional CA, and the body read as text. */
export function httpCall(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; ca?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      target,
      { method: options.method ?? 'GET', headers: options.headers, timeout: TIMEOUT_MS, ...(options.ca ? { ca: options.ca } : {}) },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (body.length < 1_000_000) body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    req.on('error', reject);
    req.end(options.body);
  });
}

interface CatalogEntry {
  type: string;
  endpoints?: { interface: string; region?: string; region_id?: string; url: string }[];
}

/** A Keystone v3 token for an OpenStack provider's credential, with its service catalog. */
async function openstackToken(
  provider: ProviderEntity,
  credential: RevealedCredential,
): Promise<{ token: string; catalog: CatalogEntry[] } | { status: number }> {
  let { auth } = openstackClouds(provider.name, provider.config as OpenStackConfig, credential);
  if (auth.clouds_yaml_cloud !== undefined) {
    const clouds = parse(credential.secrets.clouds_yaml) as { clouds?: Record<string, { auth?: Record<string, string>; auth_type?: string }> };
    const entry = clouds.clouds?.[credential.inputs.cloud];
    auth = { auth_type: entry?.auth_type ?? 'password', ...(entry?.auth ?? {}) };
  }
  if (!auth.auth_url) throw new Error('no auth URL');
  const appCredential = auth.auth_type === 'v3applicationcredential' || auth.auth_type === 'application_credential';
  const identity = appCredential
    ? { methods: ['application_credential'], application_credential: { id: auth.application_credential_id, secret: auth.application_credential_secret } }
    : {
        methods: ['password'],
        password: { user: { name: auth.username, password: auth.password, domain: { name: auth.user_domain_name ?? 'Default' } } },
      };
  const scope = appCredential ? {} : { scope: { project: { name: auth.project_name, domain: { name: auth.project_domain_name ?? 'Default' } } } };
  const url = `${auth.auth_url.replace(/\/+$/, '').replace(/\/v3$/, '')}/v3/auth/tokens`;
  const res = await httpCall(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ auth: { identity, ...scope } }) });
  const token = res.headers['x-subject-token'];
  if (res.status !== 201 || typeof token !== 'string') return { status: res.status };
  return { token, catalog: (JSON.parse(res.body) as { token?: { catalog?: CatalogEntry[] } }).token?.catalog ?? [] };
}

/** OpenStack: a Keystone v3 token and its service catalog. */
export async function checkOpenStack(provider: ProviderEntity, credential: RevealedCredential | null): Promise<HealthResult> {
  if (credential?.type !== 'openstack') return { status: 'down', message: 'no OpenStack credential to authenticate with' };
  try {
    const answer = await openstackToken(provider, credential);
    if ('status' in answer) return { status: 'down', message: `Keystone answered HTTP ${answer.status}` };
    return {
      status: 'up',
      message: `token issued; service catalog: ${
        answer.catalog
          .map((c) => c.type)
          .sort()
          .join(', ') || 'empty'
      }`,
    };
  } catch (err) {
    const message = (err as Error).message;
    return { status: 'down', message: message === 'no auth URL' ? message : `Keystone did not answer: ${message}` };
  }
}

/** The public endpoint of a service type in the provider's region (any region when it names none). */
function endpointOf(catalog: CatalogEntry[], type: string, region: string | undefined): string | null {
  const endpoints = catalog
    .filter((c) => c.type === type)
    .flatMap((c) => c.endpoints ?? [])
    .filter((e) => e.interface === 'public');
  const found = region ? endpoints.find((e) => (e.region_id ?? e.region) === region) : endpoints[0];
  return found ? found.url.replace(/\/+$/, '') : null;
}

interface HeatStack {
  id: string;
  stack_name: string;
  stack_status: string;
  stack_status_reason?: string;
  creation_time?: string;
}

interface NovaServer {
  id: string;
  name: string;
  status: string;
  addresses?: Record<string, { addr: string }[]>;
}

/**
 * OpenStack: what the project holds — its Heat stacks and its Nova servers. A cloud without
 * one of those services (no orchestration or compute endpoint in its catalog) lists none of
 * that kind and says so in `missing`.
 */
export async function openstackResources(provider: ProviderEntity, credential: RevealedCredential | null): Promise<Record<string, unknown>> {
  if (credential?.type !== 'openstack') throw new Error('no OpenStack credential to authenticate with');
  const answer = await openstackToken(provider, credential);
  if ('status' in answer) throw new Error(`Keystone answered HTTP ${answer.status}`);
  const region = (provider.config as OpenStackConfig).region ?? credential.inputs.region;
  const get = async <T>(url: string, key: string): Promise<T[]> => {
    const res = await httpCall(url, { headers: { 'x-auth-token': answer.token, accept: 'application/json' } });
    if (res.status !== 200) throw new Error(`${new URL(url).pathname} answered HTTP ${res.status}`);
    return ((JSON.parse(res.body) as Record<string, T[] | undefined>)[key] ?? []) as T[];
  };
  const heat = endpointOf(answer.catalog, 'orchestration', region);
  const nova = endpointOf(answer.catalog, 'compute', region);
  const [stacks, servers] = await Promise.all([
    heat ? get<HeatStack>(`${heat}/stacks`, 'stacks') : Promise.resolve([]),
    nova ? get<NovaServer>(`${nova}/servers/detail`, 'servers') : Promise.resolve([]),
  ]);
  return {
    // Heat lists a deleted stack for a while (DELETE_COMPLETE): it is gone.
    stacks: stacks
      .filter((st) => st.stack_status !== 'DELETE_COMPLETE')
      .map((st) => ({ id: st.id, name: st.stack_name, status: st.stack_status, reason: st.stack_status_reason ?? null, createdAt: st.creation_time ?? null })),
    servers: servers.map((sv) => ({
      id: sv.id,
      name: sv.name,
      status: sv.status,
      addresses: Object.values(sv.addresses ?? {}).flatMap((list) => list.map((a) => a.addr)),
    })),
    missing: [...(heat ? [] : ['orchestration (Heat)']), ...(nova ? [] : ['compute (Nova)'])],
  };
}

/** Where a Kubernetes provider's API is, and its bearer token and CA (from a token credential or a kubeconfig). */
function kubernetesAccess(provider: ProviderEntity, credential: RevealedCredential | null): { apiUrl?: string; token?: string; ca?: string } {
  const config = provider.config as KubernetesConfig;
  let apiUrl = config.apiUrl;
  let token: string | undefined;
  let ca: string | undefined;
  if (credential?.type === 'kubernetes_token') {
    apiUrl ??= credential.inputs.api_url;
    token = credential.secrets.token;
    ca = credential.inputs.ca_cert || undefined;
  } else if (credential?.type === 'kubeconfig') {
    const kc = parse(credential.secrets.kubeconfig) as {
      'current-context'?: string;
      contexts?: { name: string; context: { cluster: string; user: string } }[];
      clusters?: { name: string; cluster: { server: string; 'certificate-authority-data'?: string } }[];
      users?: { name: string; user: { token?: string } }[];
    };
    const context = kc.contexts?.find((c) => c.name === (credential.inputs.context || kc['current-context']))?.context;
    const cluster = kc.clusters?.find((c) => c.name === context?.cluster)?.cluster;
    apiUrl ??= cluster?.server;
    token = kc.users?.find((u) => u.name === context?.user)?.user.token;
    if (cluster?.['certificate-authority-data']) ca = Buffer.from(cluster['certificate-authority-data'], 'base64').toString('utf8');
  }
  return { apiUrl: apiUrl?.replace(/\/+$/, ''), token, ca };
}

/** Kubernetes: `/version` and `/readyz` of the API server, with the credential's token. */
export async function checkKubernetes(provider: ProviderEntity, credential: RevealedCredential | null): Promise<HealthResult> {
  const { apiUrl, token, ca } = kubernetesAccess(provider, credential);
  if (!apiUrl) return { status: 'down', message: 'no API server URL' };
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  try {
    const version = await httpCall(`${apiUrl.replace(/\/+$/, '')}/version`, { headers, ca });
    if (version.status !== 200) return { status: 'down', message: `/version answered HTTP ${version.status}` };
    const ready = await httpCall(`${apiUrl.replace(/\/+$/, '')}/readyz`, { headers, ca });
    if (ready.status !== 200) return { status: 'down', message: `/readyz answered HTTP ${ready.status}: ${ready.body.slice(0, 200)}` };
    const v = JSON.parse(version.body) as { gitVersion?: string };
    return { status: 'up', message: `Kubernetes ${v.gitVersion ?? '(version unknown)'} ready` };
  } catch (err) {
    return { status: 'down', message: `the API server did not answer: ${(err as Error).message}` };
  }
}

interface KubeObject {
  metadata?: { name?: string; namespace?: string };
  spec?: { replicas?: number; type?: string; ports?: { port: number }[] };
  status?: { readyReplicas?: number; loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}

/** Kubernetes: what the cluster holds — namespaces, deployments and services (with their load balancer addresses). */
export async function kubernetesResources(provider: ProviderEntity, credential: RevealedCredential | null): Promise<Record<string, unknown>> {
  const { apiUrl, token, ca } = kubernetesAccess(provider, credential);
  if (!apiUrl) throw new Error('no API server URL');
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const get = async (path: string) => {
    const res = await httpCall(`${apiUrl}${path}`, { headers, ca });
    if (res.status !== 200) throw new Error(`${path} answered HTTP ${res.status}`);
    return (JSON.parse(res.body) as { items?: KubeObject[] }).items ?? [];
  };
  const [namespaces, deployments, services] = await Promise.all([get('/api/v1/namespaces'), get('/apis/apps/v1/deployments'), get('/api/v1/services')]);
  return {
    namespaces: namespaces.map((n) => n.metadata?.name),
    deployments: deployments.map((d) => ({
      namespace: d.metadata?.namespace,
      name: d.metadata?.name,
      replicas: d.spec?.replicas ?? null,
      ready: d.status?.readyReplicas ?? 0,
    })),
    services: services.map((s) => ({
      namespace: s.metadata?.namespace,
      name: s.metadata?.name,
      type: s.spec?.type ?? 'ClusterIP',
      address: s.status?.loadBalancer?.ingress?.[0]?.ip ?? s.status?.loadBalancer?.ingress?.[0]?.hostname ?? null,
      ports: (s.spec?.ports ?? []).map((p) => p.port),
    })),
  };
}

/** A metric read from a provider's own API: its value, or why there is none; `note` says what was seen. */
export interface ProviderMetricReading {
  value: number | null;
  note: string | null;
}

/** What a performance job reads from a provider: a Kubernetes Deployment's ready replicas, or whether a Heat stack is complete. */
export type ProviderMetricSpec = { kind: 'k8s_ready_replicas'; namespace: string; deployment: string } | { kind: 'heat_stack_complete'; stack: string };

/**
 * Kubernetes: the ready replicas of one Deployment (GET .../namespaces/{ns}/deployments/{name}).
 * A Deployment that is not there has none ready: 0, saying so.
 */
export async function kubernetesReadyReplicas(
  provider: ProviderEntity,
  credential: RevealedCredential | null,
  namespace: string,
  deployment: string,
): Promise<ProviderMetricReading> {
  const { apiUrl, token, ca } = kubernetesAccess(provider, credential);
  if (!apiUrl) throw new Error('no API server URL');
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const path = `/apis/apps/v1/namespaces/${encodeURIComponent(namespace)}/deployments/${encodeURIComponent(deployment)}`;
  const res = await httpCall(`${apiUrl}${path}`, { headers, ca });
  if (res.status === 404) return { value: 0, note: `Deployment "${deployment}" is not in namespace "${namespace}"` };
  if (res.status !== 200) throw new Error(`${path} answered HTTP ${res.status}`);
  const d = JSON.parse(res.body) as KubeObject;
  const ready = d.status?.readyReplicas ?? 0;
  const wanted = d.spec?.replicas ?? null;
  return { value: ready, note: wanted !== null && ready < wanted ? `${ready} of ${wanted} replicas ready` : null };
}

/**
 * OpenStack: whether a Heat stack is complete — 1 when its status is CREATE_COMPLETE,
 * UPDATE_COMPLETE, RESUME_COMPLETE... (not DELETE_COMPLETE), 0 otherwise or when it is gone,
 * with its status and Heat's reason.
 */
export async function openstackStackComplete(provider: ProviderEntity, credential: RevealedCredential | null, stack: string): Promise<ProviderMetricReading> {
  if (credential?.type !== 'openstack') throw new Error('no OpenStack credential to authenticate with');
  const answer = await openstackToken(provider, credential);
  if ('status' in answer) throw new Error(`Keystone answered HTTP ${answer.status}`);
  const heat = endpointOf(answer.catalog, 'orchestration', (provider.config as OpenStackConfig).region ?? credential.inputs.region);
  if (!heat) throw new Error('this cloud has no orchestration (Heat) service');
  const res = await httpCall(`${heat}/stacks?name=${encodeURIComponent(stack)}`, { headers: { 'x-auth-token': answer.token, accept: 'application/json' } });
  if (res.status !== 200) throw new Error(`/stacks answered HTTP ${res.status}`);
  const found = ((JSON.parse(res.body) as { stacks?: HeatStack[] }).stacks ?? []).filter((s) => s.stack_name === stack && s.stack_status !== 'DELETE_COMPLETE');
  if (found.length === 0) return { value: 0, note: `stack "${stack}" is not in this project` };
  const { stack_status: status, stack_status_reason: reason } = found[0];
  const complete = status.endsWith('_COMPLETE');
  return { value: complete ? 1 : 0, note: complete ? null : `${status}${reason ? `: ${reason}` : ''}` };
}
