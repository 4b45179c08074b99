import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import { Kind } from 'graphql/language/kinds.js';
import { abortError } from '../abort.js';
import { TribeError, TribeForbiddenError, TribeGraphQLError, TribeNetworkError, type TribeApiError } from '../errors.js';
import { complexityBounds } from '../rate-limit/estimate-complexity.js';
import { evaluateStaticCost, setDocumentCost, type OperationCosts } from '../rate-limit/static-cost.js';
import { mergeOperations, operationOf } from './merge-operations.js';
import { errorsByPart, hasPart, partOf } from './split-answer.js';

/** How calls are merged: the most a merged request may cost, and whether mutations merge too. */
export interface CoalesceSettings {
  maxCost: number;
  mutations: boolean;
}

/** What one call may add, as the request runner takes it. */
interface CallOptions {
  headers?: unknown;
  signal?: unknown;
  memberId?: string | undefined;
}

/** The request runner the merged and the unmerged calls go through. */
export type Runner = <T>(document: DocumentNode, variables: unknown, options?: CallOptions) => Promise<T>;

/** What the coalescer needs of its client. */
export interface CoalesceParts {
  run: Runner;
  costs: OperationCosts;
  /** The typed error one call gets for its own errors of a merged answer (classified as if it had been sent alone). */
  errorFor(errors: readonly TribeApiError[], data: unknown, status: number | undefined, operationName: string): TribeError;
}

/** The name of a merged request; its root fields say which calls it holds. */
const MERGED_NAME = 'coalesced';
/** The most calls one merged request holds, whatever they cost: the server checks the root fields of a request pairwise, so a few big requests beat one huge one. */
const MAX_CALLS = 100;

interface Call {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown> | undefined;
  options: CallOptions;
  cost: number;
  resolve: (data: unknown) => void;
  reject: (error: unknown) => void;
}

const mergeable = new WeakMap<DocumentNode, boolean>();

/** A document that can share a request: one operation without directives, and no field whose name ends in `token` (answers keep no tokens on errors). */
function canMerge(document: DocumentNode, operation: OperationDefinitionNode): boolean {
  let known = mergeable.get(document);
  if (known === undefined) {
    const text = JSON.stringify(document.definitions);
    known = !operation.directives?.length && operation.operation !== 'subscription' && !/"value":"[A-Za-z_]*[Tt]oken"/.test(text);
    known &&= document.definitions.filter((node) => node.kind === Kind.OPERATION_DEFINITION).length === 1;
    mergeable.set(document, known);
  }
  return known;
}

/**
 * Merges the calls made in the same tick into one request per member and operation type, while
 * their summed cost stays under `maxCost`, and gives each call exactly its own data or its own typed
 * error. A merged request refused as a whole is sent again as separate calls. Mutations are merged
 * only when `mutations` is set; a call with its own headers is sent alone.
 */
export function coalescingRunner(parts: CoalesceParts, settings: CoalesceSettings): Runner {
  let pending: Call[] = [];
  let scheduled = false;

  const alone = (call: Call): void => {
    parts.run(call.document, call.variables, call.options).then(call.resolve, call.reject);
  };

  const sendMerged = async (batch: Call[]): Promise<void> => {
    const type = batch[0]!.operation.operation;
    const merged = mergeOperations(batch, type, MERGED_NAME);
    setDocumentCost(
      merged.document,
      batch.reduce((sum, call) => sum + call.cost, 0),
    );
    try {
      const data = await parts.run(merged.document, merged.variables, { memberId: batch[0]!.options.memberId });
      batch.forEach((call, index) => call.resolve(partOf(data, merged.parts[index]!)));
      return;
    } catch (error) {
      const failed = error instanceof TribeGraphQLError || error instanceof TribeForbiddenError ? error : undefined;
      const split = failed && failed.errorCount === failed.errors.length ? errorsByPart(failed.errors, merged.parts) : undefined;
      if (split) {
        batch.forEach((call, index) => {
          const own = split[index]!;
          const data = failed instanceof TribeGraphQLError ? failed.data : undefined;
          const part = merged.parts[index]!;
          if (own.length > 0) call.reject(parts.errorFor(own, partOf(data, part), failed!.status, call.operation.name?.value ?? 'anonymous'));
          // A call without errors whose fields the merged answer lacks (a null that bubbled up) is sent alone.
          else if (hasPart(data, part)) call.resolve(partOf(data, part));
          else alone(call);
        });
        return;
      }
      // Refused as a whole (an error of no call, or a 4xx): each call again on its own, so that only a faulty one fails.
      const whole = failed !== undefined || (error instanceof TribeNetworkError && error.status !== undefined && error.status >= 400 && error.status < 500);
      if (whole) batch.forEach(alone);
      else batch.forEach((call) => call.reject(error));
    }
  };

  const flush = (): void => {
    scheduled = false;
    const calls = pending;
    pending = [];
    const groups = new Map<string, Call[]>();
    for (const call of calls) {
      const key = `${call.options.memberId ?? ''}|${call.operation.operation}`;
      const group = groups.get(key);
      if (group) group.push(call);
      else groups.set(key, [call]);
    }
    for (const group of groups.values()) {
      let batch: Call[] = [];
      let cost = 0;
      const send = (): void => {
        if (batch.length === 1) alone(batch[0]!);
        else if (batch.length > 1) void sendMerged(batch);
        batch = [];
        cost = 0;
      };
      for (const call of group) {
        if (batch.length > 0 && (cost + call.cost > settings.maxCost || batch.length >= MAX_CALLS)) send();
        batch.push(call);
        cost += call.cost;
      }
      send();
    }
  };

  return <T>(document: DocumentNode, variables: unknown, options: CallOptions = {}): Promise<T> => {
    const operation = typeof document === 'object' && document !== null && Array.isArray(document.definitions) ? operationOf(document) : undefined;
    const plainVariables = variables === undefined || (typeof variables === 'object' && variables !== null && !Array.isArray(variables));
    const headers = options.headers !== undefined && (typeof options.headers !== 'object' || Object.keys(options.headers as object).length > 0);
    const { signal } = options;
    const signalOk = signal === undefined || signal instanceof AbortSignal;
    if (
      !operation ||
      !plainVariables ||
      headers ||
      !signalOk ||
      !canMerge(document, operation) ||
      (operation.operation === 'mutation' && !settings.mutations)
    ) {
      return parts.run<T>(document, variables, options);
    }
    if (signal?.aborted) return Promise.reject(abortError(signal));
    const vars = variables as Record<string, unknown> | undefined;
    const name = operation.name?.value;
    const known = name !== undefined && Object.hasOwn(parts.costs, name) ? parts.costs[name] : undefined;
    const cost = known ? evaluateStaticCost(known, vars) : complexityBounds(document, vars).high;
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => reject(abortError(signal as AbortSignal));
      (signal as AbortSignal | undefined)?.addEventListener('abort', onAbort, { once: true });
      const settle = (): void => (signal as AbortSignal | undefined)?.removeEventListener('abort', onAbort);
      pending.push({
        document,
        operation,
        variables: vars,
        options: { memberId: options.memberId },
        cost,
        resolve: (data) => {
          settle();
          resolve(data as T);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
      });
      if (!scheduled) {
        scheduled = true;
        setTimeout(flush, 0);
      }
    });
  };
}
