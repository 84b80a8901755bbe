import { createHmac, timingSafeEqual } from 'node:crypto';

export type WebhookHeaders = Record<string, string | string[] | undefined>;

const header = (headers: WebhookHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Which git host signed a webhook call, when the signature matches `secret`; null otherwise.
 * GitHub (and Gitea, Forgejo): `X-Hub-Signature-256: sha256=<HMAC-SHA256 of the body>`;
 * Gitea/Gogs: `X-Gitea-Signature` / `X-Gogs-Signature: <hex HMAC>`; GitLab: `X-Gitlab-Token:
 * <secret>`; anything else: `X-Superfluid-Signature: sha256=<hex HMAC>`.
 */
export function verifyWebhook(headers: WebhookHeaders, body: Buffer, secret: string): 'github' | 'gitea' | 'gitlab' | 'generic' | null {
  const hmac = createHmac('sha256', secret).update(body).digest('hex');
  const github = header(headers, 'x-hub-signature-256');
  if (github !== undefined) return sameText(github.trim().toLowerCase(), `sha256=${hmac}`) ? 'github' : null;
  const gitea = header(headers, 'x-gitea-signature') ?? header(headers, 'x-gogs-signature');
  if (gitea !== undefined) return sameText(gitea.trim().toLowerCase(), hmac) ? 'gitea' : null;
  const gitlab = header(headers, 'x-gitlab-token');
  if (gitlab !== undefined) return sameText(gitlab, secret) ? 'gitlab' : null;
  const generic = header(headers, 'x-superfluid-signature');
  if (generic !== undefined) return sameText(generic.trim().toLowerCase(), `sha256=${hmac}`) ? 'generic' : null;
  return null;
}

/** Events that say nothing changed (GitHub's ping on creation), answered without a refresh. */
export function isPing(headers: WebhookHeaders): boolean {
  return header(headers, 'x-github-event') === 'ping' || header(headers, 'x-gitea-event') === 'ping';
}
