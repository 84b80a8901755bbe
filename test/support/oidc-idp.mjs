#!/usr/bin/env node
// A real OpenID Connect provider for the tests (the `oidc-provider` package), run as a process of
// its own:
//
//   node test/support/oidc-idp.mjs
//
// configured by the environment:
//   IDP_PORT          the port to listen on (127.0.0.1); the issuer is http://127.0.0.1:<port>
//   IDP_REDIRECT_URI  the portal's redirect URI (<PUBLIC_URL>/auth/oidc/callback)
//   IDP_CLIENT_ID     the one client (authorization code flow, PKCE S256 required)
//   IDP_CLIENT_SECRET its secret; unset: a public client (token_endpoint_auth_method none)
//   IDP_USERS_FILE    a JSON file: [{ "sub", "username", "password", "name", "email", "groups": [...] }],
//                     read at every sign-in (a test changes a user's groups by rewriting it)
//
// Its sign-in page (GET /interaction/<uid>) is a plain form: user name and password, a "Sign in"
// button, and a "Cancel" link that ends the sign-in with access_denied. A correct password signs
// the user in and consents to the scopes asked for at once. It prints "listening <issuer>" when
// ready, and stops on SIGTERM.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import Provider from 'oidc-provider';

const port = Number(process.env.IDP_PORT);
const issuer = `http://127.0.0.1:${port}`;
const usersFile = process.env.IDP_USERS_FILE;
const clientSecret = process.env.IDP_CLIENT_SECRET;

const users = () => JSON.parse(readFileSync(usersFile, 'utf8'));
const findUser = (predicate) => users().find(predicate);

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.IDP_CLIENT_ID,
      ...(clientSecret ? { client_secret: clientSecret, token_endpoint_auth_method: 'client_secret_basic' } : { token_endpoint_auth_method: 'none' }),
      redirect_uris: [process.env.IDP_REDIRECT_URI],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  pkce: { required: () => true },
  claims: {
    openid: ['sub'],
    profile: ['name', 'preferred_username'],
    email: ['email'],
    groups: ['groups'],
  },
  scopes: ['openid', 'profile', 'email', 'groups'],
  async findAccount(_ctx, sub) {
    const user = findUser((u) => u.sub === sub);
    if (!user) return undefined;
    return {
      accountId: sub,
      claims: async () => ({ sub, name: user.name, preferred_username: user.username, email: user.email, groups: user.groups ?? [] }),
    };
  },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  features: { devInteractions: { enabled: false } },
  cookies: { keys: ['superfluid-test-idp-cookie-key'] },
});

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(uid, error) {
  return `<!doctype html><html><head><title>Test identity provider</title></head><body>
<h1>Test identity provider</h1>
${error ? `<p role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
  <label>User name <input name="username" autocomplete="username" autofocus></label>
  <label>Password <input name="password" type="password" autocomplete="current-password"></label>
  <button type="submit">Sign in</button>
</form>
<a href="/interaction/${escape(uid)}/abort">Cancel</a>
</body></html>`;
}

async function body(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  return new URLSearchParams(text);
}

/** The sign-in page, its form and its cancel link. */
async function interaction(req, res) {
  const [, , uid, action] = new URL(req.url, issuer).pathname.split('/');
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new Error('interaction mismatch');
  if (req.method === 'GET' && !action) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(page(uid));
    return;
  }
  if (req.method === 'GET' && action === 'abort') {
    await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'the user cancelled' }, { mergeWithLastSubmission: false });
    return;
  }
  if (req.method === 'POST' && action === 'login') {
    const form = await body(req);
    const user = findUser((u) => u.username === form.get('username') && u.password === form.get('password'));
    if (!user) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(page(uid, 'Wrong user name or password.'));
      return;
    }
    const grant = new provider.Grant({ accountId: user.sub, clientId: details.params.client_id });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { login: { accountId: user.sub }, consent: { grantId } }, { mergeWithLastSubmission: false });
    return;
  }
  res.writeHead(404).end();
}

const callback = provider.callback();
const server = http.createServer((req, res) => {
  // A browser asks for one: an empty answer keeps a 404 out of the page's console.
  if (req.url === '/favicon.ico') {
    res.writeHead(204).end();
    return;
  }
  if (req.url.startsWith('/interaction/')) {
    interaction(req, res).catch((err) => {
      res.writeHead(400, { 'content-type': 'text/plain' }).end(`sign-in failed: ${err.message}\n`);
    });
    return;
  }
  callback(req, res);
});
server.listen(port, '127.0.0.1', () => process.stdout.write(`listening ${issuer}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
