import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { newEnv, startTestApp, type TestApp } from '../testing/harness.js';

describe('the UI as the portal serves it: compressed, its source maps kept off the web', () => {
  let app: TestApp;
  let dist: string;
  const script = `console.log(${JSON.stringify('superfluid '.repeat(20_000))});\n`;

  before(async () => {
    dist = await mkdtemp(join(tmpdir(), 'ui-dist-'));
    await mkdir(join(dist, 'assets'));
    await writeFile(join(dist, 'index.html'), '<!doctype html><title>Superfluid</title><script src="/assets/index-abc.js"></script>');
    await writeFile(join(dist, 'assets', 'index-abc.js'), script);
    await writeFile(join(dist, 'assets', 'index-abc.js.map'), '{"version":3,"sources":["src/App.tsx"],"mappings":""}');
    app = await startTestApp(await newEnv(), { FRONTEND_DIST: dist });
  });
  after(async () => {
    await app?.stop();
    await rm(dist, { recursive: true, force: true });
  });

  test('the script goes out compressed to a browser that accepts it, and whole to one that does not', async () => {
    const zipped = await fetch(`${app.url}/assets/index-abc.js`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(zipped.status, 200);
    assert.equal(zipped.headers.get('content-encoding'), 'gzip');
    assert.equal(await zipped.text(), script, 'the same script once unpacked');
    const plain = await fetch(`${app.url}/assets/index-abc.js`, { headers: { 'accept-encoding': 'identity' } });
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.equal(Number(plain.headers.get('content-length')), Buffer.byteLength(script));
  });

  test('a source map is not served; the app’s routes still get the page', async () => {
    const map = await fetch(`${app.url}/assets/index-abc.js.map`);
    assert.equal(map.status, 404);
    assert.doesNotMatch(await map.text(), /sources/);
    const route = await fetch(`${app.url}/serviceRequests`);
    assert.equal(route.status, 200);
    assert.match(await route.text(), /<title>Superfluid<\/title>/);
  });

  test('GraphQL answers compressed too', async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip', authorization: `Bearer ${app.token}` },
      body: JSON.stringify({ query: '{ serviceTemplates(take: 500) { id name description dialog } }' }),
    });
    assert.equal(res.headers.get('content-encoding'), 'gzip');
    const body = (await res.json()) as { data: { serviceTemplates: unknown[] } };
    assert.ok(body.data.serviceTemplates.length > 0);
  });
});
