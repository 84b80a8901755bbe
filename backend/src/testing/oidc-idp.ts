import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../config/config.js';
import { freePort } from './harness.js';

/** A user of the test identity provider. */
export interface IdpUser {
  sub: string;
  username: string;
  password: string;
  name?: string;
  email?: string;
  groups?: string[];
}

export interface TestIdp {
  issuer: string;
  port: number;
  /** Replaces the provider's users (read at every sign-in). */
  setUsers(users: IdpUser[]): Promise<void>;
  stop(): Promise<void>;
}

/** A port for the provider, so that the portal's OIDC_ISSUER is known before either starts. */
export const idpPort = freePort;

/**
 * A real OpenID Connect provider (the `oidc-provider` package, test/support/oidc-idp.mjs) in a
 * process of its own on 127.0.0.1:`port`, with one client (code flow, PKCE) redirecting to
 * `redirectUri`.
 */
export async function startOidcIdp(options: {
  port: number;
  redirectUri: string;
  clientId: string;
  clientSecret?: string;
  users: IdpUser[];
}): Promise<TestIdp> {
  const dir = await mkdtemp(join(tmpdir(), 'oidc-idp-'));
  const usersFile = join(dir, 'users.json');
  const setUsers = (users: IdpUser[]) => writeFile(usersFile, JSON.stringify(users));
  await setUsers(options.users);
  const child: ChildProcess = spawn(process.execPath, [join(PROJECT_ROOT, 'test/support/oidc-idp.mjs')], {
    env: {
      PATH: process.env.PATH,
      IDP_PORT: String(options.port),
      IDP_REDIRECT_URI: options.redirectUri,
      IDP_CLIENT_ID: options.clientId,
      IDP_USERS_FILE: usersFile,
      ...(options.clientSecret ? { IDP_CLIENT_SECRET: options.clientSecret } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the identity provider did not start in 20 s:\n${output}`)), 20_000);
    const seen = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening ')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the identity provider exited (${code}):\n${output}`));
    });
  });
  return {
    issuer: `http://127.0.0.1:${options.port}`,
    port: options.port,
    setUsers,
    async stop() {
      child.removeAllListeners('exit');
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A browser without a browser: HTTP with a cookie jar per host, redirects followed by hand. Each
 * step stops at a page (200), at a redirect into the portal's UI (`<publicUrl>/#...`), or at a
 * redirect `stopAt` names (so a test can change the callback before it is sent).
 */
export class CookieBrowser {
  private readonly jar = new Map<string, Map<string, string>>();

  constructor(private readonly publicUrl: string) {}

  private cookies(url: URL): string {
    return [...(this.jar.get(url.host) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(url: URL, res: Response): void {
    const cookies = this.jar.get(url.host) ?? new Map<string, string>();
    this.jar.set(url.host, cookies);
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const [name, value] = [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]) < Date.now()));
      if (expired || value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
  }

  /** Follows redirects from `url` (a GET, or a POST of `form`). */
  async go(url: string, options: { form?: Record<string, string>; stopAt?: (location: string) => boolean } = {}): Promise<BrowserStop> {
    let next = new URL(url);
    let form = options.form;
    for (let hops = 0; hops < 20; hops++) {
      const res = await fetch(next, {
        method: form ? 'POST' : 'GET',
        redirect: 'manual',
        headers: {
          cookie: this.cookies(next),
          connection: 'close',
          ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        body: form ? new URLSearchParams(form).toString() : undefined,
      });
      this.keep(next, res);
      form = undefined;
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        const target = new URL(location, next);
        if (target.href.startsWith(`${this.publicUrl}/#`)) return { kind: 'ui', url: target };
        if (options.stopAt?.(target.href)) return { kind: 'stopped', url: target };
        next = target;
        continue;
      }
      return { kind: 'page', url: next, status: res.status, html: await res.text() };
    }
    throw new Error(`more than 20 redirects from ${url}`);
  }
}

export type BrowserStop = { kind: 'ui'; url: URL } | { kind: 'stopped'; url: URL } | { kind: 'page'; url: URL; status: number; html: string };

/** The route and query of a UI URL (`<publicUrl>/#/sso?token=...`): { route: '/sso', params }. */
export function uiRoute(url: URL): { route: string; params: URLSearchParams } {
  const [route, query = ''] = url.hash.slice(1).split('?');
  return { route, params: new URLSearchParams(query) };
}
