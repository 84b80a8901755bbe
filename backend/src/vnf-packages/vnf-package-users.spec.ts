import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TenantScope } from '../auth/auth.decorators.js';
import { namedFor } from './vnf-packages.service.js';

const EAST = '00000000-0000-4000-8000-00000000000e';
const WEST = '00000000-0000-4000-8000-00000000000f';
const scope = (...tenants: string[]): TenantScope => ({ tenants, reach: tenants, home: tenants[0] });
const users = [
  { what: 'catalog item "web"', tenantId: EAST },
  { what: 'service "web-1"', tenantId: WEST },
  { what: 'service "web-2"', tenantId: WEST },
];

describe('what uses a VNF package, as a viewer is told', () => {
  test('a viewer of one tenant is given the names of its own tenant’s users, and a count of the others', () => {
    assert.deepEqual(namedFor(users, scope(EAST)), ['catalog item "web"', '2 uses in other tenants']);
    assert.deepEqual(namedFor(users, scope(WEST)), ['service "web-1"', 'service "web-2"', '1 use in other tenants']);
  });

  test('a viewer of every tenant (or the system) is given every name', () => {
    assert.deepEqual(
      namedFor(users, scope(EAST, WEST)),
      users.map((u) => u.what),
    );
    assert.deepEqual(
      namedFor(users, undefined),
      users.map((u) => u.what),
    );
  });
});
