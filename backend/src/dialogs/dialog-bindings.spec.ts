import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyBinding, importedAutomateMethod, reapplyBindings } from './dialog-bindings.js';
import { parseDialog } from './dialog.schema.js';
import { type DialogDefinition, dialogFields } from '@superfluid/dialogs';

/** As a ManageIQ import leaves it: `zone` depends on `repo`, both from automate methods. */
const imported = (zoneMethod = '/Ns/Cls/Zones'): DialogDefinition =>
  parseDialog({
    name: 'vm',
    label: 'VM',
    tabs: [
      {
        label: 'T',
        boxes: [
          {
            label: 'B',
            fields: [
              { name: 'repo', label: 'Repo', type: 'dropdown', dataSource: { type: 'pending', automateMethod: '/Ns/Cls/Repos' } },
              { name: 'zone', label: 'Zone', type: 'dropdown', dependsOn: ['repo'], dataSource: { type: 'pending', automateMethod: zoneMethod } },
            ],
          },
        ],
      },
    ],
  });

const field = (d: DialogDefinition, name: string) => dialogFields(d).find((f) => f.name === name)!;

test('a binding replaces the data source and keeps, replaces or removes dependsOn', () => {
  const d = imported();
  const kept = applyBinding(d, 'zone', { automateMethod: '/Ns/Cls/Zones', dataSource: { type: 'providers' } });
  assert.deepEqual(field(kept, 'zone'), { name: 'zone', label: 'Zone', type: 'dropdown', dependsOn: ['repo'], dataSource: { type: 'providers' } });
  assert.equal(field(kept, 'repo'), field(d, 'repo'), 'other fields untouched');
  const removed = applyBinding(d, 'zone', { automateMethod: '/Ns/Cls/Zones', dataSource: { type: 'gitRepos' }, dependsOn: [] });
  assert.equal(field(removed, 'zone').dependsOn, undefined);
  const plain = applyBinding(d, 'zone', { automateMethod: '/Ns/Cls/Zones', dataSource: null });
  assert.equal(field(plain, 'zone').dataSource, undefined);
});

test('a field is bindable while pending, and again once bound (known by its automate method)', () => {
  const d = imported();
  assert.equal(importedAutomateMethod(field(d, 'zone'), {}), '/Ns/Cls/Zones');
  const bound = applyBinding(d, 'zone', { automateMethod: '/Ns/Cls/Zones', dataSource: { type: 'providers' } });
  assert.equal(importedAutomateMethod(field(bound, 'zone'), {}), null);
  assert.equal(importedAutomateMethod(field(bound, 'zone'), { zone: { automateMethod: '/Ns/Cls/Zones', dataSource: { type: 'providers' } } }), '/Ns/Cls/Zones');
});

test('a re-import keeps the bindings whose automate method is unchanged and that still check', () => {
  const bindings = {
    repo: { automateMethod: '/Ns/Cls/Repos', dataSource: { type: 'gitRepos' as const } },
    zone: { automateMethod: '/Ns/Cls/Zones', dataSource: { type: 'playbooks' as const, repoField: 'repo' } },
    gone: { automateMethod: '/Ns/Cls/Gone', dataSource: { type: 'gitRepos' as const } },
  };
  const same = reapplyBindings(imported(), bindings);
  assert.deepEqual(Object.keys(same.bindings), ['repo', 'zone']);
  assert.deepEqual(same.dropped, ['gone']);
  assert.deepEqual(field(same.definition, 'zone').dataSource, { type: 'playbooks', repoField: 'repo' });

  const changed = reapplyBindings(imported('/Ns/Cls/Zones_v2'), bindings);
  assert.deepEqual(Object.keys(changed.bindings), ['repo']);
  assert.deepEqual(field(changed.definition, 'zone').dataSource, { type: 'pending', automateMethod: '/Ns/Cls/Zones_v2' });

  // A binding that no longer checks (its repoField is not a dependency any more) is dropped, the field stays pending.
  const broken = reapplyBindings(imported(), { zone: { ...bindings.zone, dependsOn: [] } });
  assert.deepEqual([Object.keys(broken.bindings), broken.dropped], [[], ['zone']]);
  assert.equal(field(broken.definition, 'zone').dataSource?.type, 'pending');
});
