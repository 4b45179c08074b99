import { createHmac, randomUUID } from 'node:crypto';
import type { EmulatorWebhookEnvelope } from './webhook-events.js';

/** Where and how the emulator delivers webhooks. */
export interface EmulatorWebhookOptions {
  /** The app's webhook URL (http or https). */
  url: string;
  /** The secret deliveries are signed with. */
  signingSecret: string;
  /** Attempts per delivery, the first included (default 3); retried after a network error, a timeout, a 429 or a 5xx. */
  maxAttempts?: number;
  /** The wait before the first retry, in ms, doubled for each further one (default 100). */
  retryDelayMs?: number;
  /** How long one attempt may take, in ms (default 5000). */
  timeoutMs?: number;
  /** Told of every attempt once it ended: what was sent where, how it went, and when the next one follows. */
  onAttempt?: (report: AttemptReport) => void;
}

/** One ended delivery attempt, as {@link EmulatorWebhookOptions.onAttempt} hears of it. */
export interface AttemptReport {
  record: DeliveryRecord;
  url: string;
  maxAttempts: number;
  /** The wait before the next attempt at this delivery, in ms; undefined when there is none. */
  nextRetryInMs: number | undefined;
}

/** A fault the next delivery attempt gets: a signature made with another secret, a timestamp 16 minutes old, or the same request sent twice. */
export type WebhookFault = 'bad-signature' | 'stale-timestamp' | 'duplicate';

/** One attempt in the delivery log. */
export interface DeliveryRecord {
  /** Shared by every attempt at one delivery. */
  deliveryId: string;
  type: string;
  /** The event name of a `SUBSCRIPTION`. */
  name: string | undefined;
  /** `data.id` of a `SUBSCRIPTION`. */
  eventId: string | undefined;
  attempt: number;
  fault: WebhookFault | undefined;
  /** The app's HTTP status; undefined when no answer came. */
  status: number | undefined;
  /** The app's answer, parsed when it was JSON. */
  answer: unknown;
  /** Why no answer came (connection refused, timeout). */
  error: string | undefined;
  at: string;
}

/** How a delivery ended: the last attempt's answer. */
export interface DeliveryOutcome {
  ok: boolean;
  status: number | undefined;
  answer: unknown;
  attempts: number;
}

const MAX_LOG = 1_000;
const MAX_ANSWER_BYTES = 64 * 1024;
const STALE_BY_MS = 16 * 60_000;

function isRetryable(status: number | undefined): boolean {
  return status === undefined || status === 429 || status >= 500;
}

/** The app's answer, at most MAX_ANSWER_BYTES of it: the rest is not read. */
async function readAnswer(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Buffer[] = [];
  let length = 0;
  while (length <= MAX_ANSWER_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(Buffer.from(value));
    length += value.length;
  }
  await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES).toString('utf8');
}

function parseAnswer(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Why an attempt got no answer: fetch's message with its cause (`fetch failed (connect ECONNREFUSED ...)`). */
function failureOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
  return cause ? `${message} (${cause})` : message;
}

/** Sends signed deliveries one at a time, in order, retrying failures a bounded number of times, and logs each attempt. */
export class WebhookDeliverer {
  readonly #options: Required<Omit<EmulatorWebhookOptions, 'onAttempt'>> & Pick<EmulatorWebhookOptions, 'onAttempt'>;
  readonly #log: DeliveryRecord[] = [];
  #faults: WebhookFault[] = [];
  #tail: Promise<unknown> = Promise.resolve();
  #pending = 0;
  readonly #stop = new AbortController();

  constructor(options: EmulatorWebhookOptions) {
    const url = new URL(options.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('tribe-sdk emulator: webhooks.url must be an http(s) URL');
    if (typeof options.signingSecret !== 'string' || options.signingSecret === '')
      throw new Error('tribe-sdk emulator: webhooks.signingSecret must be a non-empty string');
    this.#options = { maxAttempts: 3, retryDelayMs: 100, timeoutMs: 5_000, ...options, url: url.href };
  }

  /** Every attempt so far, oldest first (the last 1000). */
  get records(): readonly DeliveryRecord[] {
    return this.#log;
  }

  /** Queues a delivery; resolves when it was answered with a 2xx or its attempts ran out. */
  deliver(envelope: EmulatorWebhookEnvelope): Promise<DeliveryOutcome> {
    this.#pending += 1;
    const run = this.#tail.then(() => this.#send(envelope)).finally(() => void (this.#pending -= 1));
    this.#tail = run.catch(() => undefined);
    return run;
  }

  /** Gives the next `times` attempts this fault. */
  injectFault(fault: WebhookFault, times = 1): void {
    for (let index = 0; index < times; index += 1) this.#faults.push(fault);
  }

  /** Resolves once every queued delivery has ended. */
  async idle(): Promise<void> {
    while (this.#pending > 0) await this.#tail;
  }

  /** Forgets the faults not yet used and the log. */
  reset(): void {
    this.#faults = [];
    this.#log.length = 0;
  }

  /** Stops: attempts in flight are aborted and nothing more is sent. */
  close(): void {
    this.#stop.abort();
  }

  async #send(envelope: EmulatorWebhookEnvelope): Promise<DeliveryOutcome> {
    const deliveryId = randomUUID();
    const body = JSON.stringify(envelope);
    let outcome: DeliveryOutcome = { ok: false, status: undefined, answer: undefined, attempts: 0 };
    for (let attempt = 1; attempt <= this.#options.maxAttempts && !this.#stop.signal.aborted; attempt += 1) {
      if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, this.#retryDelay(attempt)));
      const fault = this.#faults.shift();
      const headers = this.#sign(body, fault);
      for (let copy = fault === 'duplicate' ? 2 : 1; copy > 0; copy -= 1) {
        const record = await this.#attempt(body, headers);
        const entry: DeliveryRecord = {
          deliveryId,
          type: envelope.type,
          name: envelope.data.name as string | undefined,
          eventId: envelope.data.id as string | undefined,
          attempt,
          fault,
          ...record,
        };
        this.#record(entry);
        this.#report(entry, copy === 1);
        outcome = {
          ok: record.status !== undefined && record.status >= 200 && record.status < 300,
          status: record.status,
          answer: record.answer,
          attempts: attempt,
        };
      }
      if (outcome.ok || !isRetryable(outcome.status)) break;
    }
    return outcome;
  }

  /** The wait before attempt number `attempt` (from 2 on): `retryDelayMs`, doubled for each further one. */
  #retryDelay(attempt: number): number {
    return this.#options.retryDelayMs * 2 ** (attempt - 2);
  }

  /** Tells `onAttempt`; the last copy of an attempt says whether (and when) a retry follows. */
  #report(record: DeliveryRecord, last: boolean): void {
    const { onAttempt, maxAttempts, url } = this.#options;
    if (!onAttempt) return;
    const ok = record.status !== undefined && record.status >= 200 && record.status < 300;
    const retries = last && !ok && isRetryable(record.status) && record.attempt < maxAttempts && !this.#stop.signal.aborted;
    onAttempt({ record, url, maxAttempts, nextRetryInMs: retries ? this.#retryDelay(record.attempt + 1) : undefined });
  }

  #sign(body: string, fault: WebhookFault | undefined): Record<string, string> {
    const timestamp = String(Date.now() - (fault === 'stale-timestamp' ? STALE_BY_MS : 0));
    const secret = fault === 'bad-signature' ? `not-${this.#options.signingSecret}` : this.#options.signingSecret;
    const signature = createHmac('sha256', secret).update(`${timestamp}:`).update(body).digest('hex');
    return { 'content-type': 'application/json', 'x-bettermode-signature': signature, 'x-bettermode-request-timestamp': timestamp };
  }

  async #attempt(body: string, headers: Record<string, string>): Promise<Pick<DeliveryRecord, 'status' | 'answer' | 'error' | 'at'>> {
    const at = new Date().toISOString();
    // A timer and a controller held here, not AbortSignal.any over AbortSignal.timeout: on Node 20 a timeout signal
    // only reachable through any() can be collected before it fires, and the attempt then hangs.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error(`no answer within ${this.#options.timeoutMs} ms`)), this.#options.timeoutMs);
    const onStop = (): void => controller.abort(this.#stop.signal.reason);
    this.#stop.signal.addEventListener('abort', onStop, { once: true });
    try {
      const response = await fetch(this.#options.url, { method: 'POST', headers, body, signal: controller.signal, redirect: 'manual' });
      return { status: response.status, answer: parseAnswer(await readAnswer(response)), error: undefined, at };
    } catch (error) {
      return { status: undefined, answer: undefined, error: failureOf(error), at };
    } finally {
      clearTimeout(timer);
      this.#stop.signal.removeEventListener('abort', onStop);
    }
  }

  #record(record: DeliveryRecord): void {
    if (this.#log.length >= MAX_LOG) this.#log.shift();
    this.#log.push(record);
  }
}
