/**
 * `npm run bench:webhooks`: the cost of verifying one delivery with `tribe-sdk/webhooks` (WebCrypto,
 * key imported once) as a ratio to the same work done with node:crypto (createHmac, timingSafeEqual,
 * JSON.parse), run side by side in one process, rounds alternating the order.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { createWebhookHandler, createWebhookVerifier } from '../src/webhooks/index.js';
import { median } from './stats.js';

const SECRET = 'bench-signing-secret';

/** One body size's figures: per-delivery median µs of each way, and the ratio of ours to node:crypto. */
export interface VerifyResult {
  bodyBytes: number;
  sdkUs: number;
  handlerUs: number;
  nodeCryptoUs: number;
  ratio: number;
  handlerRatio: number;
  /** Whether all three accepted the delivery every time (a check of the bench itself). */
  allAccepted: boolean;
}

function delivery(bytes: number, timestamp: number): { body: Uint8Array<ArrayBuffer>; headers: Record<string, string> } {
  const filler = 'x'.repeat(Math.max(0, bytes - 120));
  const text = JSON.stringify({ type: 'TEST', networkId: 'NetBench', data: { challenge: filler } });
  const signature = createHmac('sha256', SECRET).update(`${timestamp}:${text}`).digest('hex');
  return { body: new TextEncoder().encode(text), headers: { 'x-bettermode-signature': signature, 'x-bettermode-request-timestamp': String(timestamp) } };
}

function nodeCryptoVerify(body: Uint8Array, headers: Record<string, string>): boolean {
  const timestamp = headers['x-bettermode-request-timestamp']!;
  const expected = createHmac('sha256', SECRET).update(`${timestamp}:`).update(body).digest();
  const given = Buffer.from(headers['x-bettermode-signature']!, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  if (Math.abs(Date.now() - Number(timestamp)) > 15 * 60_000) return false;
  return typeof (JSON.parse(Buffer.from(body).toString('utf8')) as { type?: unknown }).type === 'string';
}

/** Measures each body size; `smoke` runs a few iterations only (correctness, not speed). */
export async function measureWebhookVerify({ smoke }: { smoke: boolean }): Promise<VerifyResult[]> {
  const verify = createWebhookVerifier({ signingSecret: SECRET });
  const handler = createWebhookHandler({ signingSecret: SECRET });
  const results: VerifyResult[] = [];
  for (const bodyBytes of [1024, 64 * 1024, 1024 * 1024 - 256]) {
    const { body, headers } = delivery(bodyBytes, Date.now());
    const samples = { sdk: [] as number[], handler: [] as number[], node: [] as number[] };
    let allAccepted = true;
    const tasks: Array<[keyof typeof samples, () => Promise<void> | void]> = [
      ['sdk', async () => void (allAccepted &&= (await verify({ rawBody: body, headers })).type === 'TEST')],
      ['handler', async () => void (allAccepted &&= (await handler(new Request('http://bench/webhook', { method: 'POST', headers, body }))).status === 200)],
      ['node', () => void (allAccepted &&= nodeCryptoVerify(body, headers))],
    ];
    for (let round = 0; round < (smoke ? 1 : 4); round += 1) {
      const bench = new Bench({ time: smoke ? 0 : 300, iterations: smoke ? 2 : 20, warmup: !smoke, warmupTime: 100, throws: true, retainSamples: true });
      for (let index = 0; index < tasks.length; index += 1) {
        const [name, run] = tasks[(index + round) % tasks.length]!;
        bench.add(name, run, { async: name !== 'node' });
      }
      await bench.run();
      for (const task of bench.tasks) {
        const result = task.result as { latency?: { samples?: number[] } };
        samples[task.name as keyof typeof samples].push(...(result.latency?.samples ?? []).map((ms) => ms * 1000));
      }
    }
    const sdkUs = median(samples.sdk);
    const handlerUs = median(samples.handler);
    const nodeCryptoUs = median(samples.node);
    results.push({ bodyBytes: body.length, sdkUs, handlerUs, nodeCryptoUs, ratio: sdkUs / nodeCryptoUs, handlerRatio: handlerUs / nodeCryptoUs, allAccepted });
  }
  return results;
}

/** The results as a markdown table. */
export function renderWebhookVerify(results: readonly VerifyResult[]): string {
  const rows = results.map(
    (row) =>
      `| ${row.bodyBytes} | ${row.nodeCryptoUs.toFixed(1)} | ${row.sdkUs.toFixed(1)} (${row.ratio.toFixed(2)}x) | ${row.handlerUs.toFixed(1)} (${row.handlerRatio.toFixed(2)}x) |`,
  );
  return ['| body bytes | node:crypto µs (baseline) | verifyWebhook µs (ratio) | createWebhookHandler µs (ratio) |', '| --- | --- | --- | --- |', ...rows].join(
    '\n',
  );
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) process.stdout.write(`${renderWebhookVerify(await measureWebhookVerify({ smoke: false }))}\n`);
