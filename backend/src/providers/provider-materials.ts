import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { RevealedCredential } from '../credentials/credentials.service.js';
import { PLAYBOOK_PYTHON, type RunMaterials } from '../jobs/run-materials.js';
import { knownHostsText, pinnedFor, pinningSshArgs } from './host-keys.js';
import type { KubernetesConfig, OpenStackConfig, SshConfig } from './provider-config.js';
import type { ProviderEntity } from './provider.entity.js';

/** Removes a key's passphrase in place (ssh-keygen -p, the old passphrase given by an askpass program reading a 0600 file). */
export type DecryptKey = (keyFile: string, askpass: string) => Promise<void>;

export interface MaterialsOptions {
  /** The inventory group: the provider's name, or the site it stands for. */
  group?: string;
  siteVariables?: Record<string, unknown>;
  onlyHosts?: string[];
  decryptKey?: DecryptKey;
  /**
   * For display (Provider.inventory, Inventory.rendered): nothing is written, and the
   * credentials given carry no secret (placeholders), so none is decrypted to show it.
   */
  display?: boolean;
}

/** What a displayed inventory shows where a run has its own folder. */
export const DISPLAY_RUN_DIR = '<run folder>';

/**
 * Builds what a run on `provider` needs, in `runDir`: its inventory (one group, named
 * after the provider or the site it stands for; no secrets), credential files (mode
 * 0600 under credentials/<group>/), environment variables, the group's secret connection
 * variables, and the secrets to mask. A credential's endpoint (API or auth URL) is its own,
 * never the provider's; an SSH host's key is checked against the key pinned for it.
 */
export async function buildMaterials(
  provider: ProviderEntity,
  credential: RevealedCredential | null,
  become: RevealedCredential | null,
  runDir: string,
  { group = provider.name, siteVariables = {}, onlyHosts, decryptKey, display = false }: MaterialsOptions = {},
): Promise<RunMaterials> {
  const dir = join(runDir, 'credentials', group);
  // Made with the first file: a provider without credentials (local) costs no folder.
  let made: Promise<unknown> | undefined;
  const file = async (name: string, content: string, mode = 0o600) => {
    const path = join(dir, name);
    if (display) return path;
    made ??= mkdir(dir, { recursive: true, mode: 0o700 });
    await made;
    await writeFile(path, content, { mode });
    return path;
  };
  const secrets = [credential, become].flatMap((c) => (c ? Object.values(c.secrets).filter((v) => v.length > 0) : []));
  const env: Record<string, string> = {};
  const secretVars: Record<string, unknown> = {};
  const groupVars: Record<string, unknown> = { ...((provider.config.variables as Record<string, unknown> | undefined) ?? {}), ...siteVariables };
  let hosts: Record<string, Record<string, unknown>>;

  if (become) {
    secretVars.ansible_become_password = become.secrets.password;
    if (become.inputs.become_user) groupVars.ansible_become_user = become.inputs.become_user;
  }

  switch (provider.type) {
    case 'local':
      hosts = { localhost: { ansible_connection: 'local', ansible_python_interpreter: PLAYBOOK_PYTHON } };
      break;
    case 'ssh': {
      const config = provider.config as SshConfig;
      // Host keys: the pinned ones in a known_hosts of the run, checked strictly; a host not
      // pinned yet is accepted on first contact (its provider's next check pins it). These
      // options come first on ssh's command line, so the provider's sshArgs cannot loosen them.
      const pinned = provider.hostKeys ?? {};
      const knownHosts = await file('known_hosts', knownHostsText(config.hosts, pinned));
      env.ANSIBLE_HOST_KEY_CHECKING = 'True';
      hosts = Object.fromEntries(
        config.hosts.map((h) => [
          h.name,
          {
            ansible_host: h.address,
            ...(h.port ? { ansible_port: h.port } : {}),
            ...(h.variables ?? {}),
            ansible_connection: 'ssh',
            ansible_ssh_args: pinningSshArgs(knownHosts, Boolean(pinnedFor(h, pinned))),
          },
        ]),
      );
      groupVars.ansible_connection = 'ssh';
      const user = config.user ?? credential?.inputs.username;
      if (user) groupVars.ansible_user = user;
      if (config.sshArgs) groupVars.ansible_ssh_common_args = config.sshArgs;
      if (credential?.type === 'ssh_key') {
        const key = await file('id_key', withNewline(credential.secrets.private_key));
        if (credential.secrets.passphrase && !display) {
          // The run's copy of the key loses its passphrase (ssh would ask for it, and its prompt
          // shows only the first 100 characters of the key's path): ssh-keygen -p, given the
          // old passphrase by a program that reads it from a 0600 file, both removed after.
          if (!decryptKey) throw new Error('a key with a passphrase needs ssh-keygen to open it');
          const passphrase = await file('passphrase', credential.secrets.passphrase);
          const askpass = await file('askpass', `#!/bin/sh\nexec cat '${passphrase.replace(/'/g, `'\\''`)}'\n`, 0o700);
          try {
            await decryptKey(key, askpass);
          } finally {
            await rm(passphrase, { force: true });
            await rm(askpass, { force: true });
          }
        }
        groupVars.ansible_ssh_private_key_file = key;
      } else if (credential?.type === 'username_password') {
        secretVars.ansible_password = credential.secrets.password;
      }
      break;
    }
    case 'openstack': {
      const config = provider.config as OpenStackConfig;
      hosts = { localhost: { ansible_connection: 'local', ansible_python_interpreter: PLAYBOOK_PYTHON } };
      if (credential?.type === 'openstack') {
        const { cloudsYaml, cloud, auth } = openstackClouds(group, config, credential);
        env.OS_CLIENT_CONFIG_FILE = await file('clouds.yaml', cloudsYaml);
        env.OS_CLOUD = cloud;
        groupVars.openstack_clouds_yaml = env.OS_CLIENT_CONFIG_FILE;
        // For playbooks that call the REST APIs with ansible.builtin.uri (works with bare ansible-core).
        secretVars.openstack_auth = auth;
        groupVars.openstack_cloud = cloud;
        if (auth.auth_url) groupVars.openstack_auth_url = auth.auth_url;
        if (config.region ?? credential.inputs.region) groupVars.openstack_region = config.region ?? credential.inputs.region;
      }
      break;
    }
    case 'kubernetes': {
      const config = provider.config as KubernetesConfig;
      hosts = { localhost: { ansible_connection: 'local', ansible_python_interpreter: PLAYBOOK_PYTHON } };
      groupVars.k8s_namespace = config.namespace;
      if (credential?.type === 'kubeconfig') {
        env.K8S_AUTH_KUBECONFIG = await file('kubeconfig', credential.secrets.kubeconfig);
        groupVars.k8s_kubeconfig = env.K8S_AUTH_KUBECONFIG;
        if (credential.inputs.context) env.K8S_AUTH_CONTEXT = credential.inputs.context;
      } else if (credential?.type === 'kubernetes_token') {
        // The token goes to the API server stored with it, never elsewhere.
        const host = credential.inputs.api_url;
        env.K8S_AUTH_HOST = host;
        env.K8S_AUTH_API_KEY = credential.secrets.token;
        groupVars.k8s_api_url = host;
        secretVars.k8s_api_key = credential.secrets.token;
        if (credential.inputs.ca_cert) {
          env.K8S_AUTH_SSL_CA_CERT = await file('ca.crt', credential.inputs.ca_cert);
          groupVars.k8s_ca_cert_file = env.K8S_AUTH_SSL_CA_CERT;
        }
      } else if (config.apiUrl) {
        groupVars.k8s_api_url = config.apiUrl;
      }
      break;
    }
  }
  if (onlyHosts?.length) hosts = Object.fromEntries(Object.entries(hosts).filter(([name]) => onlyHosts.includes(name)));
  return {
    inventory: { all: { children: { [group]: { hosts, vars: groupVars } } } },
    env,
    groupSecrets: { [group]: secretVars },
    secrets,
  };
}

const withNewline = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);

/** A clouds.yaml for the credential (its own, or one made from its fields) and the auth a REST playbook needs. */
export function openstackClouds(
  providerName: string,
  config: OpenStackConfig,
  credential: RevealedCredential,
): { cloudsYaml: string; cloud: string; auth: Record<string, string> } {
  const i = credential.inputs;
  const s = credential.secrets;
  if (s.clouds_yaml) {
    return { cloudsYaml: s.clouds_yaml, cloud: i.cloud, auth: { clouds_yaml_cloud: i.cloud } };
  }
  // The credential's own auth URL: a provider's authUrl may only repeat it (checked when it is saved).
  const authUrl = i.auth_url;
  const auth: Record<string, string> = s.application_credential_secret
    ? {
        auth_type: 'v3applicationcredential',
        auth_url: authUrl,
        application_credential_id: i.application_credential_id,
        application_credential_secret: s.application_credential_secret,
      }
    : {
        auth_type: 'password',
        auth_url: authUrl,
        username: i.username,
        password: s.password,
        project_name: i.project_name,
        user_domain_name: i.domain || 'Default',
        project_domain_name: i.domain || 'Default',
      };
  const { auth_type: authType, ...authFields } = auth;
  const cloud = providerName;
  const entry: Record<string, unknown> = { auth_type: authType, auth: authFields, identity_api_version: 3 };
  const region = config.region ?? i.region;
  if (region) entry.region_name = region;
  if (config.interface) entry.interface = config.interface;
  return { cloudsYaml: stringify({ clouds: { [cloud]: entry } }), cloud, auth };
}
