import { getNamedType, type GraphQLField, type GraphQLResolveInfo } from 'graphql';
import { AppError, ErrorCode, isUuid } from './app-error.js';

/** Names of the arguments of type ID (or [ID]) of each field, computed once per field. */
const idArgsOf = new WeakMap<GraphQLField<unknown, unknown>, string[]>();

function idArgs(field: GraphQLField<unknown, unknown>): string[] {
  let names = idArgsOf.get(field);
  if (!names) {
    names = field.args.filter((arg) => getNamedType(arg.type).name === 'ID').map((arg) => arg.name);
    idArgsOf.set(field, names);
  }
  return names;
}

const shown = (value: string) => JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);

/**
 * Every object the portal stores has a UUID for its id, so an ID argument that is not one
 * names nothing: NOT_FOUND, before a resolver (or PostgreSQL, which would refuse the value
 * with an internal error) sees it. Applies to queries, mutations, subscriptions and fields.
 */
export function assertIdArgs(info: GraphQLResolveInfo | undefined, args: Record<string, unknown>): void {
  const field = info?.parentType.getFields()[info.fieldName];
  if (!field) return;
  for (const name of idArgs(field)) {
    const value = args[name];
    for (const one of Array.isArray(value) ? value : [value]) {
      if (typeof one === 'string' && !isUuid(one)) {
        throw new AppError(
          ErrorCode.NOT_FOUND,
          `Nothing has the id ${shown(one)} (argument "${name}"): ids are UUIDs such as 0b5c7d1e-8f0a-4c53-9d3e-2a6f1b7c8e90.`,
          {
            argument: name,
          },
        );
      }
    }
  }
}
