import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ETC_ENTRIES, SANDBOX_CALLBACKS, SANDBOX_HOME, sandboxArgs, sandboxEnv } from './sandbox-args.js';

const pairs = (args: string[], flag: string) => args.flatMap((a, i) => (a === flag ? [`${args[i + 1]} ${args[i + 2]}`] : []));

test('sandbox: an unprivileged user, its own PID, IPC and user namespaces, killed with its parent; the system read-only', () => {
  const { args } = sandboxArgs({ cwd: '/data/runs/1/project', writable: ['/data/runs/1'], network: true }, 4);
  for (const flag of ['--unshare-user', '--unshare-pid', '--unshare-ipc', '--die-with-parent', '--disable-userns']) assert.ok(args.includes(flag), flag);
  assert.equal(args[args.indexOf('--uid') + 1], '65534');
  assert.equal(args[args.indexOf('--gid') + 1], '65534');
  assert.ok(!args.includes('--unshare-net'), 'a run keeps the network');
  assert.ok(pairs(args, '--ro-bind').includes('/usr /usr'));
  assert.ok(!pairs(args, '--bind').some((p) => p.startsWith('/usr') || p.startsWith('/etc')), 'nothing of the system is writable');
  assert.deepEqual(pairs(args, '--bind'), ['/data/runs/1 /data/runs/1'], 'its own folder only, read-write');
  assert.equal(args.at(-1), '--');
  assert.equal(args[args.indexOf('--chdir') + 1], '/data/runs/1/project');
  assert.ok(args.includes('--proc') && args.includes('--dev') && args.includes('--tmpfs'));
});

test('sandbox: of /etc, only the allowed entries are bound, and never shadow files or SSH host keys', () => {
  const { args } = sandboxArgs({ cwd: '/', network: false }, 3);
  const etc = pairs(args, '--ro-bind').filter((p) => p.startsWith('/etc'));
  for (const bound of etc)
    assert.ok(
      ETC_ENTRIES.some((e) => bound === `/etc/${e} /etc/${e}`),
      bound,
    );
  assert.ok(!etc.some((p) => /shadow|ssh_host|sudoers/.test(p)));
  assert.ok(args.includes('--unshare-net'), 'no network for a check');
});

test('sandbox: secret files go through file descriptors onto a tmpfs of its own, never into its arguments', () => {
  const secret = 'hunter2-the-password';
  const { args, inputs } = sandboxArgs(
    {
      cwd: '/r',
      writable: ['/r'],
      mounts: [{ source: '/project/backend/ansible/callback_plugins', target: SANDBOX_CALLBACKS }],
      secrets: {
        dir: '/r/credentials',
        files: [
          { path: '/r/credentials/site/id_key', content: Buffer.from(secret), mode: 0o600 },
          { path: '/r/credentials/.group_vars/site.yml', content: Buffer.from(`password: ${secret}`), mode: 0o600 },
        ],
      },
      network: true,
    },
    4,
  );
  assert.ok(!args.join(' ').includes(secret), 'no secret in the arguments (/proc shows them to everyone)');
  assert.deepEqual(
    inputs.map((b) => b.toString()),
    [secret, `password: ${secret}`],
  );
  assert.deepEqual(pairs(args, '--file'), ['4 /r/credentials/site/id_key', '5 /r/credentials/.group_vars/site.yml']);
  const tmpfs = args.indexOf('/r/credentials');
  assert.deepEqual(args.slice(tmpfs - 3, tmpfs + 1), ['--perms', '0700', '--tmpfs', '/r/credentials']);
  assert.ok(pairs(args, '--ro-bind').includes(`/project/backend/ansible/callback_plugins ${SANDBOX_CALLBACKS}`), 'the callback plugin, read-only');
  assert.throws(
    () =>
      sandboxArgs({ cwd: '/', network: true, secrets: { dir: '/r/credentials', files: [{ path: '/etc/passwd', content: Buffer.from('x'), mode: 0o600 }] } }, 3),
    /outside/,
  );
});

test('sandbox: the environment gets a HOME and TMPDIR of the sandbox’s own', () => {
  assert.deepEqual(sandboxEnv({ PATH: '/usr/bin', HOME: '/root', GONE: undefined }), { PATH: '/usr/bin', HOME: SANDBOX_HOME, TMPDIR: '/tmp' });
});
