/**
 * What a claim found: `true` the key was free (process the delivery), `false` it was processed (a
 * duplicate, answered as a success), `'in-progress'` another worker holds it and has not completed
 * (answered with a 5xx, so the platform delivers again later).
 */
export type DedupClaim = boolean | 'in-progress';

/** Remembers which deliveries were processed, so that a redelivery is processed once; share one between processes through Redis or the like. */
export interface WebhookDedupStore {
  /** Claims `key` for `ttlMs` (or the store's own claim timeout, when it has `complete`). */
  claim(key: string, ttlMs: number): DedupClaim | Promise<DedupClaim>;
  /** Frees `key` again, so that a delivery whose processing failed is processed when the platform retries it. */
  release(key: string): void | Promise<void>;
  /** Marks `key` processed for at least `ttlMs`, after its handlers succeeded; a store without it keeps the claim as the mark. */
  complete?(key: string, ttlMs: number): void | Promise<void>;
}

/** How many keys {@link MemoryDedupStore} keeps by default. */
export const DEFAULT_DEDUP_ENTRIES = 10_000;

/** The default store: in memory, bounded, forgetting a key when its time is up or when it is the oldest and room is needed. */
export class MemoryDedupStore implements WebhookDedupStore {
  readonly #expiries = new Map<string, number>();
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(options: { maxEntries?: number; now?: () => number } = {}) {
    this.#maxEntries = options.maxEntries ?? DEFAULT_DEDUP_ENTRIES;
    this.#now = options.now ?? Date.now;
  }

  /** How many keys are held now. */
  get size(): number {
    return this.#expiries.size;
  }

  /** Claims `key` unless an unexpired claim holds it. */
  claim(key: string, ttlMs: number): boolean {
    const now = this.#now();
    const expiry = this.#expiries.get(key);
    if (expiry !== undefined && expiry > now) return false;
    this.#expiries.delete(key);
    if (this.#expiries.size >= this.#maxEntries) this.#evict(now);
    this.#expiries.set(key, now + ttlMs);
    return true;
  }

  /** Frees `key`. */
  release(key: string): void {
    this.#expiries.delete(key);
  }

  // Keys are inserted in claim order, so the first ones are the oldest; expired ones go first, then the oldest.
  #evict(now: number): void {
    for (const [key, expiry] of this.#expiries) if (expiry <= now) this.#expiries.delete(key);
    while (this.#expiries.size >= this.#maxEntries) this.#expiries.delete(this.#expiries.keys().next().value!);
  }
}
