import { plainZodError } from '../common/plain-zod.js';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { assertYamlDepth, YamlLimitError } from '../common/yaml-limits.js';

/**
 * The registry of credential types: for each, its fields (which are secret, required,
 * multi-line) and one zod schema that validates a credential's values — inputs and secrets
 * together — and normalizes them (an SSH key gets its final newline, for instance).
 *
 * Messages never quote a value: they end up in API errors, and values may be secrets.
 */

export const CREDENTIAL_TYPE_NAMES = [
  'ssh_key',
  'username_password',
  'become_password',
  'vault_password',
  'kubeconfig',
  'kubernetes_token',
  'openstack',
  'git_token',
  'git_ssh_key',
] as const;
export type CredentialTypeName = (typeof CREDENTIAL_TYPE_NAMES)[number];

export interface CredentialField {
  name: string;
  label: string;
  /** Encrypted at rest, never returned by the API. */
  secret: boolean;
  /** Always required; some fields are required only in combination (see `help`). */
  required: boolean;
  multiline: boolean;
  help?: string;
}

export type CredentialValues = Record<string, string>;

export interface CredentialType {
  name: CredentialTypeName;
  label: string;
  description: string;
  fields: CredentialField[];
  schema: z.ZodType<CredentialValues, CredentialValues>;
}

/** Largest value a field takes: a kubeconfig with embedded certificates fits easily. */
export const MAX_VALUE_LENGTH = 200_000;

const text = () =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
    .max(MAX_VALUE_LENGTH, `is too long (at most ${MAX_VALUE_LENGTH} characters)`);

const oneLine = () => text().regex(/^[^\r\n]*$/, 'must be one line');

const httpUrl = () =>
  oneLine().refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
    } catch {
      return false;
    }
  }, 'must be an http(s):// URL without credentials in it');

const PUBLIC_KEY = /^(ssh-(rsa|dss|ed25519)|ecdsa-sha2-|sk-(ssh|ecdsa)-|-----BEGIN (SSH2 )?PUBLIC KEY-----|-----BEGIN CERTIFICATE-----)/;
const PRIVATE_KEY =
  /^-----BEGIN ((?:OPENSSH|RSA|DSA|EC|ENCRYPTED) )?PRIVATE KEY-----\n(?:[A-Za-z-]+: [^\n]*\n)*\n?[A-Za-z0-9+/=]+(?:\n[A-Za-z0-9+/=]+)*\n-----END \1PRIVATE KEY-----$/;

/** Checks a private key looks like PEM or OpenSSH, and normalizes it the way ssh needs (LF, final newline). */
export function checkPrivateKey(value: string): { ok: true; key: string } | { ok: false; reason: string } {
  const key = value.replace(/\r\n?/g, '\n').trim();
  if (PUBLIC_KEY.test(key)) return { ok: false, reason: 'is a public key or certificate: paste the private key' };
  if (key.startsWith('PuTTY-User-Key-File')) return { ok: false, reason: 'is a PuTTY key: convert it with "puttygen key.ppk -O private-openssh -o key"' };
  if (!PRIVATE_KEY.test(key)) {
    return { ok: false, reason: 'is not a private key in OpenSSH or PEM format (-----BEGIN OPENSSH PRIVATE KEY----- … -----END OPENSSH PRIVATE KEY-----)' };
  }
  return { ok: true, key: `${key}\n` };
}

const privateKey = () =>
  text().transform((value, ctx) => {
    const checked = checkPrivateKey(value);
    if (checked.ok) return checked.key;
    ctx.addIssue({ code: 'custom', message: checked.reason });
    return z.NEVER;
  });

const certificate = () =>
  text()
    .transform((value) => `${value.replace(/\r\n?/g, '\n').trim()}\n`)
    .refine(
      (value) => /^(-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+-----END CERTIFICATE-----\n\n?)+$/.test(value),
      'must be one or more PEM certificates (-----BEGIN CERTIFICATE----- …)',
    );

/**
 * A YAML document that is a mapping. Errors give the line only: the YAML library quotes
 * the offending source, which may be a secret.
 */
function yamlMapping(value: string): { ok: true; doc: Record<string, unknown> } | { ok: false; reason: string } {
  try {
    // Nesting is capped before the parser recurses into it (a few kilobytes nested deep can exhaust the stack).
    assertYamlDepth(value);
  } catch (err) {
    if (err instanceof YamlLimitError) return { ok: false, reason: `is nested too deeply to be a YAML document we read (${err.message})` };
    throw err;
  }
  const doc = parseDocument(value, { prettyErrors: true, uniqueKeys: false });
  if (doc.errors.length) {
    const pos = doc.errors[0].linePos?.[0];
    return { ok: false, reason: `is not valid YAML${pos ? ` (line ${pos.line}, column ${pos.col})` : ''}` };
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { ok: false, reason: 'must be a YAML mapping' };
  return { ok: true, doc: data as Record<string, unknown> };
}

const namesIn = (list: unknown): string[] =>
  Array.isArray(list)
    ? list.flatMap((item) =>
        item && typeof item === 'object' && typeof (item as { name?: unknown }).name === 'string' ? [(item as { name: string }).name] : [],
      )
    : [];

/** Names of a kubeconfig's contexts, or why it is not a kubeconfig. */
export function kubeconfigContexts(value: string): { ok: true; contexts: string[] } | { ok: false; reason: string } {
  const parsed = yamlMapping(value);
  if (!parsed.ok) return parsed;
  if (namesIn(parsed.doc.clusters).length === 0) return { ok: false, reason: 'is not a kubeconfig: it lists no clusters' };
  return { ok: true, contexts: namesIn(parsed.doc.contexts) };
}

/** Names of the clouds in a clouds.yaml, or why it is not one. */
export function cloudsYamlClouds(value: string): { ok: true; clouds: string[] } | { ok: false; reason: string } {
  const parsed = yamlMapping(value);
  if (!parsed.ok) return parsed;
  const clouds = parsed.doc.clouds;
  if (!clouds || typeof clouds !== 'object' || Array.isArray(clouds) || Object.keys(clouds).length === 0) {
    return { ok: false, reason: 'is not a clouds.yaml: it has no "clouds:" mapping' };
  }
  return { ok: true, clouds: Object.keys(clouds) };
}

const yamlOf = (check: (value: string) => { ok: true } | { ok: false; reason: string }) =>
  text().superRefine((value, ctx) => {
    const result = check(value);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: result.reason });
  });

interface FieldDef {
  label: string;
  secret?: boolean;
  required?: boolean;
  multiline?: boolean;
  help?: string;
  /** Defaults to one line of text; multi-line fields default to text. */
  check?: z.ZodType<string, string>;
}

type Rules = (values: CredentialValues, issue: (field: string, message: string) => void) => void;

function defineType(name: CredentialTypeName, label: string, description: string, fields: Record<string, FieldDef>, rules?: Rules): CredentialType {
  const shape: Record<string, z.ZodType<string | undefined, string | undefined>> = {};
  for (const [field, def] of Object.entries(fields)) {
    const check = def.check ?? (def.multiline ? text() : oneLine());
    shape[field] = def.required ? check : check.optional();
  }
  const schema = z
    .object(shape)
    .strict()
    .superRefine((values, ctx) => {
      rules?.(values as CredentialValues, (field, message) => ctx.addIssue({ code: 'custom', path: [field], message }));
    }) as unknown as z.ZodType<CredentialValues, CredentialValues>;
  return {
    name,
    label,
    description,
    schema,
    fields: Object.entries(fields).map(([field, def]) => ({
      name: field,
      label: def.label,
      secret: def.secret ?? false,
      required: def.required ?? false,
      multiline: def.multiline ?? false,
      ...(def.help ? { help: def.help } : {}),
    })),
  };
}

const OPENSTACK_METHODS = [
  { name: 'username and password', fields: ['username', 'password'], requires: ['auth_url', 'project_name'] },
  { name: 'application credential', fields: ['application_credential_id', 'application_credential_secret'], requires: ['auth_url'] },
  { name: 'clouds.yaml', fields: ['clouds_yaml', 'cloud'], requires: [] },
] as const;

const openstackRules: Rules = (values, issue) => {
  const used = OPENSTACK_METHODS.filter((m) => m.fields.some((f) => values[f] !== undefined));
  const choice = 'authenticate one way: username + password, application credential id + secret, or clouds.yaml + cloud name';
  if (used.length === 0) {
    for (const m of OPENSTACK_METHODS) issue(m.fields[0], choice);
    return;
  }
  if (used.length > 1) {
    for (const m of used.slice(1)) for (const f of m.fields) if (values[f] !== undefined) issue(f, `${choice} (${used[0].name} is given already)`);
    return;
  }
  const [method] = used;
  for (const f of [...method.fields, ...method.requires]) if (values[f] === undefined) issue(f, `is required with ${method.name}`);
  if (method.name === 'clouds.yaml' && values.clouds_yaml !== undefined && values.cloud !== undefined) {
    const parsed = cloudsYamlClouds(values.clouds_yaml);
    if (parsed.ok && !parsed.clouds.includes(values.cloud)) issue('cloud', `is not a cloud of the clouds.yaml (it has ${parsed.clouds.join(', ')})`);
  }
};

const kubeconfigRules: Rules = (values, issue) => {
  if (values.kubeconfig === undefined || values.context === undefined) return;
  const parsed = kubeconfigContexts(values.kubeconfig);
  if (parsed.ok && !parsed.contexts.includes(values.context)) {
    issue('context', parsed.contexts.length ? `is not a context of the kubeconfig (it has ${parsed.contexts.join(', ')})` : 'the kubeconfig has no contexts');
  }
};

/** The git server a git credential is for: it is sent to no other. */
const GIT_HOST: FieldDef = {
  label: 'Git host',
  help: 'The server it is for (git.example.com, or git.example.com:8443). Empty: the host of the first repository that uses it, kept from then on; a repository on another host is refused.',
  check: oneLine().regex(
    /^([a-z0-9]([a-z0-9.-]*[a-z0-9])?|\[[0-9a-f:]+\])(:\d{1,5})?$/i,
    'must be a host name, with a port if not the default (git.example.com:8443)',
  ),
};

const PASSPHRASE: FieldDef = { label: 'Passphrase', secret: true, help: 'Only for a key protected by a passphrase.' };

const TYPES: CredentialType[] = [
  defineType('ssh_key', 'SSH key', 'Logs in to hosts over SSH (Ansible machine credential).', {
    username: { label: 'Username', help: 'Remote user; empty for the inventory’s or Ansible’s default.' },
    private_key: { label: 'Private key', secret: true, required: true, multiline: true, check: privateKey() },
    passphrase: PASSPHRASE,
  }),
  defineType('username_password', 'Username and password', 'A user name and its password, for SSH or an API.', {
    username: { label: 'Username', required: true },
    password: { label: 'Password', secret: true, required: true },
  }),
  defineType('become_password', 'Become password', 'The password Ansible gives sudo/su to become another user.', {
    become_user: { label: 'Become user', help: 'Empty for root.', check: oneLine().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/, 'must be a user name') },
    password: { label: 'Password', secret: true, required: true },
  }),
  defineType('vault_password', 'Vault password', 'Decrypts Ansible Vault files and variables.', {
    vault_id: {
      label: 'Vault id',
      help: 'Label of the vault id (prod, dev); empty for the default.',
      check: oneLine().regex(/^[A-Za-z0-9_.-]+$/, 'use letters, digits, . _ or -'),
    },
    password: { label: 'Password', secret: true, required: true },
  }),
  defineType(
    'kubeconfig',
    'Kubeconfig',
    'A kubeconfig file for a Kubernetes cluster.',
    {
      kubeconfig: {
        label: 'Kubeconfig',
        secret: true,
        required: true,
        multiline: true,
        check: yamlOf((value) => kubeconfigContexts(value)),
      },
      context: { label: 'Context', help: 'Empty for the kubeconfig’s current context.' },
    },
    kubeconfigRules,
  ),
  defineType('kubernetes_token', 'Kubernetes token', 'A bearer token (service account) for a Kubernetes API server.', {
    api_url: { label: 'API server URL', required: true, check: httpUrl() },
    token: { label: 'Token', secret: true, required: true },
    ca_cert: { label: 'CA certificate', multiline: true, help: 'PEM; empty to trust the system’s CAs.', check: certificate() },
  }),
  defineType(
    'openstack',
    'OpenStack',
    'An OpenStack cloud: username and password, an application credential, or a clouds.yaml.',
    {
      auth_url: { label: 'Auth URL', help: 'Keystone URL; required unless a clouds.yaml is given.', check: httpUrl() },
      region: { label: 'Region' },
      project_name: { label: 'Project name', help: 'Required with username and password.' },
      domain: { label: 'Domain', help: 'Empty for Default.' },
      username: { label: 'Username', help: 'With a password.' },
      password: { label: 'Password', secret: true, help: 'With a username.' },
      application_credential_id: { label: 'Application credential id', help: 'With its secret.' },
      application_credential_secret: { label: 'Application credential secret', secret: true, help: 'With its id.' },
      clouds_yaml: {
        label: 'clouds.yaml',
        secret: true,
        multiline: true,
        help: 'With a cloud name.',
        check: yamlOf((value) => cloudsYamlClouds(value)),
      },
      cloud: { label: 'Cloud', help: 'The cloud of the clouds.yaml to use.' },
    },
    openstackRules,
  ),
  defineType('git_token', 'Git token', 'An access token for cloning git repositories over HTTPS.', {
    host: GIT_HOST,
    username: { label: 'Username', help: 'Empty when the server takes the token alone.' },
    token: { label: 'Token', secret: true, required: true },
  }),
  defineType('git_ssh_key', 'Git SSH key', 'An SSH key for cloning git repositories over SSH.', {
    host: GIT_HOST,
    private_key: { label: 'Private key', secret: true, required: true, multiline: true, check: privateKey() },
    passphrase: PASSPHRASE,
  }),
];

const BY_NAME = new Map<string, CredentialType>(TYPES.map((t) => [t.name, t]));

export const credentialTypes = (): readonly CredentialType[] => TYPES;

export const credentialType = (name: string): CredentialType | undefined => BY_NAME.get(name);

export const secretFieldNames = (type: CredentialType): string[] => type.fields.filter((f) => f.secret).map((f) => f.name);

export type CheckResult = { ok: true; inputs: CredentialValues; secrets: CredentialValues } | { ok: false; fields: Record<string, string> };

/**
 * Validates a credential's values against its type and splits the normalized result into
 * non-secret inputs and secrets. Absent fields are simply not in `values`.
 */
export function checkValues(type: CredentialType, values: CredentialValues): CheckResult {
  const parsed = type.schema.safeParse(values, { error: plainZodError });
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) fields[key] ??= `is not a field of ${type.name}`;
        continue;
      }
      const field = issue.path.length ? String(issue.path[0]) : 'type';
      fields[field] ??= issue.message;
    }
    return { ok: false, fields };
  }
  const secret = new Set(secretFieldNames(type));
  const inputs: CredentialValues = {};
  const secrets: CredentialValues = {};
  for (const [key, value] of Object.entries(parsed.data)) {
    if (value === undefined) continue;
    (secret.has(key) ? secrets : inputs)[key] = value;
  }
  return { ok: true, inputs, secrets };
}
