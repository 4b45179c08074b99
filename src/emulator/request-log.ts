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

/** Keeps every request, so tests can count them by operation and read what was sent. */
export class RequestLog {
  #records: RequestRecord[] = [];

  /** Adds a request. */
  add(record: RequestRecord): void {
    this.#records.push(record);
  }

  /** Every request so far, oldest first. */
  get records(): readonly RequestRecord[] {
    return this.#records;
  }

  /** How many requests there were, for one operation or in all. */
  count(operationName?: string): number {
    return operationName === undefined
      ? this.#records.length
      : this.#records.filter((record) => record.operationName === operationName).length;
  }

  /** Forgets every request. */
  clear(): void {
    this.#records = [];
  }
}
