import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { queryComplexity } from './complexity.js';
import type { EmulatorContext } from './context.js';
import { refusalHeaders, type RateLimitLedger } from './rate-limits.js';

/** Tribe's code for a request over its quota. */
const RATE_LIMITED_CODE = '104';

/**
 * Reports each operation's cost in `extensions.complexity`, as Tribe does, and, when limits are
 * configured, refuses a request with a bearer token over its network's quota: HTTP 429 with
 * `Retry-After` and the `X-Quota-*` headers. Mints (Basic auth) are not counted.
 */
export function quotaPlugin(limits: { readonly ledger: RateLimitLedger | undefined }, now: () => number = Date.now): Plugin<EmulatorContext> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const complexity = queryComplexity(args.schema, args.document, args.operationName, args.variableValues as Record<string, unknown> | undefined);
      const { caller } = args.contextValue as EmulatorContext;
      const { ledger } = limits;
      if (ledger && caller.kind === 'bearer') {
        const at = now();
        const refusal = ledger.admit(caller.claims.networkId, complexity, at);
        if (refusal) {
          const message = refusal.type === 'Request' ? 'user request limit reached' : 'query complexity limit reached';
          const http = { status: 429, headers: refusalHeaders(refusal, at) };
          setResultAndStopExecution({ errors: [new GraphQLError(message, { extensions: { code: RATE_LIMITED_CODE, http } })] });
          return;
        }
      }
      return {
        onExecuteDone({ result, setResult }) {
          if (!('data' in result || 'errors' in result)) return;
          setResult({ ...result, extensions: { ...result.extensions, complexity } });
        },
      };
    },
  };
}
