import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { newEnv, startTestApp, type TestApp, type TestEnv } from '../testing/harness.js';
import { gitIn, PLAY, pushClient, write } from './git-test-fixtures.js';

/** A push through the portal's own smart-HTTP remote whose checks take too long. */
describe('hostile pushes: a push is capped in time', () => {
  let env: TestEnv;
  let app: TestApp;
  let root: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'slow-push-'));
    await write(root, { 'builtin/hello.yml': PLAY('hello') });
    env = await newEnv();
    app = await startTestApp(env, { GIT_PUSH_TIMEOUT_SECONDS: '3', PLAYBOOKS_DIR: join(root, 'builtin') }, { owner: false });
  });
  after(async () => {
    await app?.stop();
    await env?.destroy();
    await rm(root, { recursive: true, force: true });
  });

  test('a push whose checks outlast GIT_PUSH_TIMEOUT_SECONDS is refused, and nothing of it lands', async () => {
    const token = (await app.gql<{ createApiToken: { token: string } }>('mutation { createApiToken(name: "slow") { token } }')).data!.createApiToken.token;
    await app.gql('mutation { createGitRepo(input: { name: "slow", hosted: true }) { id } }');
    const client = await pushClient(root, `${app.url}/git/slow.git`, token);
    // 40 playbooks in 40 folders: a syntax-check process each (a folder's playbooks share one), two at a
    // time, at half a second each at best.
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`f${i}/p.yml`, PLAY(String(i))]));
    const head = await client.commit(many, 'many playbooks');
    const refused = await client.push();
    assert.equal(refused.ok, false, 'the push must be refused');
    assert.match(refused.out, /checking it took longer than the 3 s a push may take \(GIT_PUSH_TIMEOUT_SECONDS\)/);
    const landed = await gitIn(root)('--git-dir', join(app.config.dataDir, 'git', 'slow.git'), 'cat-file', '-e', `${head}^{commit}`);
    assert.equal(landed.ok, false, 'the refused commit is not in the repository');
  });
});
