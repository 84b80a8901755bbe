import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { PROJECT_ROOT } from '../config/config.js';
import { buildSchemaSdl } from './schema.js';

test('the committed backend/schema.gql matches the code (run "npm run schema -w backend" after API changes)', async () => {
  const committed = await readFile(resolve(PROJECT_ROOT, 'backend/schema.gql'), 'utf8');
  assert.equal(committed, await buildSchemaSdl());
});

test('the schema keeps the contract names clients rely on', async () => {
  const sdl = await buildSchemaSdl();
  for (const piece of [
    'login(password: String!, username: String!): AuthPayload!',
    'orderService(input: OrderServiceInput!): ServiceRequest!',
    'serviceRequest(id: ID!): ServiceRequest',
    'resumeServiceRequest(id: ID!): ServiceRequest!',
    'createProvider(input: ProviderInput!): Provider!',
    'jobEvents(afterSeq: Int! = 0, jobId: ID!): JobEvent!',
    'refreshGitRepo(id: ID!): GitRepo!',
  ]) {
    assert.ok(sdl.includes(piece), `schema lacks ${piece}`);
  }
  // Lists clients call without arguments keep every argument optional.
  for (const name of ['serviceTemplates', 'gitRepos', 'credentials', 'providers', 'apiTokens']) {
    const field = new RegExp(`\\n  ${name}(\\(([^)]*)\\))?: \\[`).exec(sdl);
    assert.ok(field, `schema lacks the list ${name}`);
    for (const arg of (field[2] ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)) {
      assert.ok(!arg.endsWith('!') || arg.includes('='), `${name}: argument "${arg}" is required`);
    }
  }
});
