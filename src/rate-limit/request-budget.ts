import type { DocumentNode } from 'graphql';
import { complexityBounds } from './estimate-complexity.js';
import { RateLimitQueue, type RateLimitQueueEvents } from './rate-limit-queue.js';
import type { RateLimitStore } from './rate-limit-store.js';
import { documentCost, evaluateStaticCost, type OperationCosts } from './static-cost.js';

/** How many shapes of call (operation and page size) the budget remembers the cost of. */
const MAX_SHAPES = 1_000;

/** One admitted attempt, to settle once its answer reports its cost. */
export interface BudgetTicket {
  shape: string;
  charged: number;
  /** When the window it was charged to ends, if the store said. */
  windowEndsAt?: number | undefined;
  /** It opened its window. */
  firstInWindow?: boolean;
  /** The store's name for that window, if it gave one. */
  window?: string | undefined;
  settle?: () => void;
}

/**
 * Admits each attempt of a client's calls against its network's burst window. What an attempt is
 * charged up front is the cost its answer reported last time for the same operation and page size,
 * else its static cost from codegen (see {@link OperationCosts}), else the most the document can cost
 * (see {@link complexityBounds}); the difference is charged or given back when its answer comes.
 * Until a shape without a static cost is known its attempts go one at a time, so that the high first
 * charge holds back one call, not a burst of them.
 */
export class RequestBudget {
  readonly #queue: RateLimitQueue;
  readonly #key: string;
  readonly #costs = new Map<string, number>();
  readonly #probes = new Map<string, Promise<void>>();

  readonly #staticCosts: OperationCosts;

  constructor(store: RateLimitStore, key: string, events: RateLimitQueueEvents, staticCosts: OperationCosts = {}) {
    this.#queue = new RateLimitQueue(store, events);
    this.#key = key;
    this.#staticCosts = staticCosts;
  }

  /** What the attempt is charged before its answer: the cost learned from the last answer, else the static one, else undefined. */
  #expectedCost(shape: string, operationName: string, variables: Record<string, unknown> | undefined): number | undefined {
    const known = this.#costs.get(shape);
    if (known !== undefined) return known;
    const cost = Object.hasOwn(this.#staticCosts, operationName) ? this.#staticCosts[operationName] : undefined;
    return cost && evaluateStaticCost(cost, variables);
  }

  /** Waits until the attempt may be sent; rejects with `TribeAbortError` when `signal` aborts first. */
  async admit(
    document: DocumentNode,
    operationName: string,
    variables: Record<string, unknown> | undefined,
    signal: AbortSignal | undefined,
  ): Promise<BudgetTicket> {
    const shape = `${operationName}|${String(variables?.limit ?? '')}`;
    let known = documentCost(document) ?? this.#expectedCost(shape, operationName, variables);
    while (known === undefined && this.#probes.has(shape)) {
      await this.#probes.get(shape);
      known = this.#expectedCost(shape, operationName, variables);
    }
    // The upper bound, not a guess: other processes take from the same window before this answer can correct it.
    const ticket: BudgetTicket = { shape, charged: known ?? complexityBounds(document, variables).high };
    if (known === undefined) this.#probes.set(shape, new Promise<void>((resolve) => (ticket.settle = resolve)));
    try {
      Object.assign(ticket, await this.#queue.acquire(this.#key, { requests: 1, complexity: ticket.charged }, operationName, signal));
    } catch (error) {
      this.#endProbe(ticket);
      throw error;
    }
    return ticket;
  }

  /** Charges the rest of the attempt's cost (or gives back the excess) once the answer reported it. */
  settle(ticket: BudgetTicket, reported: unknown): void {
    if (ticket.firstInWindow) this.#queue.restartWindow(this.#key, ticket.window);
    if (typeof reported === 'number' && Number.isFinite(reported) && reported >= 0) {
      this.#queue.charge(this.#key, reported - ticket.charged, ticket);
      if (this.#costs.size >= MAX_SHAPES && !this.#costs.has(ticket.shape)) this.#costs.delete(this.#costs.keys().next().value!);
      this.#costs.set(ticket.shape, reported);
    }
    this.#endProbe(ticket);
  }

  #endProbe(ticket: BudgetTicket): void {
    if (!ticket.settle) return;
    this.#probes.delete(ticket.shape);
    ticket.settle();
  }
}
