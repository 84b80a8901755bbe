/**
 * The SSH test sites' forwarder, run as a process of its own (see ssh-sites.ts): an HTTP
 * CONNECT proxy on 127.0.0.1 that opens each allowed connection from inside the hub
 * namespace with `ip netns exec <hub> nc <address> 22` and pipes the two.
 *
 * Its own process, so that a test blocking its event loop (a synchronous `ip netns exec`,
 * an in-process portal under load) never stalls an SSH banner exchange.
 *
 *   node ssh-forwarder.js <hub namespace> <address>...
 * prints `{"port": <port>}` on one line once it listens; stops on SIGTERM or when its
 * standard input closes (its parent gone), ending every connection it forwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Socket } from 'node:net';

const [hub, ...allowed] = process.argv.slice(2);
if (!hub || !allowed.length) {
  process.stderr.write('usage: ssh-forwarder <hub namespace> <address>...\n');
  process.exit(2);
}
const addresses = new Set(allowed);
const forwards = new Set<ChildProcess>();

const server = createServer((socket: Socket) => {
  let head = Buffer.alloc(0);
  socket.on('error', () => socket.destroy());
  const onData = (chunk: Buffer) => {
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf('\r\n\r\n');
    if (end < 0) {
      if (head.length > 8192) socket.destroy();
      return;
    }
    socket.off('data', onData);
    const match = /^CONNECT ([0-9.]+):(\d+) HTTP\/1\.[01]\r\n/.exec(head.toString('latin1'));
    if (!match || !addresses.has(match[1]) || match[2] !== '22') {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const child = spawn('ip', ['netns', 'exec', hub, 'nc', match[1], '22'], { stdio: ['pipe', 'pipe', 'ignore'] });
    forwards.add(child);
    child.on('exit', () => {
      forwards.delete(child);
      socket.end();
    });
    child.on('error', () => socket.destroy());
    child.stdin.on('error', () => undefined);
    socket.on('close', () => child.kill('SIGTERM'));
    socket.write('HTTP/1.1 200 Connection established\r\n\r\n');
    const rest = head.subarray(end + 4);
    if (rest.length) child.stdin.write(rest);
    socket.pipe(child.stdin);
    child.stdout.pipe(socket);
  };
  socket.on('data', onData);
});

const stop = () => {
  for (const child of forwards) child.kill('SIGKILL');
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
});
