import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapingSymlinks, parseTreeListing, unpackedSizeProblem } from './repo-content.js';

const refused = (links: Record<string, string>) => escapingSymlinks(new Map(Object.entries(links))).map((p) => [p.path, p.why]);

test('symbolic links: inside the tree they are fine, followed as the file system would', () => {
  assert.deepEqual(
    refused({
      'docs/readme': '../README.md',
      'roles/web': '../shared/roles/web',
      here: '.',
      'a/b/up': '../../x',
      'deep/f': '../sub/g',
      sub: 'real/dir',
      'self/root': '..',
    }),
    [],
  );
});

test('symbolic links: absolute, leaving the root, leaving through another link, and loops are refused by path', () => {
  assert.deepEqual(refused({ secret: '/var/lib/superfluid/secret.key' }), [['secret', 'absolute']]);
  assert.deepEqual(refused({ 'roles/x/files/key': '../../../../secret.key' }), [['roles/x/files/key', 'leaves the repository']]);
  assert.deepEqual(refused({ up: '..' }), [['up', 'leaves the repository']]);
  // "q/.." looks like the root, but q is a link to the root, so it is the root's parent.
  assert.deepEqual(refused({ q: '.', p: 'q/..' }), [['p', 'leaves the repository']]);
  // A link that is fine by itself, through one that is absolute.
  assert.deepEqual(refused({ etc: '/etc', passwd: 'etc/passwd' }), [
    ['etc', 'absolute'],
    ['passwd', 'absolute'],
  ]);
  assert.deepEqual(refused({ a: 'b', b: 'a' }), [
    ['a', 'loops'],
    ['b', 'loops'],
  ]);
});

test('tree listing: sizes of files, none for a submodule; the unpacked total is capped', () => {
  const out =
    '100644 blob aaaa      12\tsite.yml\x00120000 blob bbbb       9\tlink\x00160000 commit cccc       -\tvendor/sub\x00100755 blob dddd 1073741824\tbig file.bin\x00';
  const tree = parseTreeListing(out);
  assert.deepEqual(tree, [
    { mode: '100644', oid: 'aaaa', path: 'site.yml', size: 12 },
    { mode: '120000', oid: 'bbbb', path: 'link', size: 9 },
    { mode: '160000', oid: 'cccc', path: 'vendor/sub', size: null },
    { mode: '100755', oid: 'dddd', path: 'big file.bin', size: 1073741824 },
  ]);
  assert.equal(unpackedSizeProblem(tree, 2 * 1024 ** 3), null);
  assert.equal(unpackedSizeProblem(tree, 500 * 1024 ** 2), 'its files take 1025 MB once unpacked, more than the 500 MB allowed (GIT_MAX_REPO_MB)');
});
