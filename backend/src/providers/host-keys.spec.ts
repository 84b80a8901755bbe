import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fingerprint, keysFor, knownHostsText, pinnedFor, pinningSshArgs, splitShellWords } from './host-keys.js';

const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl';

test('host keys: known_hosts lines are read by host name, port included', () => {
  const text = `10.0.0.5 ${KEY}\n[10.0.0.6]:2222 ssh-rsa AAAAB3Nza\n# comment\n`;
  assert.deepEqual(keysFor(text, '10.0.0.5'), [KEY]);
  assert.deepEqual(keysFor(text, '10.0.0.6', 2222), ['ssh-rsa AAAAB3Nza']);
  assert.deepEqual(keysFor(text, '10.0.0.6'), []);
});

test('host keys: a pin holds for the address and port it was learnt at only', () => {
  const pinned = { a: { address: '10.0.0.5', port: 22, keys: [KEY], learnedAt: '2026-01-01' } };
  assert.ok(pinnedFor({ name: 'a', address: '10.0.0.5' }, pinned));
  assert.equal(pinnedFor({ name: 'a', address: '10.0.0.7' }, pinned), undefined);
  assert.equal(pinnedFor({ name: 'a', address: '10.0.0.5', port: 2222 }, pinned), undefined);
  assert.equal(
    knownHostsText(
      [
        { name: 'a', address: '10.0.0.5' },
        { name: 'b', address: '10.0.0.8' },
      ],
      pinned,
    ),
    `10.0.0.5 ${KEY}\n`,
  );
});

test('host keys: fingerprints are OpenSSH SHA256 ones', () => {
  assert.match(fingerprint(KEY), /^SHA256:[A-Za-z0-9+/]{43}$/);
});

test("host keys: the pinning options come first and are strict for a pinned host; the provider's own options split as Ansible splits them", () => {
  const args = splitShellWords(pinningSshArgs('/run dir/known_hosts', true));
  assert.ok(args.includes('UserKnownHostsFile=/run dir/known_hosts'));
  assert.ok(args.includes('StrictHostKeyChecking=yes'));
  assert.ok(splitShellWords(pinningSshArgs('/k', false)).includes('StrictHostKeyChecking=accept-new'));
  assert.deepEqual(splitShellWords(`-o ProxyCommand="ip netns exec hub nc %h %p" -o 'A=b c' x\\ y`), [
    '-o',
    'ProxyCommand=ip netns exec hub nc %h %p',
    '-o',
    'A=b c',
    'x y',
  ]);
});
