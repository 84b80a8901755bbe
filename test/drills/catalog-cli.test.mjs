// End to end: `npm run catalog -- export|import DIR` against a running product, with an API
// token from the environment (never on the command line).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { ROOT, startProduct } from '../support/product.mjs';

const run = promisify(execFile);

describe('the catalog CLI', () => {
  let product;
  let apiToken;
  let dir;
  before(async () => {
    product = await startProduct();
    const session = await product.login();
    const { data } = await product.graphql('mutation { createApiToken(name: "catalog cli") { token } }', {}, session);
    apiToken = data.createApiToken.token;
    dir = await mkdtemp(join(tmpdir(), 'catalog-cli-'));
  });
  after(async () => {
    await product?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const cli = (...args) =>
    run(process.execPath, [join(ROOT, 'scripts/catalog.mjs'), ...args], { env: { ...process.env, SUPERFLUID_URL: product.url, SUPERFLUID_TOKEN: apiToken } });

  it('exports the catalog as YAML files, and imports an edited item back by name', async () => {
    const exported = await cli('export', dir);
    assert.match(exported.stdout, /exported \d+ files/);
    const file = join(dir, 'templates', 'run-a-playbook.yaml');
    const text = await readFile(file, 'utf8');
    assert.match(text, /^kind: ServiceTemplate/m);
    await writeFile(file, text.replace(/^description: .*$/m, 'description: Edited through the CLI'));
    const imported = await cli('import', dir);
    assert.match(imported.stdout, /imported \d+ dialogs, \d+ state machines, \d+ items/);
    const { data } = await product.graphql('{ serviceTemplates(search: "Run a playbook") { name description } }', {}, apiToken);
    assert.equal(data.serviceTemplates[0].description, 'Edited through the CLI');
  });

  it("a broken file: the API's error (file, line, reason) and a non-zero exit; a missing token: a clear message", async () => {
    await writeFile(join(dir, 'templates', 'broken.yaml'), 'kind: ServiceTemplate\nname: Broken\ntype: nonsense\n');
    await assert.rejects(cli('import', dir), (err) => {
      assert.match(err.stderr, /VALIDATION_FAILED: .*catalog\/templates\/broken.yaml/s);
      return true;
    });
    await assert.rejects(
      run(process.execPath, [join(ROOT, 'scripts/catalog.mjs'), 'export', dir], { env: { ...process.env, SUPERFLUID_URL: product.url, SUPERFLUID_TOKEN: '' } }),
      (err) => /set SUPERFLUID_TOKEN/.test(err.stderr),
    );
  });
});
