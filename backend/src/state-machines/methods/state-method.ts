import type { RequestItemEntity } from '../../requests/request-item.entity.js';
import type { ServiceRequestEntity } from '../../requests/service-request.entity.js';
import type { Outcome, StateMethod } from '../state-machine.types.js';

/** What a state method is given: its request, and its items read once per step. */
export interface StateContext {
  readonly request: ServiceRequestEntity;
  /** The request's items as they are now, by index then name (read once, until `itemsChanged`). */
  items(): Promise<RequestItemEntity[]>;
  /**
   * Says the items changed: the next `items()` reads them again, or, given `update`, applies
   * it to the items read (a change this step made and knows in full).
   */
  itemsChanged(update?: (items: RequestItemEntity[]) => RequestItemEntity[]): void;
  /**
   * A value read once per step (say, a repository by name, read by refresh_repositories and
   * again by validate_request): a later call with the same key gets the first call's promise.
   * For what the step's methods read, not what they change.
   */
  once<T>(key: string, read: () => Promise<T>): Promise<T>;
  /** Items this step queued: the engine starts them once the step ends. */
  launch(items: Pick<RequestItemEntity, 'id' | 'name'>[]): void;
}

/**
 * A built-in method a state calls: one class each, listed in `registry.ts`. Its doc comment
 * says what it reads and writes; it returns what the state does next.
 */
export interface StateMethodHandler {
  readonly name: StateMethod;
  run(ctx: StateContext): Promise<Outcome>;
}
