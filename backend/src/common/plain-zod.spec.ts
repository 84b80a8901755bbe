import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { plainZodError } from './plain-zod.js';

const messages = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value, { error: plainZodError });
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

test("zod's own messages become plain words that end a sentence about the input", () => {
  const schema = z
    .object({
      name: z.string().min(1).max(5),
      label: z.string(),
      count: z.number().int().min(1).max(10),
      tags: z.array(z.string()).min(1),
      kind: z.enum(['a', 'b']),
      source: z.union([z.string().min(1), z.object({ field: z.string() })]),
    })
    .strict();
  assert.deepEqual(messages(schema, { name: '', count: 0, tags: [], kind: 'c', source: 3, extra: 1 }), [
    'name: is required',
    'label: is required',
    'count: should be 1 or more',
    'tags: needs at least one item',
    'kind: should be one of a, b',
    'source: is not one of the accepted forms',
    ': has a setting the portal does not know: extra',
  ]);
  assert.deepEqual(messages(schema, { name: 'toolong', label: 2, count: 11, tags: ['x'], kind: 'a', source: undefined }), [
    'name: is too long: at most 5 characters',
    'label: should be text',
    'count: should be 10 or less',
    'source: is required',
  ]);
  for (const m of messages(schema, {})) assert.doesNotMatch(m, /Invalid input|expected|received/);
});

test("a schema's own message is kept", () => {
  assert.deepEqual(messages(z.object({ name: z.string().regex(/^[a-z]+$/, 'use lower case letters') }), { name: 'X' }), ['name: use lower case letters']);
});
