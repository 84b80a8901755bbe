// Benchmark: one 50-field dialog (every field type, visibleWhen, patterns) compiled once,
// then 10,000 orders validated against it, each timed with performance.now().
// Prints one JSON line: {"name":"order_validation_p99","value":<p99 ms>,"unit":"ms","p50":..,"n":..}
import { performance } from 'node:perf_hooks';
import { compileDialog, type DialogField } from '@superfluid/dialogs';
import { parseDialog } from '../dialogs/dialog.schema.js';

const FIELDS = 50;
const ORDERS = Number(process.env.BENCH_ORDERS ?? 10_000);
const choices = ['small', 'medium', 'large', 'xlarge'].map((value) => ({ value, label: value }));

function field(i: number): DialogField {
  const name = `f${i}`;
  const label = `Field ${i}`;
  switch (i % 10) {
    case 0:
      return { name, label, type: 'text', required: true, pattern: '^[a-z][a-z0-9-]*$', maxLength: 63 };
    case 1:
      return { name, label, type: 'integer', min: 0, max: 1000 };
    case 2:
      return { name, label, type: 'float', min: 0, max: 10 };
    case 3:
      return { name, label, type: 'dropdown', choices, required: true };
    case 4:
      return { name, label, type: 'dropdown', multiple: true, choices };
    case 5:
      return { name, label, type: 'tags', pattern: '^[a-z0-9-]+$' };
    case 6:
      return { name, label, type: 'date' };
    case 7:
      return { name, label, type: 'datetime', visibleWhen: { field: `f${i - 4}`, in: ['large', 'xlarge'] } };
    case 8:
      return { name, label, type: 'password', minLength: 8 };
    default:
      return { name, label, type: 'checkbox' };
  }
}

const fields = Array.from({ length: FIELDS }, (_, i) => field(i));
const definition = parseDialog({ name: 'bench', label: 'Bench', tabs: [{ label: 'Main', boxes: [{ label: 'All', fields }] }] });

/** An order: mostly valid, every 10th with a few broken values, so both paths are timed. */
function order(n: number): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const broken = n % 10 === 0;
  for (const [i, f] of fields.entries()) {
    switch (f.type) {
      case 'text':
        values[f.name] = broken && i === 0 ? 'Not Valid' : `host-${n}`;
        break;
      case 'integer':
        values[f.name] = n % 1000;
        break;
      case 'float':
        values[f.name] = broken ? 11.5 : (n % 100) / 10;
        break;
      case 'dropdown':
        values[f.name] = f.multiple ? ['small', 'large'] : choices[n % choices.length].value;
        break;
      case 'tags':
        values[f.name] = ['web', `team-${n % 7}`];
        break;
      case 'date':
        values[f.name] = broken ? '2025-02-30' : '2030-06-15';
        break;
      case 'datetime':
        values[f.name] = '2030-06-15T08:30:00Z';
        break;
      case 'password':
        values[f.name] = `secret-${n}-password`;
        break;
      default:
        values[f.name] = n % 2 === 0;
    }
  }
  return values;
}

const compiled = compileDialog(definition);
const orders = Array.from({ length: ORDERS }, (_, n) => order(n));
for (const o of orders.slice(0, 200)) compiled.validate(o); // warm-up: JIT, ajv caches

const times = new Float64Array(ORDERS);
let refused = 0;
for (let n = 0; n < ORDERS; n++) {
  const start = performance.now();
  const { errors } = compiled.validate(orders[n]);
  times[n] = performance.now() - start;
  if (Object.keys(errors).length) refused++;
}
times.sort();
const at = (q: number) => times[Math.min(ORDERS - 1, Math.ceil(q * ORDERS) - 1)];
const round = (ms: number) => Math.round(ms * 1000) / 1000;
process.stdout.write(
  `${JSON.stringify({ name: 'order_validation_p99', value: round(at(0.99)), unit: 'ms', p50: round(at(0.5)), n: ORDERS, fields: FIELDS, refused })}\n`,
);
