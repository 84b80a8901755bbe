/**
 * The names of the state methods a machine's states may call. Each is implemented by one
 * class in `methods/`, listed in `methods/registry.ts` (the compiler checks that every name
 * here has its class there, and no class is missing a name).
 */
export const STATE_METHODS = [
  'approve',
  'refresh_repositories',
  'validate_request',
  'run_playbook',
  'wait_for_jobs',
  'collect_outputs',
  'create_service',
  'retire_service',
  'update_service',
] as const;
export type StateMethod = (typeof STATE_METHODS)[number];

export const isStateMethod = (name: string): name is StateMethod => (STATE_METHODS as readonly string[]).includes(name);

export interface StateDef {
  name: string;
  method: StateMethod;
  /** Methods called when the state is entered, left after success, or fails. */
  onEntry?: StateMethod;
  onExit?: StateMethod;
  onError?: StateMethod;
  /** Retries after the method asks for one; 0 by default. */
  maxRetries?: number;
  /** Seconds between retries (a delayed queue job, never a sleeping worker). */
  retryInterval?: number;
  /** Seconds the state may last, waits and retries included. */
  maxTime?: number;
}

export interface StateMachineDef {
  name: string;
  description?: string;
  states: StateDef[];
}

/**
 * What a state's method says: go on, wait for an item to finish, try again later, fail, end
 * the request canceled (a user stopped what it ran), wait for approvers, or end it denied.
 */
export type Outcome =
  | { kind: 'ok'; message?: string }
  | { kind: 'wait' }
  | { kind: 'retry'; message: string }
  | { kind: 'error'; message: string }
  | { kind: 'canceled'; message: string }
  /** Wait for approvers: the request shows pending_approval until enough approve, one denies, or time is up. */
  | { kind: 'approval'; message: string }
  /** An approver denied it (or nobody decided in time): it ends denied, and nothing of it runs. */
  | { kind: 'denied'; message: string };
