import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  type DocumentNode,
  getNullableType,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  type GraphQLSchema,
  isListType,
  Kind,
  type SelectionSetNode,
  validate,
  type ValidationContext,
  visit,
} from 'graphql';
import { type ComplexityEstimatorArgs, getComplexity } from 'graphql-query-complexity';
import { AppError, ErrorCode } from '../common/app-error.js';

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
}

/** Fields that carry whole documents (a job's log, an inventory, a dialog with its choices): each costs this much. */
export const HEAVY_FIELDS = new Set(['Job.stdout', 'Provider.inventory', 'Inventory.rendered', 'Dialog.form']);
export const HEAVY_COST = 1_000;
/** A list field without `take`/`limit` is counted as this many items. */
export const UNPAGED_LIST_ITEMS = 10;

/**
 * The estimated cost of one field: 1, plus `HEAVY_COST` for a heavy field, and for a list,
 * its items (its `take` or `limit` argument, else `UNPAGED_LIST_ITEMS`) times what each asks for.
 */
export function fieldCost({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number {
  // Introspection (signed-in callers only) is bounded by the schema itself.
  if (field.name.startsWith('__') || type.name.startsWith('__')) return 0;
  const heavy = HEAVY_FIELDS.has(`${type.name}.${field.name}`) ? HEAVY_COST : 0;
  if (!isListType(getNullableType(field.type))) return 1 + heavy + childComplexity;
  const paged = [args.take, args.limit].find((v): v is number => typeof v === 'number');
  const items = Math.max(1, paged ?? UNPAGED_LIST_ITEMS);
  return 1 + heavy + items * Math.max(1, childComplexity);
}

const tooComplex = (message: string, details: Record<string, unknown>) => new AppError(ErrorCode.QUERY_TOO_COMPLEX, message, details);

/** How many times the mutation selects `login` (aliases and fragments included). */
export function loginFields(document: DocumentNode, operationName?: string | null): number {
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation || operation.operation !== 'mutation') return 0;
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const seen = new Set<string>();
  const count = (set: SelectionSetNode): number =>
    set.selections.reduce((n, s) => {
      if (s.kind === Kind.FIELD) return n + (s.name.value === 'login' ? 1 : 0);
      if (s.kind === Kind.INLINE_FRAGMENT) return n + count(s.selectionSet);
      const fragment = fragments.get(s.name.value);
      if (!fragment || seen.has(s.name.value)) return n;
      seen.add(s.name.value);
      return n + count(fragment.selectionSet);
    }, 0);
  return count(operation.selectionSet);
}

/** True when the operation reads the schema (`__schema` or `__type`); `__typename` is not introspection of the schema. */
export function usesIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
}

/**
 * Checks an operation already validated by GraphQL's own rules against the portal's limits:
 * depth, aliases, estimated cost, and at most one `login`. Throws an AppError
 * (QUERY_TOO_COMPLEX, or TOO_MANY_REQUESTS for several logins) saying which limit and by
 * how much. Returns the cost.
 */
export function checkOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | null | undefined,
  limits: OperationLimits,
): number {
  const refusal = documentRefusal(schema, document, operationName, limits);
  // A new error each time: the one remembered is shared by every request of that document.
  if (refusal) throw new AppError(refusal.code, refusal.message, refusal.details);
  // Variables that do not fit their types are refused by execution before anything runs (its
  // message quotes no value): nothing to estimate, and the estimator's own error would quote them.
  const operation = getOperationAST(document, operationName);
  if (operation && getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}).errors) return 0;
  let cost: number;
  try {
    cost = getComplexity({ schema, query: document, variables, operationName: operationName ?? undefined, estimators: [fieldCost], maxQueryNodes: 5_000 });
  } catch (err) {
    throw tooComplex(`The query is too large to be estimated (${(err as Error).message}): ask for less in one request.`, {
      limit: 'cost',
      max: limits.maxCost,
    });
  }
  if (cost > limits.maxCost) {
    throw tooComplex(
      `The query would cost ${cost}; at most ${limits.maxCost} is allowed (each list counts as many items as its take, a log or inventory as ${HEAVY_COST} fields): ask for fewer items or fields.`,
      { limit: 'cost', max: limits.maxCost, found: cost },
    );
  }
  return cost;
}

/**
 * What of the limits depends on the document alone (depth, aliases, logins), checked once per
 * parsed document: Apollo keeps the document of a query it has seen, so a client repeating one
 * query (an order form, a poll) has it checked the first time only.
 */
const refusals = new WeakMap<DocumentNode, Map<string, AppError | null>>();
function documentRefusal(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, limits: OperationLimits): AppError | null {
  const key = `${operationName ?? ''}\u0000${limits.maxDepth}\u0000${limits.maxAliases}`;
  let known = refusals.get(document);
  if (known?.has(key)) return known.get(key)!;
  const refusal = checkDocument(schema, document, operationName, limits);
  if (!known) refusals.set(document, (known = new Map()));
  known.set(key, refusal);
  return refusal;
}

function checkDocument(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, limits: OperationLimits): AppError | null {
  const refused: AppError[] = [];
  const report = (what: 'depth' | 'aliases') => (_ctx: ValidationContext | null, err: GraphQLError) => {
    const [, found] = /found (\d+)/.exec(err.message) ?? [];
    const n = Number(found);
    refused.push(
      what === 'depth'
        ? tooComplex(`The query nests fields ${n} deep; at most ${limits.maxDepth} is allowed: ask for less in one request.`, {
            limit: 'depth',
            max: limits.maxDepth,
            found: n,
          })
        : tooComplex(`The query uses ${n} aliases; at most ${limits.maxAliases} are allowed: split it into several requests.`, {
            limit: 'aliases',
            max: limits.maxAliases,
            found: n,
          }),
    );
  };
  validate(schema, document, [
    maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true, propagateOnRejection: false, onReject: [report('depth')] }),
    maxAliasesRule({ n: limits.maxAliases, propagateOnRejection: false, onReject: [report('aliases')] }),
  ]);
  if (refused.length) return refused[0];
  if (loginFields(document, operationName) > 1) {
    return new AppError(ErrorCode.TOO_MANY_REQUESTS, 'One sign-in per request: send a single login field.', { limit: 'login' });
  }
  return null;
}

/** An AppError as a GraphQLError that Apollo answers with this HTTP status (the formatter gives it its code). */
export function asGraphQLError(error: AppError, status: number): GraphQLError {
  return new GraphQLError(error.message, { originalError: error, extensions: { http: { status } } });
}

/** Field suggestions ("Did you mean ...?") tell a stranger the schema: cut from the messages of callers not signed in. */
export const withoutSuggestions = (message: string): string => message.replace(/\s*Did you mean [\s\S]*\?\s*$/, '');
