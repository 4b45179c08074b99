import { afterEach } from 'vitest';
import { Redis as IoRedis } from 'ioredis';
import { createClient } from 'redis';
import type { RedisClientLike } from '../../src/redis/index.js';

/** A connected client of one of the two packages, and how to end it. */
export interface TestClient {
  client: RedisClientLike;
  /** The same client, for setting up raw keys in a test. */
  raw: { set(key: string, value: string): Promise<unknown>; get(key: string): Promise<string | null>; pttl(key: string): Promise<number> };
  close(): Promise<void>;
}

/** The two Redis packages an app may hand the SDK, each connected to `url`. */
export const CLIENT_KINDS = {
  async redis(url: string): Promise<TestClient> {
    // Keeps reconnecting with the offline queue on (the default), so commands sent while Redis is down wait: the SDK must not.
    const client = createClient({ url, socket: { reconnectStrategy: 50 } });
    client.on('error', () => undefined);
    await client.connect();
    return {
      client,
      raw: { set: (key, value) => client.set(key, value), get: (key) => client.get(key), pttl: (key) => client.pTTL(key) },
      // destroy, not close: close waits for queued commands, which never end while Redis is down.
      close: async () => void client.destroy(),
    };
  },
  async ioredis(url: string): Promise<TestClient> {
    const client = new IoRedis(url, { lazyConnect: true, retryStrategy: () => 50 });
    client.on('error', () => undefined);
    await client.connect();
    return {
      client,
      raw: { set: (key, value) => client.set(key, value), get: (key) => client.get(key), pttl: (key) => client.pttl(key) },
      close: async () => void client.disconnect(),
    };
  },
} as const;

/** Connects clients of one kind for the current file's tests and closes them after each test. */
export function useClients(kind: keyof typeof CLIENT_KINDS, defaultUrl: () => string): (url?: string) => Promise<TestClient> {
  const open: TestClient[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((client) => client.close()));
  });
  return async (url = defaultUrl()) => {
    const client = await CLIENT_KINDS[kind](url);
    open.push(client);
    return client;
  };
}
