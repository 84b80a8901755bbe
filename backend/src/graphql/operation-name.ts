import type { GraphQLRequestContext } from '@apollo/server';
import { Kind } from 'graphql';

/** What an operation is called in logs and metrics, and its type; never its variables. */
export interface OperationSummary {
  /** Its name; when it has none, its root fields (`orderService`, `me+providers`); `(invalid)` when it did not parse or validate. */
  name: string;
  /** query, mutation, subscription; `unknown` when it did not parse or validate. */
  type: string;
}

/** Root fields named in a label of an operation without a name. */
const MAX_FIELDS = 3;

/** The operation of a request Apollo answered (after validation its names are the schema's, or a valid GraphQL name). */
export function operationSummary(ctx: Pick<GraphQLRequestContext<object>, 'operation' | 'operationName'>): OperationSummary {
  const operation = ctx.operation;
  if (!operation) return { name: '(invalid)', type: 'unknown' };
  if (ctx.operationName) return { name: ctx.operationName.slice(0, 100), type: operation.operation };
  const fields = [...new Set(operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : [])))].sort();
  const name = fields.length ? `${fields.slice(0, MAX_FIELDS).join('+')}${fields.length > MAX_FIELDS ? '+...' : ''}` : '(anonymous)';
  return { name, type: operation.operation };
}
