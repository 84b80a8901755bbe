import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GraphQLError } from 'graphql';
import { AppError, ErrorCode } from './app-error.js';
import { formatError } from './format-error.js';

test('errors: an AppError keeps its code, message and details', () => {
  const err = new GraphQLError('x', { originalError: new AppError(ErrorCode.VALIDATION_FAILED, 'Fix it', { fields: { a: 'bad' } }) });
  const out = formatError({ message: 'x' }, err);
  assert.equal(out.message, 'Fix it');
  assert.deepEqual(out.extensions, { code: 'VALIDATION_FAILED', status: 400, fields: { a: 'bad' } });
});

test('errors: an unexpected error is answered without its internals', () => {
  const err = new GraphQLError('x', { originalError: new Error('connection to 10.0.0.5 password=hunter2 failed') });
  const out = formatError({ message: 'connection to 10.0.0.5 password=hunter2 failed', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, err);
  assert.equal(out.extensions?.code, 'INTERNAL_SERVER_ERROR');
  assert.doesNotMatch(out.message, /hunter2/);
});

test("errors: Apollo's own coded errors pass through", () => {
  const out = formatError({ message: 'Cannot query field "nope"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, new GraphQLError('x'));
  assert.equal(out.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
});

test('errors: GraphQL input errors keep the variable, path and reason, never the value', () => {
  const inner = new GraphQLError('String cannot represent a non string value: { secret: "hunter2" }');
  const message = `Variable "$i" got invalid value { secret: "hunter2" } at "i.name"; ${inner.message}`;
  const out = formatError({ message, extensions: { code: 'BAD_USER_INPUT' } }, new GraphQLError(message, { originalError: inner }));
  assert.equal(out.message, 'Variable "$i" got an invalid value at "i.name"; String cannot represent a non string value.');
  const cases: [string, string | undefined, string][] = [
    [
      'Variable "$i" got invalid value { name: "x", token: "hunter2" }; Field "type" of required type "String!" was not provided.',
      'Field "type" of required type "String!" was not provided.',
      'Variable "$i" got an invalid value; Field "type" of required type "String!" was not provided.',
    ],
    ['Variable "$i" got invalid value [\"hunter2\"]; Expected type "CreateCredentialInput" to be an object.', undefined, 'Variable "$i" got an invalid value.'],
    [
      'Variable "$id" got invalid value "a at \\"i.x\\"; hunter2"; ID cannot represent value: "hunter2"',
      'ID cannot represent value: "hunter2"',
      'Variable "$id" got an invalid value; ID cannot represent value.',
    ],
    [
      'Expected value of type "String!", found {s: "hunter2"}; String cannot represent a non string value: {s: "hunter2"}',
      undefined,
      'Expected value of type "String!".',
    ],
    ['Int cannot represent non-integer value: "hunter2"', undefined, 'Int cannot represent non-integer value.'],
    ['Value "hunter2" does not exist in "Status" enum. Did you mean the enum value "ok"?', undefined, 'The value does not exist in "Status" enum.'],
    ['Cannot query field "hunter" on type "Query".', undefined, 'Cannot query field "hunter" on type "Query".'],
  ];
  for (const [message, innerMessage, expected] of cases) {
    const err = new GraphQLError(message, innerMessage ? { originalError: new GraphQLError(innerMessage) } : {});
    const result = formatError({ message, extensions: { code: 'BAD_USER_INPUT' } }, err).message;
    assert.equal(result, expected);
    if (!/hunter2/.test(expected)) assert.doesNotMatch(result, /hunter2/);
  }
});
