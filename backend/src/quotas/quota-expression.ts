/**
 * How much of a quota dimension an order uses, from its dialog values: a small arithmetic
 * expression over field names and numbers — `cpu * count`, `memory_gb`, `(disk + 10) * count`.
 * + - * / and parentheses; nothing else is code. Parsed when the catalog item is saved (a bad
 * expression or an unknown field is the item's error, not an order's), evaluated per order.
 */

type Node =
  | { kind: 'number'; value: number }
  | { kind: 'field'; name: string }
  | { kind: 'op'; op: '+' | '-' | '*' | '/'; left: Node; right: Node }
  | { kind: 'neg'; of: Node };

const MAX_LENGTH = 500;
const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|([-+*/()]))/y;

export class QuotaExpressionError extends Error {}

/** The parsed expression and the dialog fields it reads. */
export interface QuotaExpression {
  source: string;
  fields: string[];
  /** The amount for these dialog values; an error naming the field when one is missing or not a number. */
  evaluate(values: Record<string, unknown>): number;
}

export function parseQuotaExpression(source: string): QuotaExpression {
  if (source.length > MAX_LENGTH) throw new QuotaExpressionError(`is longer than ${MAX_LENGTH} characters`);
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(source);
    if (!m) {
      if (source.slice(at).trim() === '') break;
      throw new QuotaExpressionError(`cannot read "${source.slice(at).trim().slice(0, 20)}": use numbers, field names, + - * / and parentheses`);
    }
    tokens.push(m[1] ?? m[2] ?? m[3]);
  }
  let i = 0;
  const peek = () => tokens[i];
  const expression = (): Node => {
    let left = term();
    while (peek() === '+' || peek() === '-') {
      const op = tokens[i++] as '+' | '-';
      left = { kind: 'op', op, left, right: term() };
    }
    return left;
  };
  const term = (): Node => {
    let left = factor();
    while (peek() === '*' || peek() === '/') {
      const op = tokens[i++] as '*' | '/';
      left = { kind: 'op', op, left, right: factor() };
    }
    return left;
  };
  const factor = (): Node => {
    const token = tokens[i++];
    if (token === undefined) throw new QuotaExpressionError('ends too early');
    if (token === '-') return { kind: 'neg', of: factor() };
    if (token === '(') {
      const inner = expression();
      if (tokens[i++] !== ')') throw new QuotaExpressionError('has a "(" without its ")"');
      return inner;
    }
    if (/^\d/.test(token)) return { kind: 'number', value: Number(token) };
    if (/^[A-Za-z_]/.test(token)) return { kind: 'field', name: token };
    throw new QuotaExpressionError(`has "${token}" where a number or a field belongs`);
  };
  if (!tokens.length) throw new QuotaExpressionError('is empty');
  const tree = expression();
  if (i < tokens.length) throw new QuotaExpressionError(`has "${tokens[i]}" after its end`);
  const fields = new Set<string>();
  const walk = (n: Node): void => {
    if (n.kind === 'field') fields.add(n.name);
    else if (n.kind === 'op') {
      walk(n.left);
      walk(n.right);
    } else if (n.kind === 'neg') walk(n.of);
  };
  walk(tree);
  const evaluate = (n: Node, values: Record<string, unknown>): number => {
    switch (n.kind) {
      case 'number':
        return n.value;
      case 'field': {
        const raw = values[n.name];
        const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
        if (!Number.isFinite(value)) throw new QuotaExpressionError(`field "${n.name}" is not a number`);
        return value;
      }
      case 'neg':
        return -evaluate(n.of, values);
      case 'op': {
        const a = evaluate(n.left, values);
        const b = evaluate(n.right, values);
        if (n.op === '/' && b === 0) throw new QuotaExpressionError('divides by zero');
        return n.op === '+' ? a + b : n.op === '-' ? a - b : n.op === '*' ? a * b : a / b;
      }
    }
  };
  return {
    source,
    fields: [...fields],
    evaluate: (values) => {
      const amount = evaluate(tree, values);
      if (!Number.isFinite(amount)) throw new QuotaExpressionError('is not a finite number');
      return amount;
    },
  };
}
