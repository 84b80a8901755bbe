import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { IS_PUBLIC } from '../auth/auth.decorators.js';
import { PERMISSION } from './allow.decorator.js';

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/** `Mutation.createProvider` for each root operation of these resolver classes that declares neither @Allow nor @Public. */
export function undeclaredOperations(classes: Iterable<abstract new (...args: never[]) => unknown>): string[] {
  const scanner = new MetadataScanner();
  const missing: string[] = [];
  for (const cls of classes) {
    const proto = cls.prototype as Record<string, unknown>;
    for (const key of scanner.getAllMethodNames(proto)) {
      const method = proto[key] as object;
      const type = Reflect.getMetadata('graphql:resolver_type', method) as unknown;
      if (typeof type !== 'string' || !ROOT_TYPES.has(type)) continue;
      const declared =
        Reflect.getMetadata(PERMISSION, method) ?? Reflect.getMetadata(IS_PUBLIC, method) ?? Reflect.getMetadata(IS_PUBLIC, cls) ?? Reflect.getMetadata(PERMISSION, cls);
      if (declared === undefined) missing.push(`${type}.${(Reflect.getMetadata('graphql:resolver_name', method) as string | undefined) ?? key}`);
    }
  }
  return missing.sort();
}

/**
 * Deny by default, checked at start: an operation that does not say who may call it would be
 * refused to everyone at run time; the app refuses to start instead, naming it, so the
 * mistake cannot ship.
 */
@Injectable()
export class AccessCheck implements OnApplicationBootstrap {
  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    const classes = new Set<abstract new (...args: never[]) => unknown>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as object | undefined;
      if (instance && typeof instance === 'object' && instance.constructor !== Object) classes.add(instance.constructor as abstract new (...args: never[]) => unknown);
    }
    const missing = undeclaredOperations(classes);
    if (missing.length) throw new Error(`These GraphQL operations do not declare who may call them (@Allow or @Public): ${missing.join(', ')}`);
  }
}
