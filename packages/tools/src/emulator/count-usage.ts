import type { Plugin } from 'graphql-yoga';
import type { EmulatorContext } from './context.js';

// Apart from usage-counter.ts, so that the store's declarations (which the emulator entry exports)
// never reach graphql-yoga's types, which a consumer's TypeScript lib may not cover.

/** Counts every operation that runs with a bearer token, against the token's network. */
export function countUsage(): Plugin<EmulatorContext> {
  return {
    onExecute({ args }) {
      const { caller, store } = args.contextValue as EmulatorContext;
      if (caller.kind === 'bearer') store.usage.record(caller.claims.networkId);
    },
  };
}
