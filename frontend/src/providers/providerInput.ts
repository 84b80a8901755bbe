// The provider form's values → the ProviderInput the API takes: only the settings of the chosen type,
// empty texts left out, ports as numbers, and a credential picker left empty sent as null (removed).
import { withSubject } from '../common/serverErrors';
import type { JsonObject, ProviderType } from '../types';
import type { ProviderConfig, ProviderInput, SshHost } from './api';

/** The credential types each provider type connects with (the server checks the same). */
export const CONNECTION_CREDENTIAL_TYPES: Record<ProviderType, string[]> = {
  local: [],
  ssh: ['ssh_key', 'username_password'],
  openstack: ['openstack'],
  kubernetes: ['kubeconfig', 'kubernetes_token'],
};

/** Provider types that become another user (a become_password credential). */
export const BECOMES: ProviderType[] = ['ssh', 'local'];

export interface ProviderFormValues {
  name?: string | null;
  type?: ProviderType | null;
  credentialId?: string | null;
  becomeCredentialId?: string | null;
  config?: {
    hosts?: ({ name?: string | null; address?: string | null; port?: number | string | null; variables?: JsonObject } | null)[] | null;
    user?: string | null;
    sshArgs?: string | null;
    authUrl?: string | null;
    region?: string | null;
    interface?: string | null;
    apiUrl?: string | null;
    namespace?: string | null;
    variables?: JsonObject | null;
  } | null;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

const withoutUndefined = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

const toPort = (value: unknown): number | undefined => {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return undefined;
};

export const toProviderConfig = (type: ProviderType, values: ProviderFormValues['config']): ProviderConfig => {
  const c = values ?? {};
  // Variables are not edited in this form (the API takes them): whatever the record had is kept.
  const variables = c.variables && typeof c.variables === 'object' ? c.variables : undefined;
  switch (type) {
    case 'local':
      return withoutUndefined({ variables });
    case 'ssh':
      return withoutUndefined({
        hosts: (c.hosts ?? [])
          .filter((h) => h !== null)
          .map((h): SshHost => withoutUndefined({ name: text(h.name) ?? '', address: text(h.address) ?? '', port: toPort(h.port), variables: h.variables })),
        user: text(c.user),
        sshArgs: text(c.sshArgs),
        variables,
      });
    case 'openstack':
      return withoutUndefined({
        authUrl: text(c.authUrl),
        region: text(c.region),
        interface: text(c.interface) as ProviderConfig['interface'],
        variables,
      });
    case 'kubernetes':
      return withoutUndefined({ apiUrl: text(c.apiUrl), namespace: text(c.namespace), variables });
  }
};

export const toProviderInput = (values: ProviderFormValues, type: ProviderType): ProviderInput => ({
  name: text(values.name) ?? '',
  type,
  config: toProviderConfig(type, values.config),
  credentialId: CONNECTION_CREDENTIAL_TYPES[type].length ? (text(values.credentialId) ?? null) : null,
  becomeCredentialId: BECOMES.includes(type) ? (text(values.becomeCredentialId) ?? null) : null,
});

const PROVIDER_LABELS: Record<string, string> = { name: 'Name', type: 'Type', credentialId: 'The credential', becomeCredentialId: 'The become credential' };

/**
 * The server's `config` message goes under the settings (a field of its own: see ProviderForm); a
 * message that ends a sentence ("is taken") gets its input's name in front ("Name is taken").
 */
export const placeProviderErrors = (errors: Record<string, unknown>): Record<string, unknown> => {
  const placed: Record<string, unknown> = {};
  for (const [key, message] of Object.entries(errors))
    placed[key === 'config' ? 'configError' : key] = typeof message === 'string' && PROVIDER_LABELS[key] ? withSubject(PROVIDER_LABELS[key], message) : message;
  return placed;
};
