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
    'serviceTemplates: [ServiceTemplate!]!',
    'serviceRequest(id: ID!): ServiceRequest',
    'jobEvents(afterSeq: Int! = 0, jobId: ID!): JobEvent!',
    'refreshGitRepo(id: ID!): GitRepo!',
  ]) {
    assert.ok(sdl.includes(piece), `schema lacks ${piece}`);
  }
});
