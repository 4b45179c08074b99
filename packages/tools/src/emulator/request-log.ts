import { parse } from 'graphql';
import { rootFieldNames } from './auth-gate.js';

/** One request as the emulator received it. */
export interface RequestRecord {
  operationName: string | undefined;
  /** The request target as sent (path and query), to show what the URL carried. */
  url: string;
  path: string;
  method: string;
  /** The Authorization header exactly as received, for tests that check it. */
  authorization: string | undefined;
  /** The `X-Bettermode-Cache-Control` header as received, to check that a client asked the gateway to bypass its cache. */
  cacheControl?: string | undefined;
  /** The GraphQL variables of a POST, to check what a client sent (e.g. no `impersonateMemberId` for a bot). */
  variables: Record<string, unknown> | undefined;
}

/** The `variables` object of a GraphQL request body, if it has one. */
export function variablesOf(body: string): Record<string, unknown> | undefined {
  try {
    const { variables } = JSON.parse(body) as { variables?: unknown };
    return typeof variables === 'object' && variables !== null && !Array.isArray(variables) ? (variables as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Names the operation of a GraphQL request body: its `operationName`, the operation's name, or its first root field. */
export function operationNameOf(body: string): string | undefined {
  try {
    const payload = JSON.parse(body) as { operationName?: unknown; query?: unknown };
    if (typeof payload.operationName === 'string' && payload.operationName) return payload.operationName;
    if (typeof payload.query !== 'string') return undefined;
    const document = parse(payload.query);
    const operation = document.definitions.find((node) => node.kind === 'OperationDefinition');
    return (operation && 'name' in operation && operation.name?.value) || rootFieldNames(document)[0];
  } catch {
    return undefined;
  }
}

/** How many requests the log keeps for reading; counts stay exact beyond it. */
export const REQUEST_LOG_LIMIT = 10_000;

/**
 * Keeps the latest requests, so tests can read what was sent, and counts every request by operation.
 * The records are bounded so that an emulator left running for days does not grow without limit.
 */
export class RequestLog {
  #records: RequestRecord[] = [];
  #counts = new Map<string | undefined, number>();
  #total = 0;

  /** Adds a request. */
  add(record: RequestRecord): void {
    this.#records.push(record);
    if (this.#records.length > REQUEST_LOG_LIMIT) this.#records.splice(0, this.#records.length - REQUEST_LOG_LIMIT);
    this.#counts.set(record.operationName, (this.#counts.get(record.operationName) ?? 0) + 1);
    this.#total += 1;
  }

  /** The latest requests (up to {@link REQUEST_LOG_LIMIT}), oldest first. */
  get records(): readonly RequestRecord[] {
    return this.#records;
  }

  /** How many requests there were, for one operation or in all. */
  count(operationName?: string): number {
    return operationName === undefined ? this.#total : (this.#counts.get(operationName) ?? 0);
  }

  /** Forgets every request. */
  clear(): void {
    this.#records = [];
    this.#counts.clear();
    this.#total = 0;
  }
}
