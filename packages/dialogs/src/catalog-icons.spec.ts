import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CATALOG_ICON_NAMES, catalogIconProblem } from './catalog-icons.js';

test('a catalog icon is a name the web UI draws or an https:// URL; anything else says why', () => {
  for (const name of CATALOG_ICON_NAMES) assert.equal(catalogIconProblem(name), null, name);
  assert.equal(new Set(CATALOG_ICON_NAMES).size, CATALOG_ICON_NAMES.length, 'no name twice');
  assert.equal(catalogIconProblem('https://example.net/logo.png'), null);
  assert.match(catalogIconProblem('rocket')!, /"rocket" is not an icon the portal has: use a Material icon name from its list/);
  assert.match(catalogIconProblem('Not An Icon')!, /^use a Material icon name \(e\.g\. hub\) or an https:\/\/ URL$/);
  assert.match(catalogIconProblem('http://example.net/logo.png')!, /https:\/\//);
});
