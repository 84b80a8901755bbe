// Runs every example of docs/platform-api.md, in order, against a live portal (this process's
// test app, its workers included), as the page says: a `graphql` block is a call, the `json`
// block after it its variables ("$NAME" takes a captured value), then `capture NAME = path`,
// `until path = value` (the call repeated until it holds) and `error CODE`. The page cannot
// drift from the API: an example that stops working fails here.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PROJECT_ROOT } from '../config/config.js';
import { newEnv, startTestApp, type TestApp, waitFor } from '../testing/harness.js';

interface Example {
  line: number;
  query: string;
  variables: string | null;
  captures: [string, string][];
  until: [string, string] | null;
  error: string | null;
}

/** The examples of the page, with the directives after each. */
export function examplesOf(markdown: string): Example[] {
  const lines = markdown.split('\n');
  const examples: Example[] = [];
  const block = (start: number): [string, number] => {
    let end = start + 1;
    while (end < lines.length && lines[end] !== '```') end++;
    return [lines.slice(start + 1, end).join('\n'), end + 1];
  };
  let i = 0;
  while (i < lines.length) {
    if (lines[i] !== '```graphql') {
      i++;
      continue;
    }
    const line = i + 1;
    const [query, next] = block(i);
    i = next;
    let variables: string | null = null;
    if (lines[i] === '```json') [variables, i] = block(i);
    const example: Example = { line, query, variables, captures: [], until: null, error: null };
    for (let m: RegExpExecArray | null; (m = /^<!-- (capture|until|error) (.*) -->$/.exec(lines[i] ?? '')); i++) {
      const [, directive, rest] = m;
      if (directive === 'error') example.error = rest.trim();
      else {
        const [left, right] = rest.split(' = ').map((s) => s.trim());
        if (directive === 'capture') example.captures.push([left, right]);
        else example.until = [left, right];
      }
    }
    examples.push(example);
  }
  return examples;
}

const at = (data: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, key) => (v === null || v === undefined ? undefined : (v as Record<string, unknown>)[key]), data);

describe('docs/platform-api.md: every example runs against a live portal', () => {
  let app: TestApp;
  let target: Server;
  before(async () => {
    app = await startTestApp(await newEnv(), { PROBE_ALLOW_LOOPBACK: 'true' });
    target = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  });
  after(async () => {
    target?.close();
    await app?.stop();
  });

  test('the page maps every call of table 4, and each example answers as it says', async () => {
    const page = await readFile(join(PROJECT_ROOT, 'docs', 'platform-api.md'), 'utf8');
    for (const call of ['on-board', 'heal', 'migrate', 'terminate', 'create / delete / query job', 'create / delete / query threshold', 'get alarm list']) {
      assert.ok(page.includes(`| ${call} |`) || page.includes(`| ${call},`), `the mapping names ${call}`);
    }
    const examples = examplesOf(page);
    assert.ok(examples.length >= 20, `${examples.length} examples`);
    const context: Record<string, string> = { PROBE_URL: `http://127.0.0.1:${(target.address() as AddressInfo).port}/health` };
    const fill = (text: string) =>
      text.replace(/"\$([A-Z_]+)"/g, (_m, name: string) => {
        assert.ok(name in context, `$${name} is used before it is captured`);
        return JSON.stringify(context[name]);
      });
    for (const ex of examples) {
      const where = `docs/platform-api.md:${ex.line}`;
      const variables = ex.variables ? (JSON.parse(fill(ex.variables)) as Record<string, unknown>) : {};
      const call = () => app.gql<Record<string, unknown>>(ex.query, variables);
      let answer = await call();
      if (ex.until) {
        const [path, value] = ex.until;
        answer = await waitFor(
          `${where}: ${path} = ${value}`,
          async () => {
            const r = await call();
            assert.equal(r.errors, undefined, `${where}: ${JSON.stringify(r.errors)}`);
            return String(at(r.data, path)) === value && r;
          },
          180_000,
        );
      }
      if (ex.error) {
        assert.equal(answer.errors?.[0]?.extensions?.code, ex.error, `${where}: ${JSON.stringify(answer.errors ?? answer.data)}`);
        continue;
      }
      assert.equal(answer.errors, undefined, `${where}: ${JSON.stringify(answer.errors)}`);
      for (const [name, path] of ex.captures) {
        const value = at(answer.data, path);
        assert.equal(typeof value, 'string', `${where}: ${path} is ${JSON.stringify(value)}`);
        context[name] = value as string;
      }
    }
  });
});
