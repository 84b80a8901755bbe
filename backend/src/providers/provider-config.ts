import { z } from 'zod';
import type { ProviderType } from './provider.entity.js';

const HOST_NAME = /^[A-Za-z0-9]([A-Za-z0-9._-]{0,62})$/;
const ADDRESS = /^([A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\[?[0-9a-fA-F:]+\]?)$/;
const VARIABLE = /^[a-z_][a-z0-9_]*$/;
const scalar = z.union([z.string().max(4096), z.number(), z.boolean()]);
const variables = z.record(z.string().regex(VARIABLE, 'variable names are lower_snake_case'), scalar);
const httpUrl = z.string().refine((v) => {
  try {
    const u = new URL(v);
    return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password;
  } catch {
    return false;
  }
}, 'must be an http(s):// URL without credentials');

/** Settings of each provider type; secrets never go here (they are credentials). */
export const PROVIDER_CONFIG = {
  local: z.object({ variables: variables.optional() }).strict(),
  ssh: z
    .object({
      hosts: z
        .array(
          z
            .object({
              name: z.string().regex(HOST_NAME, 'host names are letters, digits, . _ -'),
              address: z.string().regex(ADDRESS, 'is not a host name or IP address'),
              port: z.number().int().min(1).max(65535).optional(),
              variables: variables.optional(),
            })
            .strict(),
        )
        .min(1, 'list at least one host')
        .max(1000),
      /** Remote user; the credential's username when empty. */
      user: z
        .string()
        .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/, 'must be a user name')
        .optional(),
      /**
       * Extra ssh options for every connection, e.g. `-o ProxyJump=bastion`. They run
       * commands on the worker (ProxyCommand): administrators only.
       */
      sshArgs: z.string().max(1000).optional(),
      variables: variables.optional(),
    })
    .strict()
    .superRefine((c, ctx) => {
      const seen = new Set<string>();
      c.hosts.forEach((h, i) => {
        if (seen.has(h.name)) ctx.addIssue({ code: 'custom', path: ['hosts', i, 'name'], message: `host "${h.name}" is listed twice` });
        seen.add(h.name);
      });
    }),
  openstack: z
    .object({
      authUrl: httpUrl.optional(),
      region: z.string().max(100).optional(),
      interface: z.enum(['public', 'internal', 'admin']).optional(),
      variables: variables.optional(),
    })
    .strict(),
  kubernetes: z
    .object({
      apiUrl: httpUrl.optional(),
      namespace: z
        .string()
        .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a Kubernetes namespace name')
        .default('default'),
      variables: variables.optional(),
    })
    .strict(),
} satisfies Record<ProviderType, z.ZodType>;

export type SshConfig = z.infer<(typeof PROVIDER_CONFIG)['ssh']>;
export type OpenStackConfig = z.infer<(typeof PROVIDER_CONFIG)['openstack']>;
export type KubernetesConfig = z.infer<(typeof PROVIDER_CONFIG)['kubernetes']>;

/** The credential types each provider type connects with. */
export const CONNECTION_CREDENTIALS: Record<ProviderType, string[]> = {
  local: [],
  ssh: ['ssh_key', 'username_password'],
  openstack: ['openstack'],
  kubernetes: ['kubeconfig', 'kubernetes_token'],
};
