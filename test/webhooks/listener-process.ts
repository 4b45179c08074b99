/**
 * A plain node:http server with toNodeListener, run as its own process by the tests: argv[2] is JSON
 * `{ secret, bodyTimeoutMs, countFailures }`. It prints `{ port }` once listening; each line `stats` on
 * stdin prints what onError heard, its RSS, and (with countFailures) the unhandled rejections and
 * uncaught exceptions it survived. Without countFailures either ends the process, as in any app.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { createWebhookHandler, toNodeListener, TribeWebhookError } from '../../src/webhooks/index.js';

const { secret, bodyTimeoutMs, countFailures } = JSON.parse(process.argv[2] ?? '{}') as { secret: string; bodyTimeoutMs?: number; countFailures?: boolean };
const reasons: Record<string, number> = {};
const failures = { unhandledRejections: 0, uncaughtExceptions: 0 };
if (countFailures) {
  process.on('unhandledRejection', () => void (failures.unhandledRejections += 1));
  process.on('uncaughtException', () => void (failures.uncaughtExceptions += 1));
}
const handler = createWebhookHandler({
  signingSecret: secret,
  bodyTimeoutMs,
  onError: (error) => {
    const reason = error instanceof TribeWebhookError ? error.reason : 'other';
    reasons[reason] = (reasons[reason] ?? 0) + 1;
  },
});
const server = createServer(toNodeListener(handler));
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'stats') process.stdout.write(`${JSON.stringify({ reasons, rss: process.memoryUsage().rss, ...failures })}\n`);
});
process.stdin.on('end', () => process.exit(0));
