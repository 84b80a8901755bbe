import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { pipeliningEnv } from './ansible-runner.js';

describe('SSH pipelining of a run', () => {
  const dirs: string[] = [];
  const project = async (cfg?: string) => {
    const dir = await mkdtemp(join(tmpdir(), 'pipelining-'));
    dirs.push(dir);
    if (cfg !== undefined) await writeFile(join(dir, 'ansible.cfg'), cfg);
    return dir;
  };
  after(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  test('on for a repository without ansible.cfg, or whose ansible.cfg does not name it', async () => {
    assert.deepEqual(await pipeliningEnv(await project()), { ANSIBLE_PIPELINING: 'True' });
    assert.deepEqual(await pipeliningEnv(await project('[defaults]\nforks = 5\n')), { ANSIBLE_PIPELINING: 'True' });
  });

  test("left to the repository's ansible.cfg when it sets it, either way", async () => {
    assert.deepEqual(await pipeliningEnv(await project('[ssh_connection]\npipelining = False\n')), {});
    assert.deepEqual(await pipeliningEnv(await project('[connection]\n  pipelining=true\n')), {});
  });
});
