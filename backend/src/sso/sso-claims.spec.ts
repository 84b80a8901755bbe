import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { displayNameOf, groupsOf, usernameOf } from './sso-claims.js';

describe('SSO claims', () => {
  it('names the user by preferred_username, then email, then sub', () => {
    assert.equal(usernameOf({ sub: 's1', email: 'a@example.org', preferred_username: 'alice' }), 'alice');
    assert.equal(usernameOf({ sub: 's1', email: 'a@example.org' }), 'a@example.org');
    assert.equal(usernameOf({ sub: 's1' }), 's1');
  });

  it('keeps only what a portal user name may hold', () => {
    assert.equal(usernameOf({ sub: 'x', preferred_username: 'Jean Dupont/ops' }), 'Jean-Dupont-ops');
    assert.equal(usernameOf({ sub: 'x', preferred_username: '..bob' }), 'bob');
    assert.equal(usernameOf({ sub: '' }), null);
    assert.equal(usernameOf({ sub: 'y'.repeat(100) })?.length, 64);
  });

  it('reads groups as a list, a single string or a dotted path', () => {
    assert.deepEqual(groupsOf({ groups: ['a', 'b', 'a', 3, ''] }, 'groups'), ['a', 'b']);
    assert.deepEqual(groupsOf({ groups: 'ops' }, 'groups'), ['ops']);
    assert.deepEqual(groupsOf({ realm_access: { roles: ['r1'] } }, 'realm_access.roles'), ['r1']);
    assert.deepEqual(groupsOf({}, 'groups'), []);
  });

  it('shows the name, or given and family names', () => {
    assert.equal(displayNameOf({ name: 'Alice A.' }), 'Alice A.');
    assert.equal(displayNameOf({ given_name: 'Alice', family_name: 'Martin' }), 'Alice Martin');
  });
});
