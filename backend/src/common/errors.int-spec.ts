import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  buildSchema,
  getNamedType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  type GraphQLObjectType,
  isLeafType,
} from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { PROJECT_ROOT } from '../config/config.js';
import { newEnv, startTestApp, type TestApp } from '../testing/harness.js';

const NOT_A_UUID = 'not-a-uuid';
const schema = buildSchema(readFileSync(join(PROJECT_ROOT, 'backend/schema.gql'), 'utf8'));

/** A value of `type` good enough to reach the resolver: IDs are the non-UUID, the rest minimal. */
function sample(type: GraphQLInputType): unknown {
  if (type instanceof GraphQLNonNull) return sample(type.ofType);
  if (type instanceof GraphQLList) return [sample(type.ofType)];
  if (type instanceof GraphQLEnumType) return type.getValues()[0].value;
  if (type instanceof GraphQLInputObjectType) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => f.type instanceof GraphQLNonNull || getNamedType(f.type).name === 'ID')
        .map((f) => [f.name, sample(f.type)]),
    );
  }
  switch (getNamedType(type).name) {
    case 'ID':
      return NOT_A_UUID;
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'JSON':
      return {};
    default:
      return 'x';
  }
}

const takesId = (type: GraphQLInputType, seen = new Set<string>()): boolean => {
  const named = getNamedType(type);
  if (named.name === 'ID') return true;
  if (!(named instanceof GraphQLInputObjectType) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((f) => takesId(f.type, seen));
};

interface Operation {
  kind: 'query' | 'mutation' | 'subscription';
  field: GraphQLField<unknown, unknown>;
  /** An argument of type ID at the top (NOT_FOUND), or only inside an input (NOT_FOUND or VALIDATION_FAILED naming it). */
  topLevel: boolean;
}

function operations(): Operation[] {
  const roots: [Operation['kind'], GraphQLObjectType | null | undefined][] = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ];
  return roots.flatMap(([kind, root]) =>
    Object.values(root?.getFields() ?? {})
      .filter((field) => field.args.some((a) => takesId(a.type)))
      .map((field) => ({ kind, field, topLevel: field.args.some((a) => getNamedType(a.type).name === 'ID') })),
  );
}

function document(op: Operation): { query: string; variables: Record<string, unknown> } {
  const args = op.field.args.filter((a: GraphQLArgument) => a.type instanceof GraphQLNonNull || takesId(a.type));
  const decl = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const pass = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(op.field.type)) ? '' : ' { __typename }';
  return {
    query: `${op.kind} Probe${decl ? `(${decl})` : ''} { ${op.field.name}${pass ? `(${pass})` : ''}${selection} }`,
    variables: Object.fromEntries(args.map((a) => [a.name, sample(a.type)])),
  };
}

describe('ids that are not UUIDs answer NOT_FOUND on every operation, never an internal error', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp(await newEnv());
  });
  after(async () => {
    await app?.stop();
  });

  const ops = operations();

  test('the schema has operations taking ids (the probe below covers each)', () => {
    assert.ok(ops.filter((o) => o.kind === 'query').length >= 8, ops.map((o) => o.field.name).join());
    assert.ok(ops.filter((o) => o.kind === 'mutation').length >= 20);
    assert.ok(ops.filter((o) => o.kind === 'subscription').length >= 3);
  });

  test('queries and mutations over HTTP', async () => {
    const wrong: string[] = [];
    for (const op of ops.filter((o) => o.kind !== 'subscription')) {
      const { query, variables } = document(op);
      if (op.field.name === 'orderServices') {
        // Each order of a bulk call is answered on its own: the bad id is that order's error.
        const bulk = await app.gql<{ orderServices: { error: { code: string; message: string } | null }[] }>(
          query.replace('{ __typename }', '{ error { code message } }'),
          variables,
        );
        const codes = bulk.data?.orderServices.map((o) => o.error?.code) ?? [JSON.stringify(bulk.errors)];
        if (!codes.every((c) => c === 'NOT_FOUND' || c === 'VALIDATION_FAILED')) wrong.push(`orderServices: ${codes.join(', ')}`);
        continue;
      }
      const res = await app.gql(query, variables);
      const error = res.errors?.[0];
      const code = error?.extensions?.code;
      const ok = op.topLevel ? code === 'NOT_FOUND' : code === 'NOT_FOUND' || code === 'VALIDATION_FAILED';
      if (!ok) wrong.push(`${op.field.name}: ${code ?? 'no error'} ${error?.message ?? JSON.stringify(res.data)}`);
      else assert.doesNotMatch(error!.message, /internal|syntax for type uuid/i, op.field.name);
    }
    assert.deepEqual(wrong, []);
  });

  test('subscriptions over WebSocket', async () => {
    const client = createClient({
      url: `${app.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${app.token}` },
      retryAttempts: 0,
    });
    try {
      for (const op of ops.filter((o) => o.kind === 'subscription')) {
        const { query, variables } = document(op);
        const errors = await new Promise<{ message: string; extensions?: { code?: string } }[]>((resolve) => {
          const stop = client.subscribe(
            { query, variables },
            {
              next: (value) => {
                if (value.errors?.length) resolve(value.errors as never);
              },
              error: (err) => resolve(Array.isArray(err) ? err : [{ message: String((err as Error).message ?? err) }]),
              complete: () => resolve([]),
            },
          );
          setTimeout(() => {
            stop();
            resolve([{ message: 'no answer' }]);
          }, 5_000).unref();
        });
        assert.equal(errors[0]?.extensions?.code, 'NOT_FOUND', `${op.field.name}: ${JSON.stringify(errors)}`);
      }
    } finally {
      await client.dispose();
    }
  });
});
