import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../common/app-error.js';
import { checkCron, isTimeZone, nextCronRun } from './cron.js';

const refusal = (cron: string, timezone = 'UTC') => {
  try {
    checkCron(cron, timezone);
  } catch (err) {
    assert.ok(err instanceof AppError);
    return { message: err.message, fields: (err.details as { fields: Record<string, string> }).fields };
  }
  assert.fail(`"${cron}" in ${timezone} was accepted`);
};

test('a five-field cron expression is accepted (its spaces made single); anything else is refused naming the field', () => {
  assert.equal(checkCron('  0   2 * *  1-5 ', 'Europe/Paris'), '0 2 * * 1-5');
  for (const bad of ['61 * * * *', '0 2 * *', '0 0 2 * * *', 'every day', '@daily']) {
    const r = refusal(bad);
    assert.match(r.message, /^Cron: ".*" is not a valid cron expression \(minute hour day month weekday\)/);
    assert.deepEqual(Object.keys(r.fields), ['cron']);
  }
  const zone = refusal('0 2 * * *', 'Europe/Nowhere');
  assert.match(zone.message, /^Timezone: "Europe\/Nowhere" is not a time zone/);
  assert.deepEqual(Object.keys(zone.fields), ['timezone']);
  assert.equal(isTimeZone('America/New_York'), true);
  assert.equal(isTimeZone(''), false);
});

test('the next run is read on the time zone’s clock, across a change of daylight saving time', () => {
  const after = new Date('2026-03-27T12:00:00Z'); // Paris moves from UTC+1 to UTC+2 on the night of 29 March
  assert.equal(nextCronRun('0 2 * * *', 'UTC', after).toISOString(), '2026-03-28T02:00:00.000Z');
  // 03:30 in Paris: 02:30 UTC on the 28th (winter time), 01:30 UTC on the 29th (summer time).
  const paris = nextCronRun('30 3 * * *', 'Europe/Paris', after);
  assert.equal(paris.toISOString(), '2026-03-28T02:30:00.000Z');
  assert.equal(nextCronRun('30 3 * * *', 'Europe/Paris', paris).toISOString(), '2026-03-29T01:30:00.000Z');
  assert.equal(nextCronRun('0 9 * * 1', 'America/New_York', after).toISOString(), '2026-03-30T13:00:00.000Z');
});
