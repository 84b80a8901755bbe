import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Test hosts for SSH and multi-site runs on one machine (ENVIRONMENT.md): one network
 * namespace per site, each running its own sshd, joined by a bridge in a separate hub
 * namespace; nothing is routed from the root namespace, and Ansible reaches the sites
 * through `ip netns exec <hub> nc`. Needs root, iproute2, openssh-server and netcat.
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
  /** ssh options for every connection: the ProxyCommand through the hub namespace. */
  sshArgs: string;
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

  const destroy = async () => {
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
      const address = `10.77.0.${10 + i}`;
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
    return {
      sites,
      sshArgs: `-o ProxyCommand="ip netns exec ${hub} nc %h %p" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null`,
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
