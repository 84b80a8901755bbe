import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { newEnv, startTestApp, type TestApp } from '../testing/harness.js';

describe('the UI as the portal serves it: compressed, cached, its source maps kept off the web', () => {
  let app: TestApp;
  let dist: string;
  const script = `console.log(${JSON.stringify('superfluid '.repeat(20_000))});\n`;
  // What the build writes beside each script (frontend/vite.config.ts); the marker comment tells
  // which file was sent.
  const built = `${script}// precompressed\n`;

  before(async () => {
    dist = await mkdtemp(join(tmpdir(), 'ui-dist-'));
    await mkdir(join(dist, 'assets'));
    await writeFile(join(dist, 'index.html'), '<!doctype html><title>Superfluid</title><script src="/assets/index-abc.js"></script>');
    await writeFile(join(dist, 'assets', 'index-abc.js'), script);
    await writeFile(join(dist, 'assets', 'index-abc.js.map'), '{"version":3,"sources":["src/App.tsx"],"mappings":""}');
    await writeFile(join(dist, 'assets', 'app-def.js'), built);
    await writeFile(join(dist, 'assets', 'app-def.js.br'), brotliCompressSync(built));
    await writeFile(join(dist, 'assets', 'app-def.js.gz'), gzipSync(built));
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

  test('a script the build compressed goes out as it was written: brotli when accepted, else gzip, else whole', async () => {
    // Chromium's header: gzip named first, at the same weight as br.
    const br = await fetch(`${app.url}/assets/app-def.js`, { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    assert.equal(br.status, 200);
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.match(br.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.equal(br.headers.get('vary'), 'Accept-Encoding');
    assert.equal(Number(br.headers.get('content-length')), brotliCompressSync(built).length, 'the file written at build time, not compressed again');
    assert.equal(await br.text(), built);
    const gz = await fetch(`${app.url}/assets/app-def.js`, { headers: { 'accept-encoding': 'gzip, br;q=0' } });
    assert.equal(gz.headers.get('content-encoding'), 'gzip');
    assert.equal(await gz.text(), built);
    const plain = await fetch(`${app.url}/assets/app-def.js`, { headers: { 'accept-encoding': 'identity' } });
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.equal(await plain.text(), built);
    assert.equal((await fetch(`${app.url}/assets/app-def.js.br`)).status, 404, 'the compressed copies are not files of their own');
  });

  test('hashed files are cached for good, the page that names them is revalidated every time', async () => {
    for (const file of ['app-def.js', 'index-abc.js']) {
      const res = await fetch(`${app.url}/assets/${file}`);
      assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable', file);
      await res.arrayBuffer();
    }
    for (const path of ['/', '/index.html', '/catalog']) {
      const res = await fetch(`${app.url}${path}`);
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('cache-control'), 'no-cache', path);
      assert.match(await res.text(), /<title>Superfluid<\/title>/, path);
    }
    // A chunk of an older build (a page loaded before an upgrade): a 404, not the page in its place.
    const gone = await fetch(`${app.url}/assets/index-old.js`);
    assert.equal(gone.status, 404);
    assert.doesNotMatch(await gone.text(), /<title>/);
    assert.equal((await fetch(`${app.url}/`)).headers.get('x-powered-by'), null);
  });

  test('a build made while the server runs is served: its new files, not its removed ones', async () => {
    await writeFile(join(dist, 'assets', 'later-ghi.js'), built);
    await writeFile(join(dist, 'assets', 'later-ghi.js.br'), brotliCompressSync(built));
    const later = await fetch(`${app.url}/assets/later-ghi.js`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(later.status, 200);
    assert.equal(later.headers.get('content-encoding'), 'br');
    assert.equal(await later.text(), built);
    await rm(join(dist, 'assets', 'later-ghi.js'));
    await rm(join(dist, 'assets', 'later-ghi.js.br'));
    const removed = await fetch(`${app.url}/assets/later-ghi.js`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(removed.status, 404);
    assert.equal(removed.headers.get('content-encoding'), null);
    assert.notEqual(removed.headers.get('cache-control'), 'public, max-age=31536000, immutable', 'a 404 is not kept for a year');
    await removed.arrayBuffer();
    assert.equal((await fetch(`${app.url}/assets/..%2Findex.html`)).status, 404);
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
