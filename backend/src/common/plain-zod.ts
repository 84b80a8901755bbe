// Plain words for zod's own messages ("Invalid input: expected string, received undefined"), for
// the definitions people type into forms and editors: each message ends a sentence whose subject
// is the input it is shown under ("is required", "is too long: at most 100 characters"). A message a
// schema gives itself (a regex's "dialog names are lower-kebab-case") is kept: zod prefers it.
import { z } from 'zod';

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of named values',
  record: 'a set of named values',
};

const empty = (input: unknown) => input === undefined || input === null || input === '';

const unit = (origin: string, count: number | bigint) =>
  origin === 'string'
    ? `${count} character${count === 1 ? '' : 's'}`
    : origin === 'array' || origin === 'set'
      ? `${count} item${count === 1 ? '' : 's'}`
      : `${count}`;

/** Use as `schema.safeParse(value, { error: plainZodError })`. */
export const plainZodError: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return 'is required';
      return `should be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case 'too_small': {
      const min = issue.minimum;
      if (issue.origin === 'string' && Number(min) === 1) return 'is required';
      if (issue.origin === 'array' && Number(min) === 1) return 'needs at least one item';
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')
        return issue.inclusive === false ? `should be more than ${min}` : `should be ${min} or more`;
      return `is too short: at least ${unit(issue.origin, min)}`;
    }
    case 'too_big': {
      const max = issue.maximum;
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')
        return issue.inclusive === false ? `should be less than ${max}` : `should be ${max} or less`;
      return `is too long: at most ${unit(issue.origin, max)}`;
    }
    case 'invalid_format':
      return empty(issue.input) ? 'is required' : 'is not in the expected form';
    case 'not_multiple_of':
      return `should be a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return `${issue.keys.length === 1 ? 'has a setting' : 'has settings'} the portal does not know: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return empty(issue.input) ? 'is required' : 'is not one of the accepted forms';
    case 'invalid_value':
      return empty(issue.input) ? 'is required' : `should be one of ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'invalid_key':
      return 'has a name that is not allowed';
    case 'invalid_element':
      return 'has a value that is not allowed';
    default:
      return undefined;
  }
};
