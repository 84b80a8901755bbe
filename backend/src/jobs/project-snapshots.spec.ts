import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { AppConfig } from '../config/config.js';
import type { GitReposService } from '../git-repos/git-repos.service.js';
import { ProjectSnapshots } from './project-snapshots.js';

const COMMIT = 'a'.repeat(40);

/** Snapshots on a real folder; git's export is replaced by writing the tree by hand. */
async function setUp() {
  const dataDir = await mkdtemp(join(tmpdir(), 'sf-snapshots-'));
  let exports = 0;
  const repos = {
    exportTree: async (_repoId: string, _commit: string, dest: string) => {
      exports++;
      await mkdir(join(dest, 'roles'), { recursive: true });
      await writeFile(join(dest, 'site.yml'), '- hosts: all\n');
      await writeFile(join(dest, 'roles', 'main.yml'), 'original\n');
    },
  } as unknown as GitReposService;
  const snapshots = new ProjectSnapshots(repos, { dataDir } as AppConfig);
  return { dataDir, snapshots, exports: () => exports };
}

/** Waits for the spare copy `replenish` started (it runs in the background). */
async function spareReady(dataDir: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await readdir(join(dataDir, 'snapshots', 'repo'))).some((n) => n.startsWith('.spare-'))) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('no spare copy was made');
}

test('project snapshots (git export replaced): each run gets an untouched tree, from the spare copy, even after an earlier run changed its own', async () => {
  const { dataDir, snapshots, exports } = await setUp();
  try {
    const first = join(dataDir, 'run1');
    await snapshots.copyInto('repo', COMMIT, first);
    snapshots.replenish('repo', COMMIT);
    await spareReady(dataDir);
    // The first run writes into its project folder.
    await writeFile(join(first, 'roles', 'main.yml'), 'changed by run 1\n');
    await writeFile(join(first, 'extra.txt'), 'left by run 1\n');

    const second = join(dataDir, 'run2');
    await snapshots.copyInto('repo', COMMIT, second);
    assert.equal(await readFile(join(second, 'roles', 'main.yml'), 'utf8'), 'original\n');
    assert.deepEqual((await readdir(second)).sort(), ['roles', 'site.yml']);
    // It took the spare: none is left until the next replenish.
    assert.equal((await readdir(join(dataDir, 'snapshots', 'repo'))).filter((n) => n.startsWith('.spare-')).length, 0);
    assert.equal(exports(), 1, 'git exported the commit once');
  } finally {
    await snapshots.onApplicationShutdown();
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('project snapshots (git export replaced): a spare removed underneath is copied around, and spares go with the process', async () => {
  const { dataDir, snapshots } = await setUp();
  try {
    await snapshots.copyInto('repo', COMMIT, join(dataDir, 'run1'));
    snapshots.replenish('repo', COMMIT);
    await spareReady(dataDir);
    const repoDir = join(dataDir, 'snapshots', 'repo');
    for (const name of await readdir(repoDir)) if (name.startsWith('.spare-')) await rm(join(repoDir, name), { recursive: true });

    const second = join(dataDir, 'run2');
    await snapshots.copyInto('repo', COMMIT, second);
    assert.equal(await readFile(join(second, 'roles', 'main.yml'), 'utf8'), 'original\n');

    snapshots.replenish('repo', COMMIT);
    await spareReady(dataDir);
    await snapshots.onApplicationShutdown();
    assert.deepEqual(await readdir(repoDir), [COMMIT]);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('project snapshots (git export replaced): a starting process removes the spares a dead one left behind', async () => {
  const { dataDir, snapshots } = await setUp();
  try {
    await snapshots.copyInto('repo', COMMIT, join(dataDir, 'run1'));
    snapshots.replenish('repo', COMMIT);
    await spareReady(dataDir);
    // This process "dies" without stopping; the next one starts on the same data folder.
    const next = new ProjectSnapshots({} as GitReposService, { dataDir } as AppConfig);
    await next.onModuleInit();
    assert.deepEqual(await readdir(join(dataDir, 'snapshots', 'repo')), [COMMIT]);
    // The first process finds its spare gone and copies instead.
    const second = join(dataDir, 'run2');
    await snapshots.copyInto('repo', COMMIT, second);
    assert.equal(await readFile(join(second, 'roles', 'main.yml'), 'utf8'), 'original\n');
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
