import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { Public } from '../auth/auth.decorators.js';
import { undeclaredOperations } from './access-check.js';
import { Allow } from './allow.decorator.js';

@Resolver()
class Declared {
  @Allow('providers:read')
  @Query(() => Boolean)
  fine(): boolean {
    return true;
  }

  @Public()
  @Mutation(() => Boolean)
  open(): boolean {
    return true;
  }
}

@Resolver()
class Forgotten {
  @Query(() => Boolean, { name: 'renamed' })
  forgotQuery(): boolean {
    return true;
  }

  @Subscription(() => Boolean)
  forgotSubscription(): boolean {
    return true;
  }

  /** Not an operation: ignored. */
  helper(): boolean {
    return true;
  }
}

test('an operation that declares neither @Allow nor @Public is named, under its GraphQL name (the app refuses to start)', () => {
  assert.deepEqual(undeclaredOperations([Declared]), []);
  assert.deepEqual(undeclaredOperations([Declared, Forgotten]), ['forgotSubscription', 'renamed']);
});
