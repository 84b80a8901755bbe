// End-to-end: the real backend process against real PostgreSQL, Redis, git and
// ansible-playbook, driven over GraphQL. Run with `npm test` (or `npm test -- drills`).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { apiClient, waitForRequestEnd } from '../support/api.mjs';
import { startProduct, startWorker } from '../support/product.mjs';

const TEMPLATES = `{ serviceTemplates { id name type dialog } }`;
const ORDER = `mutation Order($input: OrderServiceInput!) { orderService(input: $input) { id status } }`;
const REQUEST_FIELDS = `jobs { id status playbook returnCode stdout }
    service { id name status outputs }`;
const REQUEST = `query Request($id: ID!) {
  serviceRequest(id: $id) {
    id status message
    ${REQUEST_FIELDS}
  }
}`;
const REQUEST_COUNT = '{ serviceRequestCount }';

function fieldsOf(dialog) {
  return dialog.tabs.flatMap((tab) => tab.boxes.flatMap((box) => box.fields));
}

async function runAPlaybookTemplate(product, token) {
  const { data, errors } = await product.graphql(TEMPLATES, {}, token);
  assert.equal(errors, undefined);
  const template = data.serviceTemplates.find((t) => t.name === 'Run a playbook');
  assert.ok(template, `"Run a playbook" not in ${JSON.stringify(data.serviceTemplates.map((t) => t.name))}`);
  return template;
}

function orderValues(template, playbook, extraVars) {
  const provider = fieldsOf(template.dialog).find((f) => f.name === 'provider');
  const values = { playbook, provider: provider.default ?? provider.choices[0].value };
  if (extraVars !== undefined) values.extra_vars = extraVars;
  return values;
}

async function order(product, token, template, dialogValues) {
  const body = await product.graphql(ORDER, { input: { templateId: template.id, dialogValues } }, token);
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data.orderService;
}

/**
 * Polls the request until it is finished or failed. The deadline only keeps a
 * broken run from hanging the suite; it is not a speed check.
 */
function waitForEnd(product, token, id, { deadlineMs = 180_000 } = {}) {
  return waitForRequestEnd(apiClient(product, token), id, { fields: REQUEST_FIELDS, via: 'polling', timeoutMs: deadlineMs });
}

describe('the API of one product process (ROLE=all)', () => {
  let product;
  let token;
  let template;

  before(async () => {
    product = await startProduct();
  });
  after(async () => {
    await product?.stop();
  });

  it('answers /healthz with 200 and status ok', async () => {
    const response = await fetch(`${product.url}/healthz`);
    assert.equal(response.status, 200);
    assert.equal((await response.json()).status, 'ok');
  });

  it('logs the admin in with ADMIN_PASSWORD, and refuses a wrong password', async () => {
    token = await product.login();
    const { data, errors } = await product.graphql('{ me { id username } }', {}, token);
    assert.equal(errors, undefined);
    assert.equal(data.me.username, 'admin');

    const wrong = await product.graphql('mutation { login(username: "admin", password: "not-the-password") { token } }');
    assert.ok(wrong.errors?.length, 'a wrong password must not log in');
    assert.equal(wrong.data?.login ?? null, null);
  });

  it('refuses a query without a token with UNAUTHENTICATED', async () => {
    const { data, errors } = await product.graphql(TEMPLATES);
    assert.ok(errors?.length, 'expected an error');
    assert.equal(errors[0].extensions?.code, 'UNAUTHENTICATED');
    assert.equal(data?.serviceTemplates ?? null, null);
  });

  it('lists the "Run a playbook" template with its dialog', async () => {
    template = await runAPlaybookTemplate(product, token);
    const fields = fieldsOf(template.dialog);
    const playbook = fields.find((f) => f.name === 'playbook');
    assert.ok(playbook, 'the dialog has a playbook field');
    const choices = playbook.choices.map((c) => c.value);
    assert.ok(choices.includes('hello.yml'), `playbook choices: ${choices}`);
    assert.ok(choices.includes('fail.yml'), `playbook choices: ${choices}`);
    const { data } = await product.graphql('{ providers { id name type } }', {}, token);
    const local = data.providers.find((p) => p.name === 'local');
    assert.ok(local, 'the local provider is seeded');
    const provider = fields.find((f) => f.name === 'provider');
    assert.ok(
      provider?.choices.some((c) => c.value === local.id),
      'the local provider is a choice',
    );
    assert.equal(provider.default, local.id, 'and the default');
  });

  it('runs hello.yml to finished, with the greeting in the service outputs', async () => {
    const created = await order(product, token, template, orderValues(template, 'hello.yml', 'name: e2e'));
    assert.ok(['pending', 'queued', 'running'].includes(created.status), `new request status: ${created.status}`);
    const { request, seen } = await waitForEnd(product, token, created.id);
    assert.equal(request.status, 'finished', `message: ${request.message}; seen ${seen.join(' -> ')}`);
    assert.equal(request.jobs.length, 1);
    assert.equal(request.jobs[0].status, 'successful');
    assert.equal(request.jobs[0].returnCode, 0);
    assert.equal(request.jobs[0].playbook, 'hello.yml');
    assert.ok(request.service, 'a finished request leaves a service');
    assert.match(JSON.stringify(request.service.outputs), /Hello, e2e!/);
  });

  it('ends an order of fail.yml as failed, with a message', async () => {
    const created = await order(product, token, template, orderValues(template, 'fail.yml'));
    const { request } = await waitForEnd(product, token, created.id);
    assert.equal(request.status, 'failed');
    assert.ok(request.message && request.message.length > 0, 'a failed request says why');
    assert.equal(request.jobs.length, 1);
    assert.equal(request.jobs[0].status, 'failed');
    assert.notEqual(request.jobs[0].returnCode, 0);
    assert.equal(request.service ?? null, null, 'a failed request leaves no service');
  });

  it('refuses an unknown template with NOT_FOUND and stores no request', async () => {
    const before = (await product.graphql(REQUEST_COUNT, {}, token)).data.serviceRequestCount;
    const body = await product.graphql(ORDER, { input: { templateId: randomUUID(), dialogValues: { playbook: 'hello.yml' } } }, token);
    assert.ok(body.errors?.length, 'expected an error');
    assert.equal(body.errors[0].extensions?.code, 'NOT_FOUND');
    const afterCount = (await product.graphql(REQUEST_COUNT, {}, token)).data.serviceRequestCount;
    assert.equal(afterCount, before);
  });
});

describe('an api process and a separate worker process', () => {
  let api;
  let token;

  before(async () => {
    api = await startProduct({ env: { ROLE: 'api' } });
    token = await api.login();
  });
  after(async () => {
    await api?.stop(); // stops the worker too
  });

  it('keeps an order waiting while no worker runs, and a ROLE=worker process runs it', async () => {
    const template = await runAPlaybookTemplate(api, token);
    const created = await order(api, token, template, orderValues(template, 'hello.yml', 'name: worker'));

    // The api role runs no playbooks: with no worker, the request does not start.
    for (let i = 0; i < 10; i++) {
      const { data } = await api.graphql(REQUEST, { id: created.id }, token);
      assert.ok(['pending', 'queued'].includes(data.serviceRequest.status), `status without a worker: ${data.serviceRequest.status}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const worker = await startWorker(api);
    const { request, seen } = await waitForEnd(api, token, created.id);
    assert.equal(request.status, 'finished', `message: ${request.message}; seen ${seen.join(' -> ')}\n--- worker ---\n${worker.output().slice(-3000)}`);
    assert.match(JSON.stringify(request.service.outputs), /Hello, worker!/);
  });
});

describe('a worker killed with SIGKILL in the middle of a run', () => {
  let api;
  let token;

  before(async () => {
    const playbooks = await mkdtemp(join(tmpdir(), 'playbooks-'));
    await writeFile(
      join(playbooks, 'slow.yml'),
      '- hosts: all\n  gather_facts: false\n  tasks:\n    - ansible.builtin.pause:\n        seconds: "{{ secs | default(20) }}"\n    - ansible.builtin.set_stats:\n        data: { done: true }\n',
    );
    api = await startProduct({ env: { ROLE: 'api', PLAYBOOKS_DIR: playbooks } });
    token = await api.login();
  });
  after(async () => {
    await api?.stop();
  });

  it('fails its request with a clear message (never re-runs it, nothing stays running), and a retry finishes on another worker', async () => {
    const template = await runAPlaybookTemplate(api, token);
    const created = await order(api, token, template, orderValues(template, 'slow.yml', 'secs: 20'));
    const doomed = await startWorker(api);
    for (;;) {
      const { data } = await api.graphql(REQUEST, { id: created.id }, token);
      if (data.serviceRequest.jobs[0]?.status === 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    doomed.process.kill('SIGKILL');
    const killedAt = Date.now();
    const { request } = await waitForEnd(api, token, created.id, { deadlineMs: 120_000 });
    const tookMs = Date.now() - killedAt;
    process.stderr.write(`# a killed worker's request failed ${tookMs} ms after the kill\n`);
    // The bound: its lease (15 s) seen lapsed twice, 8 s apart, by a reconciler that looks every 5 s.
    assert.ok(tookMs <= 35_000, `the run was failed ${tookMs} ms after its worker was killed: more than 35 s`);
    assert.equal(request.status, 'failed');
    assert.match(request.message, /stopped before the playbook finished. It was not run again/);
    assert.equal(request.jobs.length, 1, 'the playbook was not started again');
    assert.equal(request.jobs[0].status, 'error');

    const healthy = await startWorker(api);
    const retried = await api.graphql('mutation($id: ID!) { retryServiceRequest(id: $id) { id } }', { id: created.id }, token);
    assert.equal(retried.errors, undefined, JSON.stringify(retried.errors));
    const { request: again } = await waitForEnd(api, token, retried.data.retryServiceRequest.id);
    assert.equal(again.status, 'finished', `${again.message}\n--- worker ---\n${healthy.output().slice(-3000)}`);
    assert.deepEqual(again.service.outputs, { done: true });
  });
});
