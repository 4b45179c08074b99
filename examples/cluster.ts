// Many workers, one budget: node:cluster forks workers that share the app's tokens and the network's
// rate limit through Redis, so that together they mint once and stay under the plan's limits.
// Run: REDIS_URL=redis://127.0.0.1:6379 TRIBE_CLIENT_ID=… TRIBE_CLIENT_SECRET=… TRIBE_NETWORK_ID=… npx tsx cluster.ts
import cluster from 'node:cluster';
import { createClient } from 'redis';
import { createTribeClient, type TribeEvent } from 'tribe-sdk';
import { createRateLimitStore } from 'tribe-sdk/rate-limit';
import { createRedisTokenStore } from 'tribe-sdk/redis';

const { TRIBE_CLIENT_ID, TRIBE_CLIENT_SECRET, TRIBE_NETWORK_ID, TRIBE_API_URL, REDIS_URL } = process.env;
if (!TRIBE_CLIENT_ID || !TRIBE_CLIENT_SECRET || !TRIBE_NETWORK_ID || !REDIS_URL) {
  console.error('Set REDIS_URL, TRIBE_CLIENT_ID, TRIBE_CLIENT_SECRET and TRIBE_NETWORK_ID (and TRIBE_API_URL for another endpoint).');
  process.exit(2);
}
const WORKERS = 4;
const CALLS_PER_WORKER = 25;

if (cluster.isPrimary) {
  let mints = 0;
  let delayed = 0;
  for (let index = 0; index < WORKERS; index++) {
    cluster.fork().on('message', (message: { mints: number; delayed: number }) => {
      mints += message.mints;
      delayed += message.delayed;
    });
  }
  let exited = 0;
  cluster.on('exit', (worker, code) => {
    if (code !== 0) process.exitCode = 1;
    if (++exited === WORKERS)
      console.log(`${WORKERS} workers made ${WORKERS * CALLS_PER_WORKER} calls with ${mints} mint(s); ${delayed} call(s) waited for the rate limit`);
  });
} else {
  const redis = createClient({ url: REDIS_URL });
  await redis.connect();
  let mints = 0;
  let delayed = 0;
  const onEvent = (event: TribeEvent): void => {
    if (event.type === 'token-minted') mints += 1;
    if (event.type === 'rate-limit-wait') delayed += 1;
  };
  const tribe = createTribeClient({
    clientId: TRIBE_CLIENT_ID,
    clientSecret: TRIBE_CLIENT_SECRET,
    networkId: TRIBE_NETWORK_ID,
    endpoint: TRIBE_API_URL,
    tokenCache: createRedisTokenStore({ client: redis }), // one mint for all the workers
    rateLimit: createRateLimitStore({ plan: 'free', redis }), // one budget for all the workers: 100 requests per 10 s
    onEvent,
  });
  try {
    await Promise.all(Array.from({ length: CALLS_PER_WORKER }, () => tribe.sdk.network()));
  } finally {
    tribe.close();
    await redis.close();
  }
  process.send!({ mints, delayed });
  process.disconnect();
}
