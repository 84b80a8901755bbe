import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Test hosts for SSH and multi-site runs on one machine (ENVIRONMENT.md): one network
 * namespace per site, each running its own sshd, joined by a bridge in a separate hub
 * namespace; nothing is routed from the root namespace.
 *
 * Ansible runs in a sandbox, as an unprivileged user, so it cannot enter the hub itself
 * (`ip netns exec` needs root). It reaches the sites through a forwarder that this (root)
 * process starts as a process of its own (ssh-forwarder.ts, so that nothing blocking this
 * process's event loop stalls a connection): an HTTP CONNECT proxy on 127.0.0.1, which ssh
 * uses as its ProxyCommand (`nc -X connect -x 127.0.0.1:<port> %h %p`, OpenBSD netcat), and which opens each
 * connection from inside the hub (`ip netns exec <hub> nc <address> 22`). It connects only
 * to the sites' sshd ports, so the sites' other services stay out of reach from the root
 * namespace, as before. Needs root, iproute2, openssh-server and netcat-openbsd.
 */
export interface SshSite {
  name: string;
  namespace: string;
  address: string;
  /** Runs a command inside the site's namespace (as root), e.g. to see what a playbook left. */
  exec(args: string[]): string;
  stopSshd(): Promise<void>;
  startSshd(): Promise<void>;
}

export interface SshSites {
  sites: SshSite[];
  /** ssh options for every connection: the ProxyCommand through the forwarder into the hub namespace. */
  sshArgs: string;
  /** The forwarder's port on 127.0.0.1 (HTTP CONNECT to a site's address, port 22). */
  proxyPort: number;
  /** Runs a command in the hub namespace, which reaches every site (e.g. to probe a service). */
  hubExec(args: string[]): string;
  /** A private key (OpenSSH) every site authorizes for root. */
  privateKey: string;
  user: string;
  dir: string;
  destroy(): Promise<void>;
}

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: 'pipe' }).toString();

export async function startSshSites(names: string[]): Promise<SshSites> {
  const id = randomBytes(3).toString('hex');
  const dir = await mkdtemp(join(tmpdir(), 'ssh-sites-'));
  const hub = `sfhub${id}`;
  const created: string[] = [];
  const sshds = new Map<string, ChildProcess>();
  await mkdir('/run/sshd', { recursive: true });
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'client_key')]);
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'host_key')]);
  await writeFile(join(dir, 'authorized_keys'), await readFile(join(dir, 'client_key.pub')), { mode: 0o600 });

  const siteAddress = (i: number) => `10.77.0.${10 + i}`;
  const proxy = await startForwarder(
    hub,
    names.map((_, i) => siteAddress(i)),
  );
  const destroy = async () => {
    await proxy.stop();
    for (const child of sshds.values()) child.kill('SIGKILL');
    for (const ns of created.reverse()) {
      try {
        ip('netns', 'del', ns);
      } catch {
        // already gone
      }
    }
    await rm(dir, { recursive: true, force: true });
  };

  try {
    ip('netns', 'add', hub);
    created.push(hub);
    ip('-n', hub, 'link', 'add', 'br0', 'type', 'bridge');
    ip('-n', hub, 'addr', 'add', '10.77.0.1/24', 'dev', 'br0');
    ip('-n', hub, 'link', 'set', 'br0', 'up');
    ip('-n', hub, 'link', 'set', 'lo', 'up');
    const sites: SshSite[] = [];
    for (const [i, name] of names.entries()) {
      const ns = `sf${name}${id}`.slice(0, 30);
      const address = siteAddress(i);
      ip('netns', 'add', ns);
      created.push(ns);
      const inner = `v${id}${i}`;
      const outer = `h${id}${i}`;
      ip('link', 'add', inner, 'type', 'veth', 'peer', 'name', outer);
      ip('link', 'set', inner, 'netns', ns);
      ip('link', 'set', outer, 'netns', hub);
      ip('-n', hub, 'link', 'set', outer, 'master', 'br0');
      ip('-n', hub, 'link', 'set', outer, 'up');
      ip('-n', ns, 'addr', 'add', `${address}/24`, 'dev', inner);
      ip('-n', ns, 'link', 'set', inner, 'up');
      ip('-n', ns, 'link', 'set', 'lo', 'up');
      const config = join(dir, `sshd_${name}.conf`);
      await writeFile(
        config,
        [
          `ListenAddress ${address}`,
          'Port 22',
          `HostKey ${join(dir, 'host_key')}`,
          `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
          `PidFile ${join(dir, `sshd_${name}.pid`)}`,
          'StrictModes no',
          'UsePAM no',
          'PermitRootLogin prohibit-password',
          'PasswordAuthentication no',
          'KbdInteractiveAuthentication no',
          'Subsystem sftp internal-sftp',
          '',
        ].join('\n'),
      );
      const startSshd = async () => {
        const child = spawn('ip', ['netns', 'exec', ns, '/usr/sbin/sshd', '-D', '-e', '-f', config], { stdio: 'ignore' });
        sshds.set(name, child);
        // Ready when the port answers from the hub.
        for (let tries = 0; tries < 100; tries++) {
          try {
            execFileSync('ip', ['netns', 'exec', hub, 'nc', '-z', '-w', '1', address, '22'], { stdio: 'ignore' });
            return;
          } catch {
            await new Promise((r) => setTimeout(r, 50));
          }
        }
        throw new Error(`sshd of site ${name} did not start`);
      };
      const stopSshd = async () => {
        const child = sshds.get(name);
        sshds.delete(name);
        if (!child) return;
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      };
      await startSshd();
      sites.push({
        name,
        namespace: ns,
        address,
        exec: (args) => execFileSync('ip', ['netns', 'exec', ns, ...args], { stdio: 'pipe' }).toString(),
        stopSshd,
        startSshd,
      });
    }
    const proxyPort = proxy.port;
    return {
      sites,
      sshArgs: `-o ProxyCommand="nc -X connect -x 127.0.0.1:${proxyPort} %h %p" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null`,
      proxyPort,
      hubExec: (args) => execFileSync('ip', ['netns', 'exec', hub, ...args], { stdio: 'pipe' }).toString(),
      privateKey: await readFile(join(dir, 'client_key'), 'utf8'),
      user: 'root',
      dir,
      destroy,
    };
  } catch (err) {
    await destroy();
    throw err;
  }
}

/**
 * Starts the forwarder (ssh-forwarder.ts) as a process of its own, allowed to reach the
 * given addresses' port 22 from the hub namespace, and answers its port.
 */
async function startForwarder(hub: string, addresses: string[]): Promise<{ port: number; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./ssh-forwarder.js', import.meta.url)), hub, ...addresses], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n')) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the SSH forwarder exited (${code}) before it listened`)));
  });
  return {
    port,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
