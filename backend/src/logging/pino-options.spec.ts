import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import type { Options } from 'pino-http';
import { pinoHttp } from 'pino-http';
import { pinoParams } from './pino-options.js';

/** A logger as the portal makes it, writing into `lines`. */
function logger(lines: string[], logLevel: 'log' | 'warn' = 'log') {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const [options] = pinoParams({ logLevel, logFormat: 'json', role: 'api' }, sink).pinoHttp as [Options, Writable];
  return pinoHttp(options, sink).logger;
}

test('logs: one JSON object per line, with a level name, an ISO time, the role and the message', () => {
  const lines: string[] = [];
  logger(lines).info({ reqId: 'r-1' }, 'hello');
  assert.equal(lines.length, 1);
  const line = JSON.parse(lines[0]) as Record<string, unknown>;
  assert.equal(line.level, 'info');
  assert.match(String(line.time), /^\d{4}-\d\d-\d\dT[\d:.]+Z$/);
  assert.equal(line.role, 'api');
  assert.equal(line.reqId, 'r-1');
  assert.equal(line.msg, 'hello');
});

test('logs: LOG_LEVEL=warn leaves info out', () => {
  const lines: string[] = [];
  const log = logger(lines, 'warn');
  log.info('not this');
  log.warn('this');
  assert.deepEqual(
    lines.map((l) => (JSON.parse(l) as { msg: string }).msg),
    ['this'],
  );
});

test('logs: credentials are redacted wherever a field is named for one', () => {
  const lines: string[] = [];
  logger(lines).warn(
    {
      password: 'pw-canary',
      token: 'token-canary',
      secret: 'secret-canary',
      variables: { anything: 'variables-canary' },
      input: { password: 'nested-pw-canary', newPassword: 'new-pw-canary', name: 'kept' },
      headers: { authorization: 'Bearer header-canary', cookie: 'session=cookie-canary', host: 'kept-host' },
      // A request is written as its method and path: no headers, no query string.
      req: { method: 'GET', url: '/auth/oidc/callback?code=query-canary', headers: { authorization: 'Bearer req-canary' } },
    },
    'with secrets',
  );
  assert.doesNotMatch(lines[0], /canary/);
  assert.match(lines[0], /\[redacted\]/);
  assert.match(lines[0], /"name":"kept"/);
  assert.match(lines[0], /"host":"kept-host"/);
  assert.match(lines[0], /"req":\{"method":"GET","path":"\/auth\/oidc\/callback"\}/);
});
