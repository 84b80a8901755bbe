import type { ApolloServerPlugin } from '@apollo/server';
import {
  type FieldNode,
  getArgumentValues,
  getNamedType,
  type GraphQLError,
  type GraphQLFormattedError,
  type GraphQLOutputType,
  type GraphQLSchema,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
} from 'graphql';
import type { GqlContext } from '../auth/auth.decorators.js';
import { bearerToken } from '../auth/auth.guard.js';
import type { AuthService } from '../auth/auth.service.js';
import type { Principal } from '../auth/principal.js';
import { ErrorCode } from '../common/app-error.js';
import { classifyError } from '../common/format-error.js';
import { auditDetails } from './audit-details.js';
import type { AuditOutcome } from './audit-event.entity.js';
import { ANONYMOUS, type AuditEntry, type AuditService } from './audit.service.js';

const REFUSALS = new Set<string>([ErrorCode.UNAUTHENTICATED, ErrorCode.FORBIDDEN]);

/** `Provider` for createProvider, deleteProvider...; null when the name has no object in it (logout). */
const typeInName = (mutation: string): string | null => /^[a-z]+([A-Z]\w*)$/.exec(mutation)?.[1] ?? null;

/** The object type a mutation acts on: what it returns when that has an id, else what its name says. */
function objectTypeOf(mutation: string, returnType: GraphQLOutputType | undefined): string | null {
  if (mutation === 'login') return 'User';
  const named = returnType && getNamedType(returnType);
  if (named && isObjectType(named) && named.getFields().id) return named.name;
  return typeInName(mutation);
}

/** The error code and a message that may be shown (an unexpected error's message is not: it may name internals). */
function describe(error: unknown): { code: string; message: string | null } {
  const known = classifyError(error);
  if (known) return { code: known.code, message: known.message };
  const code = (error as GraphQLError | undefined)?.extensions?.code;
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') return { code, message: null };
  return { code: 'INTERNAL_SERVER_ERROR', message: null };
}

interface Call {
  mutation: string;
  args: Record<string, unknown>;
  returnType?: GraphQLOutputType;
  principal: Principal | null;
  ip: string;
}

/** The audit row of one root field of a mutation operation. */
function entryOf(call: Call, outcome: { error: unknown; result?: unknown } | { code: string; message: string | null }): AuditEntry {
  const failed = 'code' in outcome ? outcome : outcome.error ? describe(outcome.error) : null;
  const result = 'result' in outcome ? outcome.result : undefined;
  const resultId = result && typeof result === 'object' ? (result as { id?: unknown }).id : undefined;
  const details = auditDetails(call.mutation, call.args);
  if (call.mutation === 'login') {
    const user = (result as { user?: { id?: string; username?: string } } | undefined)?.user;
    return {
      actorId: failed ? null : (user?.id ?? null),
      actorName: typeof call.args.username === 'string' ? call.args.username.slice(0, 200) : ANONYMOUS,
      action: failed ? 'login.failed' : 'login',
      objectType: 'User',
      objectId: failed ? null : (user?.id ?? null),
      outcome: failed ? 'failure' : 'success',
      errorCode: failed?.code ?? null,
      message: failed?.message ?? null,
      ip: call.ip,
      details,
    };
  }
  const argId = call.args.id;
  const objectId = typeof argId === 'string' ? argId : typeof resultId === 'string' ? resultId : null;
  const outcomeOf: AuditOutcome = !failed ? 'success' : REFUSALS.has(failed.code) ? 'denied' : 'failure';
  return {
    actorId: call.principal?.user.id ?? null,
    actorName: call.principal?.user.username ?? ANONYMOUS,
    action: call.mutation,
    objectType: objectTypeOf(call.mutation, call.returnType),
    objectId,
    outcome: outcomeOf,
    errorCode: failed?.code ?? null,
    message: failed?.message ?? null,
    ip: call.ip,
    details,
  };
}

/** The root fields of an operation refused before it ran, with the arguments that can be read. */
function refusedCalls(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown>): Omit<Call, 'principal' | 'ip'>[] {
  const type = schema.getMutationType();
  const fields = operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
  return fields.map((node) => {
    const def = type?.getFields()[node.name.value];
    let args: Record<string, unknown> = {};
    try {
      if (def) args = getArgumentValues(def, node, variables);
    } catch {
      // Invalid arguments: their names only.
      args = Object.fromEntries((node.arguments ?? []).map((a) => [a.name.value, null]));
    }
    return { mutation: node.name.value, args, returnType: def?.type };
  });
}

/**
 * Records every mutation in the audit trail: each root field once resolved (success, failure
 * with its code, or denied: UNAUTHENTICATED / FORBIDDEN), or, when the operation was refused
 * before it ran (API limits, invalid variables), each root field with that refusal. The rows
 * are written before the response is sent (so whoever reads the trail next sees them); a
 * failed write is logged and never reaches the caller.
 */
export function auditPlugin(audit: AuditService, auth: AuthService): ApolloServerPlugin<GqlContext> {
  return {
    requestDidStart: async () => {
      const entries: AuditEntry[] = [];
      return {
        executionDidStart: async ({ operation }) => {
          if (operation.operation !== 'mutation') return;
          return {
            willResolveField: ({ info, args, contextValue }) => {
              if (info.path.prev !== undefined) return;
              // Nest's exception filter hands a resolver's error back as its value (graphql-js then raises it).
              return (thrown, value) => {
                const [error, result] = value instanceof Error ? [value, undefined] : [thrown, value];
                const call = {
                  mutation: info.fieldName,
                  args: args as Record<string, unknown>,
                  returnType: info.returnType,
                  principal: contextValue.principal ?? null,
                  ip: contextValue.ip ?? '',
                };
                entries.push(entryOf(call, { error, result }));
              };
            },
          };
        },
        willSendResponse: async ({ operation, schema, request, response, contextValue }) => {
          if (operation?.operation !== 'mutation') return;
          if (!entries.length) {
            const errors: readonly GraphQLFormattedError[] = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
            if (!errors.length) return;
            const code = String(errors[0].extensions?.code ?? 'INTERNAL_SERVER_ERROR');
            const principal = await signedIn(auth, contextValue);
            for (const call of refusedCalls(schema, operation, request.variables ?? {})) {
              entries.push(entryOf({ ...call, principal, ip: contextValue.ip ?? '' }, { code, message: errors[0].message }));
            }
          }
          await audit.record(...entries.splice(0));
        },
      };
    },
  };
}

/** Who sent an operation that never reached the guard (null: nobody valid). */
async function signedIn(auth: AuthService, ctx: GqlContext): Promise<Principal | null> {
  if (ctx.principal) return ctx.principal;
  const token = bearerToken(ctx);
  return token ? auth.principal(token).catch(() => null) : null;
}
