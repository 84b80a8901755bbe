import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFile, mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../config/config.js';
import { freePort } from './harness.js';

/**
 * A real OpenStack for tests, on one machine (ENVIRONMENT.md): Debian's own Keystone
 * (sqlite, fernet tokens, served by its own WSGI script) and Heat (api and engine in one `heat-all`
 * process, in-process messaging: no RabbitMQ, no Apache, no systemd). Heat builds stacks
 * from resources that need no Nova or Neutron (OS::Heat::RandomString, OS::Heat::Value…).
 * Needs the packages keystone heat-api heat-engine python3-openstackclient
 * python3-heatclient sqlite3.
 */
export interface OpenStackSite {
  /** Keystone's public endpoint, e.g. http://127.0.0.1:PORT/v3 */
  authUrl: string;
  heatUrl: string;
  region: string;
  /** A project and a user in it that may own stacks (role heat_stack_owner), domain Default. */
  project: string;
  username: string;
  password: string;
  /** An application credential of that user (unrestricted: Heat makes a trust on stack create). */
  applicationCredentialId: string;
  applicationCredentialSecret: string;
  /** Where its configuration, databases and logs (keystone.log, heat.log) are. */
  dir: string;
  /** Stops Keystone only (Heat stays up): the provider's health check must turn red. */
  stopKeystone(): Promise<void>;
  startKeystone(): Promise<void>;
  destroy(): Promise<void>;
}

const run = promisify(execFile);
// Debian's Python, whatever python3 comes first on PATH (pyenv shims, for one).
const PYTHON = '/usr/bin/python3';

const ini = (sections: Record<string, Record<string, string | number>>) =>
  Object.entries(sections)
    .map(
      ([name, values]) =>
        `[${name}]\n${Object.entries(values)
          .map(([k, v]) => `${k} = ${v}`)
          .join('\n')}\n`,
    )
    .join('\n');

async function waitForHttp(url: string, what: string, child: ChildProcess, log: string, ms = 60_000) {
  const until = Date.now() + ms;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}: ${(await readFile(log, 'utf8').catch(() => '')).slice(-2000)}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${what} did not answer at ${url}: ${(await readFile(log, 'utf8').catch(() => '')).slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Stops a server started in a process group of its own, with whatever it forked (Heat's workers). */
async function stopChild(child: ChildProcess | undefined) {
  if (!child?.pid) return;
  const group = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // the group is gone already
    }
  };
  const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r));
  group('SIGTERM');
  const timer = setTimeout(() => group('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
  group('SIGKILL');
}

export async function startOpenStackSite(): Promise<OpenStackSite> {
  const dir = await mkdtemp(join(tmpdir(), 'openstack-'));
  const secret = () => randomBytes(12).toString('hex');
  const [keystonePort, heatPort] = [await freePort(), await freePort()];
  const authUrl = `http://127.0.0.1:${keystonePort}/v3`;
  const heatUrl = `http://127.0.0.1:${heatPort}`;
  const adminPassword = secret();
  const heatPassword = secret();
  const domainAdminPassword = secret();
  const region = 'RegionOne';
  const project = 'superfluid-tests';
  const username = 'superfluid';
  const password = secret();
  let keystone: ChildProcess | undefined;
  let heat: ChildProcess | undefined;

  const keystoneConf = join(dir, 'keystone.conf');
  await writeFile(
    keystoneConf,
    ini({
      DEFAULT: { log_file: join(dir, 'keystone.log') },
      database: { connection: `sqlite:///${join(dir, 'keystone.db')}` },
      token: { provider: 'fernet' },
      fernet_tokens: { key_repository: join(dir, 'fernet-keys') },
      fernet_receipts: { key_repository: join(dir, 'fernet-receipts') },
      credential: { key_repository: join(dir, 'credential-keys') },
      catalog: { driver: 'sql' },
      // No message bus here: notifications would try to reach RabbitMQ.
      oslo_messaging_notifications: { driver: 'noop' },
      // Heat makes a trust on stack create; this Keystone refuses trusts from
      // application-credential tokens without it.
      security_compliance: { allow_insecure_application_credential_trust_escalation: 'true' },
    }),
  );
  const keystoneManage = (...args: string[]) => run('keystone-manage', ['--config-file', keystoneConf, ...args], { cwd: dir });
  // Keystone's own WSGI script serves it (wsgiref, one request at a time). Under uwsgi, as
  // ENVIRONMENT.md has it, the worker died now and then right after issuing a token (greenlet).
  const startKeystone = async () => {
    const log = join(dir, 'keystone-server.log');
    const out = await open(log, 'a');
    keystone = spawn(PYTHON, ['/usr/bin/keystone-wsgi-public', '--host', '127.0.0.1', '--port', String(keystonePort)], {
      cwd: dir,
      env: { ...process.env, OS_KEYSTONE_CONFIG_FILES: keystoneConf },
      stdio: ['ignore', out.fd, out.fd],
      detached: true,
    });
    await out.close();
    await waitForHttp(`${authUrl}/`, 'Keystone', keystone, log);
  };
  const destroy = async () => {
    await stopChild(heat);
    await stopChild(keystone);
    await rm(dir, { recursive: true, force: true });
  };

  try {
    await keystoneManage('db_sync');
    // Without WAL, Keystone answers 500 "database is locked" under concurrent requests.
    await run('sqlite3', [join(dir, 'keystone.db'), 'PRAGMA journal_mode=WAL;']);
    for (const repo of ['fernet-keys', 'fernet-receipts', 'credential-keys']) await mkdir(join(dir, repo), { mode: 0o700 });
    await keystoneManage('fernet_setup', '--keystone-user', 'root', '--keystone-group', 'root');
    await keystoneManage('credential_setup', '--keystone-user', 'root', '--keystone-group', 'root');
    await run(
      'keystone-manage',
      [
        '--config-file',
        keystoneConf,
        'bootstrap',
        '--bootstrap-region-id',
        region,
        '--bootstrap-admin-url',
        `${authUrl}/`,
        '--bootstrap-internal-url',
        `${authUrl}/`,
        '--bootstrap-public-url',
        `${authUrl}/`,
      ],
      {
        cwd: dir,
        // The password through the environment, not the process list.
        env: { ...process.env, OS_BOOTSTRAP_PASSWORD: adminPassword },
      },
    );
    await startKeystone();

    const identity = spawn(PYTHON, [join(PROJECT_ROOT, 'backend/src/testing/openstack-identity.py')], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    identity.stdout.on('data', (d: Buffer) => (out += d.toString()));
    identity.stderr.on('data', (d: Buffer) => (err += d.toString()));
    identity.stdin.end(
      JSON.stringify({
        auth_url: authUrl,
        admin_password: adminPassword,
        heat_url: heatUrl,
        heat_password: heatPassword,
        domain_admin_password: domainAdminPassword,
        project,
        user: username,
        user_password: password,
      }),
    );
    const code = await new Promise<number | null>((r) => identity.once('exit', r));
    if (code !== 0) throw new Error(`creating Keystone's identity objects failed: ${err.slice(-2000)}`);
    const app = JSON.parse(out) as { application_credential_id: string; application_credential_secret: string };

    const heatConf = join(dir, 'heat.conf');
    const asHeat = {
      auth_type: 'password',
      auth_url: `http://127.0.0.1:${keystonePort}`,
      username: 'heat',
      password: heatPassword,
      user_domain_name: 'Default',
    };
    await writeFile(
      heatConf,
      ini({
        DEFAULT: {
          transport_url: 'fake://',
          log_file: join(dir, 'heat.log'),
          stack_domain_admin: 'heat_domain_admin',
          stack_domain_admin_password: domainAdminPassword,
          stack_user_domain_name: 'heat',
          region_name_for_services: region,
          // One engine, in heat-all's own process: forked workers would not share its in-memory transport.
          num_engine_workers: 1,
        },
        database: { connection: `sqlite:///${join(dir, 'heat.db')}` },
        heat_all: { enabled_services: 'api,engine' },
        // More workers would split the in-memory transport between processes.
        heat_api: { bind_host: '127.0.0.1', bind_port: heatPort, workers: 1 },
        paste_deploy: { api_paste_config: '/etc/heat/api-paste.ini' },
        keystone_authtoken: { ...asHeat, www_authenticate_uri: authUrl, project_name: 'service', project_domain_name: 'Default' },
        trustee: asHeat,
        clients_keystone: { auth_uri: `http://127.0.0.1:${keystonePort}` },
        oslo_concurrency: { lock_path: join(dir, 'locks') },
      }),
      { mode: 0o600 },
    );
    await run('heat-manage', ['--config-file', heatConf, 'db_sync'], { cwd: dir });
    await run('sqlite3', [join(dir, 'heat.db'), 'PRAGMA journal_mode=WAL;']);
    heat = spawn('heat-all', ['--config-file', heatConf], { cwd: dir, stdio: 'ignore', detached: true });
    await waitForHttp(`${heatUrl}/`, 'Heat', heat, join(dir, 'heat.log'));

    return {
      dir,
      authUrl,
      heatUrl,
      region,
      project,
      username,
      password,
      applicationCredentialId: app.application_credential_id,
      applicationCredentialSecret: app.application_credential_secret,
      stopKeystone: () => stopChild(keystone),
      startKeystone,
      destroy,
    };
  } catch (err) {
    await appendFile(join(tmpdir(), 'openstack-site-failures.log'), `${new Date().toISOString()} ${dir}: ${(err as Error).message}\n`).catch(() => undefined);
    await stopChild(heat);
    await stopChild(keystone);
    throw err;
  }
}
