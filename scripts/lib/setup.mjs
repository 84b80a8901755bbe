// Getting a fresh machine and a fresh clone ready: system tools, npm packages,
// builds. Node built-ins only: this runs before `npm install`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './process.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// Where the output of apt-get, npm install and the builds goes. The bench sends it
// to stderr: its stdout carries only its JSON report.
let toolStdio = 'inherit';
export function toolOutputToStderr() {
  toolStdio = ['inherit', 2, 'inherit'];
}

export function say(message) {
  process.stderr.write(`[superfluid] ${message}\n`);
}

export function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    say(`Node.js >= 20.19 is needed, this is ${process.versions.node}.`);
    process.exit(1);
  }
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v "$1"`, 'sh', command], { stdio: 'ignore' }).status === 0;
}

/**
 * Makes sure the system tools are there: ansible-playbook, git, ssh, bubblewrap, sshpass,
 * setfacl (as root), redis-server (unless `redis` is false: REDIS_URL points elsewhere), chromium (when `chromium`)
 * and, for the tests (`sshHosts`), sshd, netcat and iproute2, which run SSH test hosts
 * in network namespaces, and (`openstack`) Debian's Keystone and Heat, which the tests run as
 * a real OpenStack, and (`smtp`) aiosmtpd, the tests' SMTP server. As root on Debian/Ubuntu the missing ones are installed with
 * apt-get; otherwise the script says what to install and exits 1.
 */
export async function ensureSystemTools({ redis = true, chromium = false, sshHosts = false, openstack = false, smtp = false } = {}) {
  const wanted = [
    { command: 'ansible-playbook', apt: 'ansible-core' },
    { command: 'git', apt: 'git' },
    { command: 'ssh', apt: 'openssh-client' },
    // every Ansible process runs in a bubblewrap sandbox
    { command: 'bwrap', apt: 'bubblewrap' },
    // ansible's ssh connection gives a password (username_password credentials) to ssh through sshpass
    { command: 'sshpass', apt: 'sshpass' },
    // as root, the backend runs as a system user, let through to the project with an ACL when needed
    ...(process.getuid?.() === 0 ? [{ command: 'setfacl', apt: 'acl' }] : []),
    ...(redis ? [{ command: 'redis-server', apt: 'redis-server' }] : []),
    ...(sshHosts
      ? [
          { command: '/usr/sbin/sshd', apt: 'openssh-server' },
          // OpenBSD netcat: the test hosts' forwarder speaks HTTP CONNECT with `nc -X connect`
          { command: 'nc', apt: 'netcat-openbsd' },
          { command: 'ip', apt: 'iproute2' },
        ]
      : []),
    // the tests' SMTP server, which receives the portal's e-mail (retirement warnings)
    ...(smtp ? [{ command: 'aiosmtpd', apt: 'python3-aiosmtpd' }] : []),
    ...(openstack
      ? [
          { command: 'keystone-manage', apt: 'keystone' },
          { command: '/usr/bin/heat-api', apt: 'heat-api' },
          { command: '/usr/bin/heat-engine', apt: 'heat-engine' },
          { command: 'sqlite3', apt: 'sqlite3' },
        ]
      : []),
  ];
  const missing = wanted.filter((tool) => !onPath(tool.command)).map((tool) => tool.apt);
  const missingChromium = chromium && !['chromium', 'chromium-browser'].some(onPath) && !fs.existsSync('/usr/bin/chromium');
  if (missing.length === 0 && !missingChromium) return;

  const lines = [];
  if (missing.length) lines.push(`apt-get install -y --no-install-recommends ${missing.join(' ')}`);
  if (missingChromium) lines.push('apt-get install -y chromium');
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !onPath('apt-get')) {
    say(`Missing system packages: ${[...missing, ...(missingChromium ? ['chromium'] : [])].join(', ')}. Install them, for example:`);
    say('  sudo apt-get update');
    for (const line of lines) say(`  sudo ${line}`);
    process.exit(1);
  }
  say(`Installing missing system packages with apt-get: ${[...missing, ...(missingChromium ? ['chromium'] : [])].join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update'], { env, stdio: toolStdio });
  if (missing.length) await run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env, stdio: toolStdio });
  if (missingChromium) await run('apt-get', ['install', '-y', 'chromium'], { env, stdio: toolStdio });
}

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** Newest modification time of the files under `dir` (recursively). */
function newestMtime(dir) {
  let newest = 0;
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return mtime(dir);
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, mtime(full));
  }
  return newest;
}

// What a workspace build reads: its src/ and public/ folders and its top-level
// configuration. Generated files (dist/, schema.gql written at boot) do not count.
const BUILD_INPUT = /^(package\.json|tsconfig[^/]*\.json|vite\.config\.[cm]?[jt]s|index\.html)$/;

function newestSource(dir) {
  let newest = Math.max(newestMtime(path.join(dir, 'src')), newestMtime(path.join(dir, 'public')));
  for (const name of fs.readdirSync(dir)) if (BUILD_INPUT.test(name)) newest = Math.max(newest, mtime(path.join(dir, name)));
  return newest;
}

// packages/dialogs (the dialog model and validator) is built before the backend and the frontend, which import it.
const WORKSPACES = ['packages/dialogs', 'backend', 'frontend', 'test'];

const npmEnv = () => ({ ...process.env, npm_config_yes: 'true', npm_config_fund: 'false', npm_config_audit: 'false' });

/**
 * `npm ci` when node_modules is missing, `npm install` when a package.json or
 * the lock file changed since the last install.
 */
export async function ensureDependencies() {
  const marker = path.join(ROOT, 'node_modules', '.package-lock.json');
  const lock = path.join(ROOT, 'package-lock.json');
  const manifests = [lock, path.join(ROOT, 'package.json'), ...WORKSPACES.map((w) => path.join(ROOT, w, 'package.json'))];
  if (!fs.existsSync(path.join(ROOT, 'node_modules')) || !fs.existsSync(marker)) {
    const command = fs.existsSync(lock) ? 'ci' : 'install';
    say(`Installing npm packages (npm ${command})...`);
    await run('npm', [command], { cwd: ROOT, env: npmEnv(), stdio: toolStdio });
  } else if (Math.max(...manifests.map(mtime)) > mtime(marker)) {
    say('package.json or package-lock.json changed: npm install...');
    await run('npm', ['install'], { cwd: ROOT, env: npmEnv(), stdio: toolStdio });
  } else {
    return;
  }
  // npm leaves the marker alone when nothing changed; touch it so the next run
  // does not install again.
  const now = new Date();
  if (fs.existsSync(marker)) fs.utimesSync(marker, now, now);
}

const BUILD_OUTPUT = { 'packages/dialogs': 'dist/index.js', backend: 'dist/main.js', frontend: 'dist/index.html' };
// Workspaces a build reads: built first, and a newer build of one builds this one again (the
// frontend bundles the dialog package; the backend takes its types from it).
const BUILD_NEEDS = { backend: ['packages/dialogs'], frontend: ['packages/dialogs'] };
const stampOf = (workspace) => path.join(ROOT, 'node_modules', '.cache', 'superfluid', `build-${workspace.replaceAll('/', '-')}.stamp`);

/**
 * `npm run build -w <workspace>` when its output is missing or any of its files
 * is newer than the last build this script made; the workspaces it needs first.
 */
export async function ensureBuilt(workspace, { force = false } = {}) {
  for (const needed of BUILD_NEEDS[workspace] ?? []) await ensureBuilt(needed);
  const dir = path.join(ROOT, workspace);
  const stamp = stampOf(workspace);
  const stampDir = path.dirname(stamp);
  const output = path.join(dir, BUILD_OUTPUT[workspace]);
  const started = new Date();
  const newest = Math.max(newestSource(dir), ...(BUILD_NEEDS[workspace] ?? []).map((needed) => mtime(stampOf(needed))));
  if (!force && fs.existsSync(output) && newest <= mtime(stamp)) return false;
  say(`Building ${workspace} (npm run build -w ${workspace})...`);
  await run('npm', ['run', 'build', '-w', workspace], { cwd: ROOT, env: npmEnv(), stdio: toolStdio });
  fs.mkdirSync(stampDir, { recursive: true });
  fs.writeFileSync(stamp, '');
  // The stamp gets the time the build started: a file edited during the build
  // makes the next run build again.
  fs.utimesSync(stamp, started, started);
  return true;
}

/** Everything before the product can run: node check, system tools, packages, builds. */
export async function prepare({ redis = true, chromium = false, sshHosts = false, openstack = false, smtp = false } = {}) {
  checkNode();
  await ensureSystemTools({ redis, chromium, sshHosts, openstack, smtp });
  await ensureDependencies();
  await ensureBuilt('backend');
  await ensureBuilt('frontend');
}
