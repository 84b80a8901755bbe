import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkGitUrl, checkRefName } from './git-url.js';

const ok = (url: string, allowFile = true) => checkGitUrl(url, { allowFile }).ok;

test('git URLs: the four accepted forms', () => {
  for (const url of [
    'https://github.com/org/repo.git',
    'https://gitlab.example.com:8443/group/sub/repo',
    'ssh://git@example.com/org/repo.git',
    'ssh://git@example.com:2222/org/repo.git',
    'git@github.com:org/repo.git',
    'file:///srv/git/repo.git',
  ]) {
    assert.equal(ok(url), true, url);
  }
});

test('git URLs: a hostile corpus is refused, each with a reason', () => {
  const corpus = [
    'ext::sh -c touch% /tmp/pwned',
    'fd::17',
    'transport::whatever',
    '-u/tmp/x',
    '--upload-pack=touch /tmp/pwned',
    'git://example.com/repo.git',
    'http://example.com/repo.git',
    'ftp://example.com/repo.git',
    'https://user:token@github.com/org/repo.git',
    'https://token@github.com/org/repo.git',
    'ssh://git:secret@example.com/repo.git',
    'https://example.com/repo.git?x=1',
    'https://exa mple.com/repo.git',
    'https://example.com/repo\n.git',
    'git@-oProxyCommand=id:repo.git',
    'git@host:-repo.git',
    'https://-evil.com/repo',
    'file://host/srv/repo',
    '',
    ' https://example.com/repo.git',
  ];
  for (const url of corpus) {
    const result = checkGitUrl(url, { allowFile: true });
    assert.equal(result.ok, false, `accepted ${JSON.stringify(url)}`);
    assert.ok(!result.ok && result.reason.length > 5);
  }
  assert.equal(ok('file:///srv/git/repo.git', false), false, 'file:// needs an administrator');
});

test('ref names: branch names git accepts pass; option-like and malformed ones are refused', () => {
  for (const ref of ['main', 'release/1.2', 'feature_x-y', 'v1.0.0']) assert.equal(checkRefName(ref).ok, true, ref);
  for (const ref of [
    '-main',
    '--upload-pack=x',
    'a..b',
    'a b',
    'a~1',
    'a^',
    'a:b',
    'a?',
    'a*',
    'a[',
    'a\\b',
    '@{u}',
    '/a',
    'a/',
    '.a',
    'a.',
    'a.lock',
    'a//b',
    'x/.y',
    '',
  ]) {
    assert.equal(checkRefName(ref).ok, false, `accepted ${JSON.stringify(ref)}`);
  }
});
