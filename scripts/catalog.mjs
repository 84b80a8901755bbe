#!/usr/bin/env node
// Catalog as code, through a running portal's API:
//   npm run catalog -- export DIR   writes every dialog, state machine and item as YAML under DIR
//   npm run catalog -- import DIR   sends every .yaml/.yml file under DIR; all are checked first,
//                                   then created or updated by name (importing twice changes nothing)
// Settings: SUPERFLUID_URL (default http://localhost:3000) and SUPERFLUID_TOKEN, an API token
// (createApiToken in the UI's "API tokens" page); the token never goes on the command line.
import fs from 'node:fs';
import path from 'node:path';

const [command, dir] = process.argv.slice(2);
const url = (process.env.SUPERFLUID_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
const token = process.env.SUPERFLUID_TOKEN;

function fail(message) {
  process.stderr.write(`catalog: ${message}\n`);
  process.exit(1);
}

async function graphql(query, variables) {
  let response;
  try {
    response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    fail(`cannot reach ${url}: ${error.cause?.message ?? error.message} (set SUPERFLUID_URL)`);
  }
  const body = await response.json().catch(() => null);
  if (!body) fail(`${url} answered HTTP ${response.status} without JSON`);
  if (body.errors?.length) fail(body.errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('\n'));
  return body.data;
}

function yamlFiles(root) {
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
}

if (!['import', 'export'].includes(command) || !dir) fail('usage: npm run catalog -- import|export DIR');
if (!token) fail('set SUPERFLUID_TOKEN to an API token (create one on the "API tokens" page)');

if (command === 'export') {
  const { exportCatalog } = await graphql('{ exportCatalog { path content } }');
  for (const file of exportCatalog) {
    const target = path.join(dir, file.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.content);
  }
  process.stdout.write(`exported ${exportCatalog.length} files to ${dir}\n`);
} else {
  if (!fs.existsSync(dir)) fail(`${dir} does not exist`);
  const files = yamlFiles(dir).map((file) => ({ path: file.split(path.sep).join('/'), content: fs.readFileSync(path.join(dir, file), 'utf8') }));
  const { importCatalog } = await graphql('mutation($f: [CatalogFileInput!]!) { importCatalog(files: $f) { dialogs templates stateMachines } }', { f: files });
  process.stdout.write(
    `imported ${importCatalog.dialogs} dialogs, ${importCatalog.stateMachines} state machines, ${importCatalog.templates} items from ${dir}\n`,
  );
}
