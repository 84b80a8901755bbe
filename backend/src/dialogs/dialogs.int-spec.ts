// Dialogs against a real Postgres: catalog dialogs, imports and editor dialogs share the dialogs
// table, dependent fields refresh from real repositories and credentials, and the server checks
// an order with the same compiled dialog.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AppError } from '../common/app-error.js';
import { PROJECT_ROOT } from '../config/config.js';
import { newEnv, startTestApp, waitFor, type TestApp, type TestEnv } from '../testing/harness.js';
import { DialogsService } from './dialogs.service.js';

const fixture = (name: string) => readFile(resolve(PROJECT_ROOT, 'backend/src/dialogs/fixtures', name), 'utf8');

const IMPORT = `mutation($f: DialogImportFormat!, $c: String!, $n: String) {
  importDialog(format: $f, content: $c, name: $n) { id name label origin fields { name type required dynamic pending } }
}`;
const REFRESH = `query($d: String, $t: ID, $f: String!, $v: JSON!) {
  refreshDialogField(dialog: $d, templateId: $t, field: $f, values: $v) { choices { value label } default }
}`;

interface Refresh {
  refreshDialogField: { choices: { value: string; label: string }[]; default: unknown };
}
const SAVE = 'mutation($d: JSON!) { saveDialog(definition: $d) { id name label origin fields { name type required } } }';
const DELETE = 'mutation($id: ID!) { deleteDialog(id: $id) }';

interface Saved {
  saveDialog: { id: string; name: string; label: string; origin: string; fields: { name: string; type: string; required: boolean }[] };
}

/** A dialog as the editor sends it: a dropdown with static choices, and a text field shown for one of them. */
const editorDialog = (name: string, details: Record<string, unknown> = {}) => ({
  name,
  label: 'Made in the editor',
  tabs: [
    {
      label: 'Main',
      boxes: [
        {
          label: 'Size',
          fields: [
            {
              name: 'size',
              label: 'Size',
              type: 'dropdown',
              required: true,
              default: 's',
              choices: [
                { value: 's', label: 'Small' },
                { value: 'custom', label: 'Custom' },
              ],
            },
            { name: 'details', label: 'Details', type: 'text', required: true, visibleWhen: { field: 'size', equals: 'custom' }, ...details },
          ],
        },
      ],
    },
  ],
});

interface Imported {
  importDialog: {
    id: string;
    name: string;
    label: string;
    origin: string;
    fields: { name: string; type: string; required: boolean; dynamic: boolean; pending: boolean }[];
  }[];
}

describe('dialogs', () => {
  let env: TestEnv;
  let app: TestApp;

  before(async () => {
    env = await newEnv();
    app = await startTestApp(env);
  });
  after(async () => {
    await app?.stop();
  });

  test('catalog dialogs are listed with their fields, origin and a resolved form', async () => {
    const res = await app.gql<{ dialogs: { name: string; origin: string; fields: { name: string; type: string }[]; form: { tabs: unknown[] } }[] }>(
      '{ dialogs { name origin fields { name type } form } }',
    );
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const seed = res.data!.dialogs.find((d) => d.name === 'deploy-options');
    assert.ok(seed, 'the second seed dialog is loaded');
    assert.equal(seed.origin, 'catalog');
    assert.deepEqual(
      seed.fields.map((f) => f.type),
      ['dropdown', 'dropdown', 'dropdown', 'tags', 'date', 'radio', 'datetime', 'float', 'dropdown', 'password'],
    );
  });

  test('a dependent field refreshes from the value of the field it depends on', async () => {
    const refresh = (values: Record<string, unknown>) => app.gql<Refresh>(REFRESH, { d: 'deploy-options', f: 'playbook', v: values });
    const builtin = await waitFor('the built-in repository to list its playbooks', async () => {
      const res = await refresh({ repo: 'playbooks' });
      return res.data?.refreshDialogField.choices.some((c) => c.value === 'hello.yml') ? res.data.refreshDialogField : null;
    });
    assert.ok(builtin.choices.some((c) => c.value === 'fail.yml'));
    assert.deepEqual((await refresh({ repo: 'no-such-repo' })).data!.refreshDialogField, { choices: [], default: null });
    // without a value, the repo field's own default (the built-in repository) is used
    assert.ok((await refresh({})).data!.refreshDialogField.choices.some((c) => c.value === 'hello.yml'));
    const templates = await app.gql<{ serviceTemplates: { id: string; name: string }[] }>('{ serviceTemplates { id name } }');
    const templateId = templates.data!.serviceTemplates.find((t) => t.name === 'Run a playbook')!.id;
    const byTemplate = await app.gql<Refresh>(REFRESH, { t: templateId, f: 'playbook', v: {} });
    assert.ok(
      byTemplate.data?.refreshDialogField.choices.some((c) => c.value === 'hello.yml'),
      JSON.stringify(byTemplate),
    );
    const noTemplate = await app.gql(REFRESH, { t: '00000000-0000-4000-8000-000000000000', f: 'playbook', v: {} });
    assert.equal(noTemplate.errors?.[0].extensions?.code, 'NOT_FOUND');
    const unknownField = await app.gql(REFRESH, { d: 'deploy-options', f: 'nope', v: {} });
    assert.equal(unknownField.errors?.[0].extensions?.code, 'VALIDATION_FAILED');
    const unknownDialog = await app.gql(REFRESH, { d: 'nope', f: 'playbook', v: {} });
    assert.equal(unknownDialog.errors?.[0].extensions?.code, 'NOT_FOUND');
  });

  test('a credentials data source lists the stored credentials of its type, through CredentialsService', async () => {
    const key =
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZWQyNTUxOQ\n-----END OPENSSH PRIVATE KEY-----\n';
    const created = await app.gql<{ createCredential: { id: string } }>('mutation($i: CreateCredentialInput!) { createCredential(input: $i) { id } }', {
      i: { name: 'deploy-key', type: 'ssh_key', inputs: { username: 'deploy' }, secrets: { private_key: key } },
    });
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    const form = await app.app.get(DialogsService).resolved('deploy-options');
    const sshKey = form.tabs[1].boxes[0].fields.find((f) => f.name === 'ssh_key')!;
    assert.deepEqual(sshKey.choices, [{ value: created.data!.createCredential.id, label: 'deploy-key' }]);
  });

  test('the server validates an order with the dependent choices of the submitted repository and drops hidden fields', async () => {
    const dialogs = app.app.get(DialogsService);
    const ok = await dialogs.validate('deploy-options', { repo: 'playbooks', playbook: 'hello.yml', labels: ['web'], cpu_ratio: 99, admin_password: 'x' });
    assert.deepEqual(ok, { repo: 'playbooks', playbook: 'hello.yml', regions: ['eu-west'], labels: ['web'], mode: 'basic' });
    await assert.rejects(
      dialogs.validate('deploy-options', {
        repo: 'playbooks',
        playbook: 'hello.yml',
        mode: 'advanced',
        admin_password: 'short-pw',
        maintenance_window: '2030-01-01T02:00',
      }),
      (err: AppError) => {
        assert.equal(err.code, 'VALIDATION_FAILED');
        const fields = err.details.fields as Record<string, string>;
        assert.deepEqual(Object.keys(fields).sort(), ['admin_password', 'maintenance_window']);
        assert.ok(!err.message.includes('short-pw'), 'the password is not echoed');
        return true;
      },
    );
    await assert.rejects(
      dialogs.validate('deploy-options', { repo: 'playbooks', playbook: '../etc/passwd.yml' }),
      /playbook: "..\/etc\/passwd.yml" is not one of the choices/,
    );
    await assert.rejects(
      dialogs.validate('deploy-options', { repo: 'no-such-repo', playbook: 'hello.yml' }),
      /repo: "no-such-repo" is not one of the choices; playbook: has no choices to pick from/,
    );
  });

  test('importing an AWX survey stores it; importing again replaces it; a catalog dialog is never replaced', async () => {
    const survey = await fixture('awx-survey.json');
    const first = await app.gql<Imported>(IMPORT, { f: 'AWX_SURVEY', c: survey });
    assert.equal(first.errors, undefined, JSON.stringify(first.errors));
    const [created] = first.data!.importDialog;
    assert.equal(created.name, 'deploy-web-app');
    assert.equal(created.origin, 'imported');
    assert.deepEqual(
      created.fields.map((f) => [f.name, f.type, f.required]),
      [
        ['app_name', 'text', true],
        ['release_notes', 'textarea', false],
        ['registry_password', 'password', true],
        ['replicas', 'integer', true],
        ['cpu_limit', 'float', false],
        ['environment', 'dropdown', true],
        ['features', 'dropdown', false],
      ],
    );
    const changed = JSON.parse(survey) as { spec: { required: boolean }[] };
    changed.spec[1].required = true;
    const again = await app.gql<Imported>(IMPORT, { f: 'AWX_SURVEY', c: JSON.stringify(changed) });
    assert.equal(again.data!.importDialog[0].id, created.id, 'replaced in place');
    assert.equal(again.data!.importDialog[0].fields[1].required, true);

    // A default its own question refuses is dropped, and the answer says so; the rest imports as it is.
    const shortDefault = JSON.stringify({
      name: 'Codes',
      spec: [{ type: 'multiplechoice', variable: 'tier', question_name: 'Tier', choices: 'gold\nsilver', default: 'bronze' }],
    });
    const warned = await app.gql<{ importDialog: { name: string; importWarnings: string[] }[] }>(
      'mutation($c: String!) { importDialog(format: AWX_SURVEY, content: $c) { name importWarnings } }',
      { c: shortDefault },
    );
    assert.equal(warned.errors, undefined, JSON.stringify(warned.errors));
    assert.deepEqual(warned.data!.importDialog, [
      { name: 'codes', importWarnings: ['survey "Codes", field "tier": its default was dropped — "bronze" is not one of the choices'] },
    ]);

    const clash = await app.gql(IMPORT, { f: 'AWX_SURVEY', c: survey, n: 'run-playbook' });
    assert.equal(clash.errors?.[0].extensions?.code, 'CONFLICT');
    assert.match(clash.errors![0].message, /Dialog "run-playbook" comes from the catalog files/);
    const [row] = await app.sql<{ origin: string; label: string }>(`SELECT origin, label FROM dialogs WHERE name = 'run-playbook'`);
    assert.deepEqual(row, { origin: 'catalog', label: 'Run a playbook' });
  });

  test('a ManageIQ export imports all its dialogs or none, and a pending field blocks ordering until bound', async () => {
    const res = await app.gql<Imported>(IMPORT, { f: 'MANAGEIQ', c: await fixture('manageiq-dialogs.yml') });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    assert.deepEqual(
      res.data!.importDialog.map((d) => d.name),
      ['private-cloud-vm', 'early-retirement'],
    );
    const tenant = res.data!.importDialog[0].fields.find((f) => f.name === 'tenant')!;
    assert.deepEqual([tenant.dynamic, tenant.pending], [true, true]);
    await assert.rejects(app.app.get(DialogsService).validate('private-cloud-vm', {}), /cannot be ordered yet — tenant, network_zone not bound/);
    assert.deepEqual(await app.app.get(DialogsService).validate('early-retirement', { reason: 'done', confirm: true }), { reason: 'done', confirm: true });

    const bad = await app.gql(IMPORT, {
      f: 'MANAGEIQ',
      c: '- label: Fine\n  dialog_tabs: [{ label: T, dialog_groups: [{ label: B, dialog_fields: [{ name: a, label: A, type: DialogFieldTextBox }] }] }]\n- label: Early retirement\n  dialog_tabs: [{ label: T, dialog_groups: [{ label: B, dialog_fields: [{ name: a, label: A, type: DialogFieldButton }] }] }]\n',
    });
    assert.equal(bad.errors?.[0].extensions?.code, 'VALIDATION_FAILED');
    assert.match(bad.errors![0].message, /dialog "Early retirement", field "a": field type "DialogFieldButton" is not supported/);
    assert.equal((await app.sql(`SELECT 1 FROM dialogs WHERE name = 'fine'`)).length, 0, 'nothing stored');

    const conflictInSecond = await app.gql(IMPORT, {
      f: 'MANAGEIQ',
      c: '- label: Brand new\n  dialog_tabs: [{ label: T, dialog_groups: [{ label: B, dialog_fields: [{ name: a, label: A, type: DialogFieldTextBox }] }] }]\n- label: Run playbook\n  dialog_tabs: [{ label: T, dialog_groups: [{ label: B, dialog_fields: [{ name: a, label: A, type: DialogFieldTextBox }] }] }]\n',
    });
    assert.equal(conflictInSecond.errors?.[0].extensions?.code, 'CONFLICT');
    assert.equal((await app.sql(`SELECT 1 FROM dialogs WHERE name = 'brand-new'`)).length, 0, 'the transaction rolled back the first dialog');
  });

  test('bindDialogField binds an imported pending field in place, checks the whole dialog, and a re-import keeps unchanged bindings', async () => {
    const BIND = `mutation($id: ID!, $f: String!, $s: JSON, $d: [String!]) {
      bindDialogField(dialogId: $id, field: $f, dataSource: $s, dependsOn: $d) { id name origin fields { name pending dynamic dependsOn boundFrom } }
    }`;
    interface Bound {
      bindDialogField: {
        id: string;
        name: string;
        origin: string;
        fields: { name: string; pending: boolean; dynamic: boolean; dependsOn: string[]; boundFrom: string | null }[];
      };
    }
    const dialogs = app.app.get(DialogsService);
    const exported = await fixture('manageiq-dialogs.yml');
    const imported = await app.gql<Imported>(IMPORT, { f: 'MANAGEIQ', c: exported });
    assert.equal(imported.errors, undefined, JSON.stringify(imported.errors));
    const id = imported.data!.importDialog.find((d) => d.name === 'private-cloud-vm')!.id;
    const stored = async () =>
      (await app.sql<{ definition: unknown; bindings: unknown; origin: string }>(`SELECT definition, bindings, origin FROM dialogs WHERE id = $1`, [id]))[0];
    const before = await stored();
    await assert.rejects(dialogs.validate('private-cloud-vm', {}), /cannot be ordered yet — tenant, network_zone not bound/);

    // Refused, and nothing stored: a data source that does not check, a cycle, a missing repoField dependency.
    const badSource = await app.gql(BIND, { id, f: 'tenant', s: { type: 'credentials', credentialType: 'no_such_type' } });
    assert.equal(badSource.errors?.[0].extensions?.code, 'VALIDATION_FAILED');
    assert.match(badSource.errors![0].message, /\("tenant"\)\.dataSource\.credentialType: is not a credential type/);
    const unknownType = await app.gql(BIND, { id, f: 'tenant', s: { type: 'automate', method: 'x' } });
    assert.equal(unknownType.errors?.[0].extensions?.code, 'VALIDATION_FAILED');
    assert.match(unknownType.errors![0].message, /\("tenant"\)\.dataSource/);
    const stillPending = await app.gql(BIND, { id, f: 'tenant', s: { type: 'pending', automateMethod: '/x' } });
    assert.equal(stillPending.errors?.[0].extensions?.code, 'VALIDATION_FAILED');
    const cycle = await app.gql(BIND, { id, f: 'tenant', s: { type: 'providers' }, d: ['network_zone'] });
    assert.equal(cycle.errors?.[0].extensions?.code, 'VALIDATION_FAILED');
    assert.match(cycle.errors![0].message, /form a cycle: (tenant → network_zone → tenant|network_zone → tenant → network_zone)/);
    const repoField = await app.gql(BIND, { id, f: 'network_zone', s: { type: 'playbooks', repoField: 'flavor' } });
    assert.equal(repoField.errors?.[0].extensions?.code, 'VALIDATION_FAILED');
    assert.match(repoField.errors![0].message, /\("network_zone"\)\.dependsOn: must list "flavor"/);
    assert.deepEqual(await stored(), before, 'nothing stored');

    // Wrong targets: unknown dialog or field, a field without an automate method, a catalog dialog.
    const noDialog = await app.gql(BIND, { id: '00000000-0000-4000-8000-000000000000', f: 'tenant', s: { type: 'providers' } });
    assert.equal(noDialog.errors?.[0].extensions?.code, 'NOT_FOUND');
    const noField = await app.gql(BIND, { id, f: 'nope', s: { type: 'providers' } });
    assert.equal(noField.errors?.[0].extensions?.code, 'NOT_FOUND');
    assert.match(noField.errors![0].message, /has no field "nope"/);
    const notDynamic = await app.gql(BIND, { id, f: 'flavor', s: { type: 'providers' } });
    assert.equal(notDynamic.errors?.[0].extensions?.code, 'VALIDATION_FAILED');
    assert.match(notDynamic.errors![0].message, /was not imported with a ManageIQ automate method/);
    const [catalogDialog] = await app.sql<{ id: string; definition: unknown }>(`SELECT id, definition FROM dialogs WHERE name = 'run-playbook'`);
    const catalog = await app.gql(BIND, { id: catalogDialog.id, f: 'playbook', s: { type: 'providers' } });
    assert.equal(catalog.errors?.[0].extensions?.code, 'CONFLICT');
    assert.match(catalog.errors![0].message, /comes from the catalog files/);
    assert.deepEqual((await app.sql(`SELECT definition FROM dialogs WHERE name = 'run-playbook'`))[0], { definition: catalogDialog.definition });

    // Bound in place: same id, name and origin; ordering is refused only for the field still pending.
    const tenant = await app.gql<Bound>(BIND, { id, f: 'tenant', s: { type: 'providers' } });
    assert.equal(tenant.errors, undefined, JSON.stringify(tenant.errors));
    const afterTenant = tenant.data!.bindDialogField;
    assert.deepEqual([afterTenant.id, afterTenant.name, afterTenant.origin], [id, 'private-cloud-vm', 'imported']);
    assert.deepEqual(
      afterTenant.fields.find((f) => f.name === 'tenant'),
      {
        name: 'tenant',
        pending: false,
        dynamic: true,
        dependsOn: [],
        boundFrom: '/Cloud/Orchestration/Operations/Methods/Available_Tenants',
      },
    );
    await assert.rejects(dialogs.validate('private-cloud-vm', {}), /cannot be ordered yet — network_zone not bound/);
    const zones = [
      { value: 'z1', label: 'Zone 1' },
      { value: 'z2', label: 'Zone 2' },
    ];
    const zone = await app.gql<Bound>(BIND, { id, f: 'network_zone', s: { type: 'static', choices: zones } });
    assert.equal(zone.errors, undefined, JSON.stringify(zone.errors));
    assert.deepEqual(zone.data!.bindDialogField.fields.find((f) => f.name === 'network_zone')!.dependsOn, ['tenant'], 'the imported dependsOn is kept');

    // The order form resolves the bound fields, and an order passes validation.
    const refreshTenant = await app.gql<Refresh>(REFRESH, { d: 'private-cloud-vm', f: 'tenant', v: {} });
    const local = refreshTenant.data!.refreshDialogField.choices.find((c) => c.label.startsWith('local'));
    assert.ok(local, JSON.stringify(refreshTenant));
    assert.deepEqual(
      (await app.gql<Refresh>(REFRESH, { d: 'private-cloud-vm', f: 'network_zone', v: { tenant: local.value } })).data!.refreshDialogField.choices,
      zones,
    );
    const order = { vm_name: 'web-1', root_password: 'secret-pw', tenant: local.value, network_zone: 'z2' };
    const values = await dialogs.validate('private-cloud-vm', order);
    assert.deepEqual([values.tenant, values.network_zone], [local.value, 'z2']);
    await assert.rejects(dialogs.validate('private-cloud-vm', { ...order, network_zone: 'z9' }), /network_zone: "z9" is not one of the choices/);

    // A bound field may be bound again (here: made a plain field is refused, a radio needs choices).
    const plain = await app.gql(BIND, { id, f: 'network_zone', s: null });
    assert.equal(plain.errors?.[0].extensions?.code, 'VALIDATION_FAILED');
    assert.match(plain.errors![0].message, /a radio needs choices or a dataSource/);
    const rebound = await app.gql<Bound>(BIND, { id, f: 'tenant', s: { type: 'providers', providerType: 'local' } });
    assert.equal(rebound.errors, undefined, JSON.stringify(rebound.errors));

    // Re-importing the same export keeps both bindings; a changed automate method makes its field pending again.
    const again = await app.gql<Imported>(IMPORT, { f: 'MANAGEIQ', c: exported });
    assert.equal(again.errors, undefined, JSON.stringify(again.errors));
    const reimported = again.data!.importDialog.find((d) => d.name === 'private-cloud-vm')!;
    assert.equal(reimported.id, id);
    assert.deepEqual(
      reimported.fields.filter((f) => f.pending).map((f) => f.name),
      [],
    );
    assert.deepEqual(
      ((await stored()).definition as { tabs: { boxes: { fields: { name: string; dataSource?: unknown }[] }[] }[] }).tabs[0].boxes[1].fields.map(
        (f) => f.dataSource,
      ),
      [
        { type: 'providers', providerType: 'local' },
        { type: 'static', choices: zones },
      ],
    );
    const changed = await app.gql<Imported>(IMPORT, { f: 'MANAGEIQ', c: exported.replace('ae_instance: Available_Zones', 'ae_instance: Zones_v2') });
    assert.equal(changed.errors, undefined, JSON.stringify(changed.errors));
    const afterChange = changed.data!.importDialog.find((d) => d.name === 'private-cloud-vm')!;
    assert.deepEqual(
      afterChange.fields.filter((f) => f.pending).map((f) => f.name),
      ['network_zone'],
    );
    assert.deepEqual(Object.keys((await stored()).bindings as object), ['tenant']);
    await assert.rejects(dialogs.validate('private-cloud-vm', order), /cannot be ordered yet — network_zone not bound/);
  });

  test('saveDialog stores an editor dialog checked like a catalog file, and saving again replaces it', async () => {
    const first = await app.gql<Saved>(SAVE, { d: editorDialog('editor-made') });
    assert.equal(first.errors, undefined, JSON.stringify(first.errors));
    const saved = first.data!.saveDialog;
    assert.equal(saved.origin, 'editor');
    assert.deepEqual(
      saved.fields.map((f) => [f.name, f.type]),
      [
        ['size', 'dropdown'],
        ['details', 'text'],
      ],
    );
    const again = await app.gql<Saved>(SAVE, { d: { ...editorDialog('editor-made', { pattern: '^[a-z]+$' }), label: 'Renamed' } });
    assert.equal(again.data!.saveDialog.id, saved.id, 'replaced in place');
    assert.equal(again.data!.saveDialog.label, 'Renamed');
    // The stored dialog orders like any other: the hidden field is dropped, the shown one checked.
    const dialogs = app.app.get(DialogsService);
    assert.deepEqual(await dialogs.validate('editor-made', { size: 's', details: 'ignored' }), { size: 's' });
    await assert.rejects(dialogs.validate('editor-made', { size: 'custom', details: 'NOT lower' }), /details:/);
    // The migration let the new origin in, and no other.
    const [check] = await app.sql<{ def: string }>(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'dialogs_origin_check'`);
    assert.match(check.def, /'editor'/);
    await assert.rejects(app.sql(`UPDATE dialogs SET origin = 'bogus' WHERE name = 'editor-made'`), /dialogs_origin_check/);
  });

  test('saveDialog refuses a broken definition with every problem by path and by field, storing nothing', async () => {
    const bad = editorDialog('editor-broken', { pattern: '([a-z' });
    bad.tabs[0].boxes[0].fields.push({ name: 'size', label: 'Again', type: 'calendar' } as never);
    const res = await app.gql(SAVE, { d: bad });
    const error = res.errors?.[0];
    assert.equal(error?.extensions?.code, 'VALIDATION_FAILED');
    assert.match(error!.message, /tabs\.0\.boxes\.0\.fields\.1 \("details"\)\.pattern: is not a valid regular expression/);
    assert.match(error!.message, /fields\.2 \("size"\)\.type: unknown field type "calendar"/);
    const fields = error!.extensions!.fields!;
    assert.match(fields.details, /^pattern: is not a valid regular expression/);
    assert.match(fields.size, /unknown field type "calendar"/);
    assert.ok(((error!.extensions as { problems?: string[] }).problems ?? []).length >= 3, 'each problem listed');
    const visibleWhenSelf = await app.gql(SAVE, { d: editorDialog('editor-broken', { visibleWhen: { field: 'details', equals: 'x' } }) });
    assert.match(visibleWhenSelf.errors![0].message, /\("details"\)\.visibleWhen\.field: names the field itself/);
    assert.match(visibleWhenSelf.errors![0].extensions!.fields!.details, /^visibleWhen\.field: names the field itself/);
    assert.equal((await app.sql(`SELECT 1 FROM dialogs WHERE name = 'editor-broken'`)).length, 0, 'nothing stored');
  });

  test('saveDialog never replaces a catalog dialog; it may replace an imported one, which becomes an editor dialog', async () => {
    const clash = await app.gql(SAVE, { d: editorDialog('run-playbook') });
    assert.equal(clash.errors?.[0].extensions?.code, 'CONFLICT');
    assert.match(clash.errors![0].message, /comes from the catalog files .* copy it under another name/);
    const [row] = await app.sql<{ origin: string; label: string }>(`SELECT origin, label FROM dialogs WHERE name = 'run-playbook'`);
    assert.deepEqual(row, { origin: 'catalog', label: 'Run a playbook' });

    const imported = await app.gql<Imported>(IMPORT, { f: 'AWX_SURVEY', c: await fixture('awx-survey.json'), n: 'edited-survey' });
    assert.equal(imported.errors, undefined, JSON.stringify(imported.errors));
    const edited = await app.gql<Saved>(SAVE, { d: editorDialog('edited-survey') });
    assert.equal(edited.data!.saveDialog.id, imported.data!.importDialog[0].id);
    assert.equal(edited.data!.saveDialog.origin, 'editor');
  });

  test('deleteDialog removes editor and imported dialogs, and refuses catalog dialogs and dialogs a catalog item uses', async () => {
    const dialogs = app.app.get(DialogsService);
    const ids = Object.fromEntries((await app.sql<{ name: string; id: string }>(`SELECT name, id FROM dialogs`)).map((r) => [r.name, r.id]));
    const catalog = await app.gql(DELETE, { id: ids['run-playbook'] });
    assert.equal(catalog.errors?.[0].extensions?.code, 'CONFLICT');
    assert.match(catalog.errors![0].message, /comes from the catalog files/);
    const missing = await app.gql(DELETE, { id: '00000000-0000-4000-8000-000000000000' });
    assert.equal(missing.errors?.[0].extensions?.code, 'NOT_FOUND');

    // Catalog items hold their dialog through a foreign key. (Catalog files may only use catalog
    // dialogs today, so a template is pointed at the editor dialog here.)
    const [template] = await app.sql<{ dialog_name: string }>(`SELECT dialog_name FROM service_templates WHERE name = 'Run a playbook'`);
    await app.sql(`UPDATE service_templates SET dialog_name = 'editor-made' WHERE name = 'Run a playbook'`);
    try {
      const used = await app.gql(DELETE, { id: ids['editor-made'] });
      assert.equal(used.errors?.[0].extensions?.code, 'CONFLICT');
      assert.match(used.errors![0].message, /Dialog "editor-made" is used by the catalog item "Run a playbook"/);
    } finally {
      await app.sql(`UPDATE service_templates SET dialog_name = $1 WHERE name = 'Run a playbook'`, [template.dialog_name]);
    }
    for (const name of ['editor-made', 'deploy-web-app']) {
      const res = await app.gql<{ deleteDialog: boolean }>(DELETE, { id: ids[name] });
      assert.equal(res.data?.deleteDialog, true, JSON.stringify(res.errors));
    }
    assert.equal((await app.sql(`SELECT 1 FROM dialogs WHERE name IN ('editor-made', 'deploy-web-app')`)).length, 0);
  });
});
