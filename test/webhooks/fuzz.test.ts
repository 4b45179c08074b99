import fc from 'fast-check';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookHandler } from '../../src/webhooks/index.js';
import { fuzzRequest, otherHeaders, sample, signingHeaders, type FuzzRequest } from './fuzz-cases.js';
import { startListenerChild } from './listener-child.js';
import { rawExchange, type RawPiece } from '../support/raw-client.js';

// FUZZ_SEED replays a run; the default keeps CI deterministic.
const SEED = Number(process.env.FUZZ_SEED ?? 25);
const COUNT = 1_000;
const DEADLINE_MS = 300;
const SECRET = 'whsec-fuzz-5b7e2c9d1f';
const RSS_BOUND = 64 * 1024 * 1024;
// About 10 s each on a quiet machine; room for a busy one.
const FUZZ_TIMEOUT_MS = 90_000;

/** Runs `work` over `items`, `width` at a time. */
async function inBatches<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += width) results.push(...(await Promise.all(items.slice(start, start + width).map(work))));
  return results;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

const TRANSMISSIONS = ['whole', 'stall', 'hangup-body', 'hangup-head', 'oversize', 'chunked', 'chunked-bad', 'drip', 'short-length'] as const;

interface NodeCase {
  request: FuzzRequest;
  transmission: (typeof TRANSMISSIONS)[number];
  cut: number;
  pieces: number;
  pauseMs: number;
}

const nodeCase: fc.Arbitrary<NodeCase> = fc.record({
  request: fuzzRequest,
  transmission: fc.constantFrom(...TRANSMISSIONS),
  cut: fc.double({ min: 0, max: 1, noNaN: true }),
  pieces: fc.integer({ min: 2, max: 5 }),
  pauseMs: fc.integer({ min: 0, max: 40 }),
});

function head(pairs: Array<[string, string]>): string {
  const lines = [['host', '127.0.0.1'], ['connection', 'close'], ...pairs].map(([name, value]) => `${name}: ${value}`);
  return `POST /webhook HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}

function split(bytes: Uint8Array, count: number): Uint8Array[] {
  const size = Math.max(1, Math.ceil(bytes.length / count));
  const parts: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += size) parts.push(bytes.subarray(at, at + size));
  return parts;
}

/** The pieces to send for one case, and whether the client hangs up (so no answer is owed). */
function transmit({ request, transmission, cut, pieces, pauseMs }: NodeCase): { pieces: RawPiece[]; hangUp: boolean } {
  const headers = [...signingHeaders(request, SECRET), ...otherHeaders(request)];
  const { body } = request;
  const length = (value: number): Array<[string, string]> => [['content-length', String(value)]];
  const at = (total: number) => Math.floor(cut * total);
  switch (transmission) {
    case 'whole':
      return { pieces: [{ bytes: head([...headers, ...length(body.length)]) }, { bytes: body }], hangUp: false };
    case 'stall':
      return { pieces: [{ bytes: head([...headers, ...length(body.length + 1 + pieces)]) }, { bytes: body }], hangUp: false };
    case 'hangup-body':
      return {
        pieces: [{ bytes: head([...headers, ...length(body.length + 10)]) }, { bytes: body.subarray(0, at(body.length)), delayMs: pauseMs }],
        hangUp: true,
      };
    case 'hangup-head': {
      const text = head([...headers, ...length(body.length)]);
      return { pieces: [{ bytes: text.slice(0, at(text.length)) }], hangUp: true };
    }
    case 'oversize':
      return { pieces: [{ bytes: head([...headers, ...length(2 * 1024 * 1024 + pieces)]) }, { bytes: body }], hangUp: false };
    case 'chunked': {
      const chunks = split(body, pieces).map((part) => ({
        bytes: new Uint8Array([...Buffer.from(`${part.length.toString(16)}\r\n`), ...part, 13, 10]),
        delayMs: pauseMs,
      }));
      return { pieces: [{ bytes: head([...headers, ['transfer-encoding', 'chunked']]) }, ...chunks, { bytes: '0\r\n\r\n' }], hangUp: false };
    }
    case 'chunked-bad':
      return { pieces: [{ bytes: head([...headers, ['transfer-encoding', 'chunked']]) }, { bytes: 'zz\r\n' }, { bytes: body }], hangUp: false };
    case 'drip':
      return {
        pieces: [{ bytes: head([...headers, ...length(body.length)]) }, ...split(body, pieces).map((part) => ({ bytes: part, delayMs: pauseMs }))],
        hangUp: false,
      };
    case 'short-length':
      return { pieces: [{ bytes: head([...headers, ...length(at(body.length))]) }, { bytes: body }], hangUp: false };
  }
}

describe(`webhook fuzz: ${COUNT} random malformed requests (seed ${SEED})`, () => {
  it(
    'through toNodeListener in a server process: every request answered within the body deadline + 1 s, no crash, no unhandled rejection, RSS bounded',
    async () => {
      const child = await startListenerChild({ secret: SECRET, bodyTimeoutMs: DEADLINE_MS, countFailures: true });
      const before = await child.stats();
      const cases = sample(nodeCase, SEED, COUNT);
      const started = performance.now();
      const results = await inBatches(cases, 40, async (item) => {
        const { pieces, hangUp } = transmit(item);
        return { item, hangUp, answer: await rawExchange(child.port, pieces, { hangUp, waitMs: DEADLINE_MS + 1_500 }) };
      });
      const took = performance.now() - started;
      const owed = results.filter((result) => !result.hangUp);
      const unanswered = owed.filter(({ answer }) => answer.status === undefined || answer.answeredAfterMs! > DEADLINE_MS + 1_000);
      expect(unanswered.map(({ item }) => ({ transmission: item.transmission, signing: item.request.signing, bytes: item.request.body.length }))).toEqual([]);
      expect(owed.filter(({ answer }) => answer.status! >= 500).map(({ answer }) => answer.text.slice(0, 300))).toEqual([]);
      // Still serving a genuine delivery afterwards.
      const body = JSON.stringify({ type: 'TEST', data: { challenge: 'after-fuzz' } });
      const { platformSign } = await import('./signed.js');
      const last = await fetch(child.url, { method: 'POST', headers: platformSign(body, SECRET), body });
      expect(last.status).toBe(200);
      await sleep(50);
      const after = await child.stats();
      expect(child.exitCode()).toBeNull();
      expect(after.unhandledRejections).toBe(0);
      expect(after.uncaughtExceptions).toBe(0);
      expect(after.rss - before.rss).toBeLessThan(RSS_BOUND);
      const slowest = Math.max(...owed.map(({ answer }) => answer.answeredAfterMs!));
      console.info(
        `node fuzz: ${COUNT} requests in ${Math.round(took)} ms, ${owed.length} owed an answer, slowest ${Math.round(slowest)} ms, statuses ${JSON.stringify(countBy(owed, ({ answer }) => String(answer.status)))}, onError ${JSON.stringify(after.reasons)}, RSS ${(before.rss / 2 ** 20).toFixed(1)} -> ${(after.rss / 2 ** 20).toFixed(1)} MiB`,
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

const FORMS = ['bytes', 'stream', 'stream-error', 'stream-stall', 'stream-non-bytes', 'none'] as const;
const DECLARED = ['right', 'none', 'smaller', 'larger', 'huge', 'garbage'] as const;

interface WebCase {
  request: FuzzRequest;
  form: (typeof FORMS)[number];
  method: string;
  declared: (typeof DECLARED)[number];
  cut: number;
  pieces: number;
}

const webCase: fc.Arbitrary<WebCase> = fc.record({
  request: fuzzRequest,
  form: fc.constantFrom(...FORMS),
  method: fc.constantFrom('POST', 'POST', 'POST', 'POST', 'POST', 'POST', 'POST', 'GET', 'HEAD', 'PUT'),
  declared: fc.constantFrom(...DECLARED),
  cut: fc.double({ min: 0, max: 1, noNaN: true }),
  pieces: fc.integer({ min: 1, max: 6 }),
});

function bodyOf({ request, form, cut, pieces }: WebCase): BodyInit | undefined {
  const parts = split(request.body, pieces);
  const failAt = Math.floor(cut * parts.length);
  let index = 0;
  switch (form) {
    case 'bytes':
      return request.body;
    case 'none':
      return undefined;
    case 'stream':
    case 'stream-error':
    case 'stream-stall':
    case 'stream-non-bytes':
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          await sleep(1);
          if (index === failAt && form === 'stream-error') controller.error(new Error('connection reset'));
          else if (index === failAt && form === 'stream-stall') await new Promise(() => undefined);
          else if (index === failAt && form === 'stream-non-bytes') controller.enqueue({ not: 'bytes' } as unknown as Uint8Array);
          else if (index >= parts.length) controller.close();
          else controller.enqueue(parts[index]!);
          index += 1;
        },
      });
  }
}

function requestOf(item: WebCase): Request {
  const headers = new Headers();
  for (const [name, value] of [...signingHeaders(item.request, SECRET), ...otherHeaders(item.request)]) headers.append(name, value);
  const size = item.request.body.length;
  const declared = {
    right: String(size),
    none: undefined,
    smaller: String(Math.floor(size / 2)),
    larger: String(size + 100),
    huge: '1000000000000',
    garbage: 'abc',
  }[item.declared];
  if (declared !== undefined) headers.set('content-length', declared);
  const carriesBody = item.method !== 'GET' && item.method !== 'HEAD';
  const init = { method: item.method, headers, body: carriesBody ? bodyOf(item) : undefined, duplex: 'half' } as RequestInit;
  return new Request('http://127.0.0.1/webhook', init);
}

describe(`webhook fuzz: ${COUNT} random malformed Requests to the web handler (seed ${SEED})`, () => {
  const unhandled: unknown[] = [];
  const count = (reason: unknown) => void unhandled.push(reason);
  beforeAll(() => void process.on('unhandledRejection', count));
  afterAll(() => void process.off('unhandledRejection', count));

  it(
    'answers every one within the body deadline + 1 s, never 5xx, with no unhandled rejection and bounded RSS',
    async () => {
      const errors: unknown[] = [];
      const handler = createWebhookHandler({ signingSecret: SECRET, bodyTimeoutMs: DEADLINE_MS, onError: (error) => void errors.push(error) });
      const cases = sample(webCase, SEED, COUNT);
      const rssBefore = process.memoryUsage().rss;
      const started = performance.now();
      const results = await inBatches(cases, 50, async (item) => {
        const began = performance.now();
        const answer = await handler(requestOf(item));
        await answer.arrayBuffer();
        return { item, status: answer.status, ms: performance.now() - began };
      });
      const took = performance.now() - started;
      await sleep(50);
      const rssAfter = process.memoryUsage().rss;
      expect(results.filter(({ ms }) => ms > DEADLINE_MS + 1_000).map(({ item, ms }) => ({ form: item.form, declared: item.declared, ms }))).toEqual([]);
      expect(results.filter(({ status }) => status >= 500).map(({ item }) => ({ form: item.form, method: item.method }))).toEqual([]);
      expect(unhandled).toEqual([]);
      expect(rssAfter - rssBefore).toBeLessThan(RSS_BOUND);
      // Every refusal reached onError; a 2xx is a genuine delivery.
      expect(errors.length).toBe(results.filter(({ status }) => status >= 400 && status !== 405).length);
      console.info(
        `web fuzz: ${COUNT} requests in ${Math.round(took)} ms, slowest ${Math.round(Math.max(...results.map(({ ms }) => ms)))} ms, statuses ${JSON.stringify(countBy(results, ({ status }) => String(status)))}, RSS ${(rssBefore / 2 ** 20).toFixed(1)} -> ${(rssAfter / 2 ** 20).toFixed(1)} MiB`,
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
