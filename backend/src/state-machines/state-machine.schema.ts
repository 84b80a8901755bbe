import { z } from 'zod';
import { STATE_METHODS, type StateMachineDef } from './state-machine.types.js';

const STATE_NAME = /^[a-z][a-z0-9_-]{0,62}$/;
const method = z.enum(STATE_METHODS, { message: `is not a built-in method (use one of ${STATE_METHODS.join(', ')})` });

/** A `kind: StateMachine` document of the catalog files (snake_case keys, as ManageIQ writes them). */
export const stateMachineSchema = z
  .object({
    kind: z.literal('StateMachine'),
    name: z.string().regex(STATE_NAME, 'state machine names are lower case letters, digits, _ or -'),
    description: z.string().optional(),
    states: z
      .array(
        z
          .object({
            name: z.string().regex(STATE_NAME, 'state names are lower case letters, digits, _ or -'),
            method,
            on_entry: method.optional(),
            on_exit: method.optional(),
            on_error: method.optional(),
            max_retries: z.number().int().min(0).max(100_000).optional(),
            retry_interval: z.number().min(0.1).max(86_400).optional(),
            max_time: z
              .number()
              .min(1)
              .max(7 * 86_400)
              .optional(),
          })
          .strict(),
      )
      .min(1)
      .max(50),
  })
  .strict();

/** The definition a parsed document describes; throws when a state name is used twice. */
export function toStateMachine(m: z.infer<typeof stateMachineSchema>): StateMachineDef {
  const names = new Set<string>();
  for (const state of m.states) {
    if (names.has(state.name)) throw new Error(`state "${state.name}" is defined twice`);
    names.add(state.name);
  }
  return {
    name: m.name,
    description: m.description,
    states: m.states.map((st) => ({
      name: st.name,
      method: st.method,
      onEntry: st.on_entry,
      onExit: st.on_exit,
      onError: st.on_error,
      maxRetries: st.max_retries,
      retryInterval: st.retry_interval,
      maxTime: st.max_time,
    })),
  };
}

/** A definition as a catalog file holds it: what `exportCatalog` writes. */
export function stateMachineDocument(def: StateMachineDef): Record<string, unknown> {
  return {
    kind: 'StateMachine',
    name: def.name,
    ...(def.description ? { description: def.description } : {}),
    states: def.states.map((st) =>
      Object.fromEntries(
        Object.entries({
          name: st.name,
          method: st.method,
          on_entry: st.onEntry,
          on_exit: st.onExit,
          on_error: st.onError,
          max_retries: st.maxRetries,
          retry_interval: st.retryInterval,
          max_time: st.maxTime,
        }).filter(([, v]) => v !== undefined),
      ),
    ),
  };
}
