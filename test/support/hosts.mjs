// Other hosts on this machine, for the drills that put workers on "another machine": one network
// namespace per host, joined to this (the root) namespace by a bridge in a hub namespace of its
// own. A host reaches only the bridge's subnet: nothing of this namespace's 127.0.0.1 (the
// tests' PostgreSQL and Redis, the api), except what `forward` offers on the bridge address.
// A process started on a host (`spawnOn`) runs in a mount namespace of its own too, in which the
// folders it is told to hide are an empty, unreadable tmpfs: it cannot read them even by path.
// Needs root and iproute2. Node built-ins only.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import net from 'node:net';

const ip = (...args) => execFileSync('ip', args, { stdio: 'pipe' }).toString();

/**
 * Makes `count` hosts. Resolves with { address (this namespace's, on the bridge), hosts: [{ name,
 * namespace, address }], forward(port) → the port on `address` that forwards to 127.0.0.1:port,
 * spawnOn(host, command, args, { env, cwd, uid, gid, hide }), destroy() }.
 */
export async function startHosts(count) {
  const id = randomBytes(3).toString('hex');
  // A /24 of its own, so that it never meets the SSH sites' 10.77.0.0/24 in this namespace's routes.
  const subnet = `10.78.${randomInt(1, 250)}`;
  const hub = `sfxhub${id}`;
  const created = [];
  const servers = [];
  const sockets = new Set();
  const rootLink = `sfx${id}r`;

  const destroy = async () => {
    for (const s of sockets) s.destroy();
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(() => resolve()))));
    try {
      ip('link', 'del', rootLink);
    } catch {
      // gone with the hub
    }
    for (const ns of created.reverse()) {
      try {
        ip('netns', 'del', ns);
      } catch {
        // already gone
      }
    }
  };

  try {
    ip('netns', 'add', hub);
    created.push(hub);
    ip('-n', hub, 'link', 'add', 'br0', 'type', 'bridge');
    ip('-n', hub, 'link', 'set', 'br0', 'up');
    ip('-n', hub, 'link', 'set', 'lo', 'up');
    const plug = (inner, outer, ns, address) => {
      ip('link', 'add', inner, 'type', 'veth', 'peer', 'name', outer);
      if (ns) ip('link', 'set', inner, 'netns', ns);
      ip('link', 'set', outer, 'netns', hub);
      ip('-n', hub, 'link', 'set', outer, 'master', 'br0');
      ip('-n', hub, 'link', 'set', outer, 'up');
      const inNs = ns ? ['-n', ns] : [];
      ip(...inNs, 'addr', 'add', `${address}/24`, 'dev', inner);
      ip(...inNs, 'link', 'set', inner, 'up');
    };
    const address = `${subnet}.1`;
    plug(rootLink, `sfx${id}R`, null, address);
    const hosts = [];
    for (let i = 0; i < count; i++) {
      const namespace = `sfxhost${id}${i}`;
      ip('netns', 'add', namespace);
      created.push(namespace);
      ip('-n', namespace, 'link', 'set', 'lo', 'up');
      const hostAddress = `${subnet}.${10 + i}`;
      plug(`sfx${id}v${i}`, `sfx${id}h${i}`, namespace, hostAddress);
      hosts.push({ name: `host${i + 1}`, namespace, address: hostAddress });
    }

    /** A port on the bridge address that forwards every connection to 127.0.0.1:`port`. */
    const forward = async (port) => {
      const server = net.createServer((client) => {
        const upstream = net.connect(port, '127.0.0.1');
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream);
        upstream.pipe(client);
      });
      servers.push(server);
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, address, resolve);
      });
      return server.address().port;
    };

    /**
     * Starts `command` on `host` as uid/gid (root when not given), with `hide`: folders replaced,
     * for this process and its children only, by an empty tmpfs nobody may enter.
     */
    const spawnOn = (host, command, args, { env = process.env, cwd, uid, gid, hide = [], stdio = ['ignore', 'pipe', 'pipe'] } = {}) => {
      // `ip netns exec` gives the process a mount namespace of its own (mounts made there stay there).
      const script = [
        'set -e',
        ...hide.map((_, i) => `mount -t tmpfs -o size=64k,mode=000 superfluid-hidden "$${i + 1}"`),
        `shift ${hide.length}`,
        'exec "$@"',
      ].join('\n');
      const drop = uid === undefined ? [] : ['setpriv', `--reuid=${uid}`, `--regid=${gid}`, '--init-groups', '--'];
      return spawn('ip', ['netns', 'exec', host.namespace, 'sh', '-c', script, 'sh', ...hide, ...drop, command, ...args], { env, cwd, stdio });
    };

    return { address, hosts, forward, spawnOn, destroy };
  } catch (err) {
    await destroy();
    throw err;
  }
}
