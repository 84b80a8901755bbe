import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseQuotaExpression, QuotaExpressionError } from './quota-expression.js';

describe('quota expressions: how much of a dimension an order uses', () => {
  test('arithmetic over dialog fields, with the usual precedence; numbers typed as text count', () => {
    const e = parseQuotaExpression('(cpu + 1) * count - 2 / 2');
    assert.deepEqual(e.fields.sort(), ['count', 'cpu']);
    assert.equal(e.evaluate({ cpu: 3, count: '2' }), 7);
    assert.equal(parseQuotaExpression('memory_gb').evaluate({ memory_gb: 16 }), 16);
    assert.equal(parseQuotaExpression('-2 * -x').evaluate({ x: 3 }), 6);
  });

  test('what is not arithmetic is refused when the item is saved, saying where', () => {
    for (const [source, message] of [
      ['cpu *', /ends too early/],
      ['cpu; drop', /cannot read ";/],
      ['(cpu * 2', /without its "\)"/],
      ['cpu 2', /after its end/],
      ['', /is empty/],
      ['process.exit()', /cannot read "\./],
    ] as const) {
      assert.throws(
        () => parseQuotaExpression(source),
        (err: Error) => err instanceof QuotaExpressionError && message.test(err.message),
        source,
      );
    }
  });

  test('an order without a number where one is read is told which field', () => {
    const e = parseQuotaExpression('cpu * count');
    assert.throws(() => e.evaluate({ cpu: 2 }), /field "count" is not a number/);
    assert.throws(() => e.evaluate({ cpu: 'two', count: 1 }), /field "cpu" is not a number/);
    assert.throws(() => parseQuotaExpression('cpu / count').evaluate({ cpu: 1, count: 0 }), /divides by zero/);
  });
});
