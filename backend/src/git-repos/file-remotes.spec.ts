import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileRemoteProblem } from './file-remotes.js';

test('file:// remotes: only inside an allowed folder (links resolved), a hosted repository from its own folder, other URLs untouched', async () => {
  const root = await mkdtemp(join(tmpdir(), 'file-remotes-'));
  try {
    const allowed = join(root, 'allowed');
    const outside = join(root, 'outside');
    await mkdir(join(allowed, 'repo.git'), { recursive: true });
    await mkdir(join(outside, 'secret.git'), { recursive: true });
    await symlink(join(outside, 'secret.git'), join(allowed, 'link.git'));

    assert.equal(await fileRemoteProblem(`file://${allowed}/repo.git`, [allowed], null), null);
    assert.equal(await fileRemoteProblem(`file://${allowed}/not-yet.git`, [allowed], null), null);
    assert.equal(await fileRemoteProblem('https://example.com/r.git', [], null), null);
    assert.equal(await fileRemoteProblem('git@example.com:r.git', [], null), null);
    assert.match((await fileRemoteProblem(`file://${outside}/secret.git`, [allowed], null)) ?? '', /not inside a folder that GIT_FILE_REMOTE_DIRS allows/);
    assert.match((await fileRemoteProblem(`file://${allowed}/link.git`, [allowed], null)) ?? '', /not inside/, 'a link out of the folder');
    assert.match((await fileRemoteProblem(`file://${allowed}/../outside/secret.git`, [allowed], null)) ?? '', /no "\.", "\.\." or %-escapes/);
    assert.match((await fileRemoteProblem(`file://${allowed}/%2e%2e/outside/secret.git`, [allowed], null)) ?? '', /%-escapes/);
    assert.match((await fileRemoteProblem(`file://${allowed}-evil/repo.git`, [allowed], null)) ?? '', /not inside/, 'a sibling folder sharing the prefix');
    // Nothing allowed by default, except a hosted repository's own bare repository.
    assert.match((await fileRemoteProblem(`file://${allowed}/repo.git`, [], null)) ?? '', /allows no folder/);
    assert.equal(await fileRemoteProblem(`file://${root}/data/git/mine.git`, [], `${root}/data/git/mine.git`), null);
    assert.match((await fileRemoteProblem(`file://${root}/data/git/other.git`, [], `${root}/data/git/mine.git`)) ?? '', /allows no folder/);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
