// Hostile dialog input through the GraphQL API of a real application (Postgres, Redis, git):
// patterns that hang a backtracking engine, patterns RE2 cannot run, and YAML nested thousands
// deep in an order's extra variables, a dialog import and a catalog file. Each is answered with
// VALIDATION_FAILED naming the field or the file and line, nothing is stored, and the process
// keeps serving. (Were patterns still run by RegExp, the order below would block this very
// process for hours: the test would hang and the runner's timeout fail it.)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { newEnv, startTestApp, type TestApp } from '../testing/harness.js';

type Errors = { message: string; extensions?: { code?: string; fields?: Record<string, string>; problems?: string[] } }[] | undefined;

const SAVE = 'mutation($d: JSON!) { saveDialog(definition: $d) { id name } }';
const IMPORT = 'mutation($f: DialogImportFormat!, $c: String!) { importDialog(format: $f, content: $c) { id name } }';
const IMPORT_CATALOG = 'mutation($f: [CatalogFileInput!]!) { importCatalog(files: $f) { dialogs templates } }';
const ORDER = 'mutation($i: OrderServiceInput!) { orderService(input: $i) { id } }';

const HOSTILE_VALUE = 'a'.repeat(40) + '!';
const deepFlow = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

const dialogWith = (name: string, field: Record<string, unknown>) => ({
  name,
  label: name,
  tabs: [
    {
      label: 'T',
      boxes: [{ label: 'B', fields: [field, { name: 'provider', label: 'Provider', type: 'dropdown', required: true, dataSource: { type: 'providers' } }] }],
    },
  ],
});

/** A catalog file: the dialog of `dialogWith` and an item that runs hello.yml with it. */
const catalogFile = (name: string, field: Record<string, unknown>) =>
  [
    JSON.stringify({ kind: 'Dialog', ...dialogWith(name, field) }),
    '---',
    JSON.stringify({
      kind: 'ServiceTemplate',
      name,
      type: 'ansible_playbook',
      dialog: name,
      provision: { repo: 'playbooks', playbook: 'hello.yml', provider: { field: 'provider' } },
    }),
  ].join('\n');

describe('hostile dialog input through the GraphQL API', () => {
  let app: TestApp;
  const templateId = async (name: string) =>
    (await app.gql<{ serviceTemplates: { id: string; name: string }[] }>('{ serviceTemplates { id name } }')).data!.serviceTemplates.find(
      (t) => t.name === name,
    )!.id;
  const localProvider = async () =>
    (await app.gql<{ providers: { id: string; name: string }[] }>('{ providers { id name } }')).data!.providers.find((p) => p.name === 'local')!.id;
  const dialogNames = async () => (await app.gql<{ dialogs: { name: string }[] }>('{ dialogs { name } }')).data!.dialogs.map((d) => d.name);
  const requests = async () => Number((await app.sql<{ n: string }>('SELECT count(*) AS n FROM service_requests'))[0].n);
  /** The process still answers: a query and a valid order. */
  const stillServing = async () => {
    const me = await app.gql<{ me: { username: string } }>('{ me { username } }');
    assert.equal(me.data?.me.username, 'admin');
  };

  before(async () => {
    app = await startTestApp(await newEnv());
  });
  after(async () => {
    await app?.stop();
  });

  test('a pattern with lookahead or a backreference is refused on save and on import, naming the field; nothing is stored', async () => {
    const saved = await app.gql(SAVE, { d: dialogWith('lookahead', { name: 'secret_code', label: 'Code', type: 'text', pattern: '^(?=.*[0-9]).{8,}$' }) });
    const errors = saved.errors as Errors;
    assert.equal(errors?.[0].extensions?.code, 'VALIDATION_FAILED');
    assert.match(
      errors?.[0].extensions?.fields?.secret_code ?? '',
      /^pattern: is not a valid regular expression for the linear-time pattern engine \(RE2\): lookahead, lookbehind and backreferences are not supported/,
    );

    const exported = [
      '- label: Backref',
      '  dialog_tabs:',
      '  - label: T',
      '    dialog_groups:',
      '    - label: B',
      '      dialog_fields:',
      "      - { name: pin, label: PIN, type: DialogFieldTextBox, validator_type: regex, validator_rule: '\\A(\\d)\\1{3}\\z' }",
    ].join('\n');
    const imported = await app.gql(IMPORT, { f: 'MANAGEIQ', c: exported });
    const importErrors = imported.errors as Errors;
    assert.equal(importErrors?.[0].extensions?.code, 'VALIDATION_FAILED');
    assert.match(
      importErrors?.[0].extensions?.problems?.[0] ?? '',
      /dialog "Backref": .*\("pin"\)\.pattern: is not a valid regular expression for the linear-time pattern engine/,
    );

    const names = await dialogNames();
    assert.ok(!names.includes('lookahead') && !names.includes('backref'), `nothing stored: ${names.join(', ')}`);
    await stillServing();
  });

  test('an order against (a+)+$ with a value built to make it backtrack is validated at once: VALIDATION_FAILED on the field', async () => {
    const imported = await app.gql(IMPORT_CATALOG, {
      f: [
        {
          path: 'dialogs/hostile-text.yaml',
          content: catalogFile('hostile-text', { name: 'word', label: 'Word', type: 'text', pattern: '(a+)+$', patternMessage: 'ends in a run of a' }),
        },
        {
          path: 'dialogs/hostile-tags.yaml',
          content: catalogFile('hostile-tags', { name: 'labels', label: 'Labels', type: 'tags', pattern: '^(\\w+\\s?)*$' }),
        },
      ],
    });
    assert.equal(imported.errors, undefined, JSON.stringify(imported.errors));
    const before = await requests();
    const provider = await localProvider();

    const [text, tags] = await Promise.all([
      app.gql(ORDER, { i: { templateId: await templateId('hostile-text'), dialogValues: { word: HOSTILE_VALUE, provider } } }),
      app.gql(ORDER, { i: { templateId: await templateId('hostile-tags'), dialogValues: { labels: ['ok', HOSTILE_VALUE], provider } } }),
      stillServing(),
    ]);
    const textErrors = text.errors as Errors;
    assert.equal(textErrors?.[0].extensions?.code, 'VALIDATION_FAILED');
    assert.deepEqual(textErrors?.[0].extensions?.fields, { word: 'ends in a run of a' });
    const tagErrors = tags.errors as Errors;
    assert.equal(tagErrors?.[0].extensions?.code, 'VALIDATION_FAILED');
    assert.deepEqual(tagErrors?.[0].extensions?.fields, { labels: 'must match ^(\\w+\\s?)*$' });
    assert.equal(await requests(), before, 'no request stored');

    const fine = await app.gql<{ orderService: { id: string } }>(ORDER, {
      i: { templateId: await templateId('hostile-text'), dialogValues: { word: 'banana', provider } },
    });
    assert.equal(fine.errors, undefined, JSON.stringify(fine.errors));
  });

  test('extra variables nested 5,000 deep: VALIDATION_FAILED naming the field and the line, and the process keeps serving', async () => {
    const runAPlaybook = await templateId('Run a playbook');
    const provider = await localProvider();
    const before = await requests();
    const flow = await app.gql(ORDER, {
      i: { templateId: runAPlaybook, dialogValues: { playbook: 'hello.yml', provider, extra_vars: `name: deep\nnested: ${deepFlow(5000)}` } },
    });
    const flowErrors = flow.errors as Errors;
    assert.equal(flowErrors?.[0].extensions?.code, 'VALIDATION_FAILED');
    assert.equal(
      flowErrors?.[0].extensions?.fields?.extra_vars,
      'Extra variables is nested too deeply: line 2: collections nested more than 64 deep are refused',
    );

    // Block nesting: a compact sequence `- - - … x`, 5,000 deep on one line of 10 kB.
    const blocky = await app.gql(ORDER, {
      i: { templateId: runAPlaybook, dialogValues: { playbook: 'hello.yml', provider, extra_vars: `name: deep\nlist:\n  ${'- '.repeat(5000)}x` } },
    });
    assert.match((blocky.errors as Errors)?.[0].extensions?.fields?.extra_vars ?? '', /nested too deeply: line 3:/);
    assert.equal(await requests(), before, 'no request stored');

    await stillServing();
    const fine = await app.gql<{ orderService: { id: string } }>(ORDER, {
      i: { templateId: runAPlaybook, dialogValues: { playbook: 'hello.yml', provider, extra_vars: 'name: shallow' } },
    });
    assert.equal(fine.errors, undefined, JSON.stringify(fine.errors));
  });

  test('a dialog import and a catalog file nested 5,000 deep: VALIDATION_FAILED naming the line (and the file); nothing is stored', async () => {
    const survey = await app.gql(IMPORT, { f: 'AWX_SURVEY', c: `{"name": "Deep",\n "spec": ${deepFlow(5000)}}` });
    const surveyErrors = survey.errors as Errors;
    assert.equal(surveyErrors?.[0].extensions?.code, 'VALIDATION_FAILED');
    assert.deepEqual(surveyErrors?.[0].extensions?.problems, ['the AWX survey is nested too deeply: line 2: collections nested more than 64 deep are refused']);

    const catalog = await app.gql(IMPORT_CATALOG, {
      f: [
        { path: 'dialogs/fine.yaml', content: catalogFile('fine-but-not-alone', { name: 'word', label: 'Word', type: 'text' }) },
        { path: 'dialogs/deep.yaml', content: `kind: Dialog\nname: deep\nlabel: Deep\ntabs: ${deepFlow(5000)}\n` },
      ],
    });
    const catalogErrors = catalog.errors as Errors;
    assert.equal(catalogErrors?.[0].extensions?.code, 'VALIDATION_FAILED');
    assert.match(catalogErrors?.[0].message ?? '', /catalog\/dialogs\/deep\.yaml: line 4: collections nested more than 64 deep are refused/);
    const names = await dialogNames();
    assert.ok(!names.includes('fine-but-not-alone') && !names.includes('deep'), 'a problem anywhere stores nothing');
    await stillServing();
  });
});
