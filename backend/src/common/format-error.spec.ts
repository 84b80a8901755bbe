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
