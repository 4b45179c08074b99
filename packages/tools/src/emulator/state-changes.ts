import type { EmulatorContext } from './context.js';

/** A mutation that went through: which one, its arguments, what its resolver returned, and its request's context. */
export interface StateChange {
  mutation: string;
  args: Record<string, unknown>;
  result: unknown;
  context: EmulatorContext;
}

/** Hears of every successful mutation; it must not throw into the request. */
export type StateChangeListener = (change: StateChange) => void;

type Resolver = (parent: unknown, args: Record<string, unknown>, context: EmulatorContext, info: unknown) => unknown;

/**
 * Wraps every mutation resolver so that the listener hears of each one that succeeded: the one place where
 * state changes are observed, so new mutations are covered without touching their resolvers.
 */
export function observeMutations(mutations: Record<string, unknown>, listener: StateChangeListener | undefined): Record<string, unknown> {
  if (!listener) return mutations;
  const observed: Record<string, unknown> = {};
  for (const [mutation, resolver] of Object.entries(mutations)) {
    if (typeof resolver !== 'function') {
      observed[mutation] = resolver;
      continue;
    }
    const notify = (args: Record<string, unknown>, context: EmulatorContext, result: unknown): unknown => {
      try {
        listener({ mutation, args, result, context });
      } catch {
        // An observer's failure must not turn a successful mutation into an error.
      }
      return result;
    };
    observed[mutation] = ((parent, args, context, info) => {
      const result = (resolver as Resolver)(parent, args, context, info);
      return result instanceof Promise ? result.then((value) => notify(args, context, value)) : notify(args, context, result);
    }) satisfies Resolver;
  }
  return observed;
}
