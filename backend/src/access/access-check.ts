import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { IS_PUBLIC } from '../auth/auth.decorators.js';
import { PERMISSION } from './allow.decorator.js';
import type { Permission } from './permissions.js';

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

type Class = abstract new (...args: never[]) => unknown;

/**
 * What each root operation (query, mutation, subscription, by field name) of these resolver
 * classes declares: its permission, 'public', or null for nothing.
 */
export function declaredOperations(classes: Iterable<Class>): Map<string, Permission | 'public' | null> {
  const scanner = new MetadataScanner();
  const declared = new Map<string, Permission | 'public' | null>();
  for (const cls of new Set(classes)) {
    const proto = cls.prototype as Record<string, unknown>;
    for (const key of scanner.getAllMethodNames(proto)) {
      const method = proto[key] as object;
      const type = Reflect.getMetadata('graphql:resolver_type', method) as unknown;
      if (typeof type !== 'string' || !ROOT_TYPES.has(type)) continue;
      const name = (Reflect.getMetadata('graphql:resolver_name', method) as string | undefined) ?? key;
      const permission = (Reflect.getMetadata(PERMISSION, method) ?? Reflect.getMetadata(PERMISSION, cls)) as Permission | undefined;
      const isPublic = Reflect.getMetadata(IS_PUBLIC, method) ?? Reflect.getMetadata(IS_PUBLIC, cls);
      declared.set(name, permission ?? (isPublic ? 'public' : null));
    }
  }
  return declared;
}

/** The operations that declare neither @Allow nor @Public, sorted. */
export const undeclaredOperations = (classes: Iterable<Class>): string[] =>
  [...declaredOperations(classes)]
    .filter(([, p]) => p === null)
    .map(([name]) => name)
    .sort();

/**
 * Deny by default, checked at start: an operation that does not say who may call it would be
 * refused to everyone at run time; the app refuses to start instead, naming it, so the
 * mistake cannot ship.
 */
@Injectable()
export class AccessCheck implements OnApplicationBootstrap {
  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    const classes = new Set<Class>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as object | undefined;
      if (instance && typeof instance === 'object' && instance.constructor !== Object) classes.add(instance.constructor as Class);
    }
    const missing = undeclaredOperations(classes);
    if (missing.length) throw new Error(`These GraphQL operations do not declare who may call them (@Allow or @Public): ${missing.join(', ')}`);
  }
}
