import { TribeNetworkError } from '../errors.js';
import { MESSAGES } from '../messages.js';
import { invalid } from '../options/rules.js';

/** A client of the `redis` package (v4 or later): raw commands go through `sendCommand`. */
export interface NodeRedisLike {
  /** Sends one command given as its words, e.g. `['GET', key]`. */
  sendCommand(args: string[]): Promise<unknown>;
}

/** An `ioredis` client: raw commands go through `call`. */
export interface IoRedisLike {
  /** Sends one command by name with its arguments. */
  call(command: string, ...args: string[]): Promise<unknown>;
}

/** The app's own Redis client, of either package; the SDK never opens a connection itself. */
export type RedisClientLike = NodeRedisLike | IoRedisLike;

/** Runs one raw Redis command and resolves with its reply. */
export type RedisCommand = (args: string[]) => Promise<unknown>;

function isIoRedis(client: RedisClientLike): client is IoRedisLike {
  // node-redis has no `call`; ioredis also has a `sendCommand`, but it takes a Command object.
  return typeof (client as Partial<IoRedisLike>).call === 'function';
}

/**
 * Adapts the app's client to one raw-command function, bounded in time: a client whose connection
 * is down queues commands until it reconnects, and no call of the SDK may hang on that.
 */
export function redisCommand(client: RedisClientLike, timeoutMs: number): RedisCommand {
  if (typeof client !== 'object' || client === null) invalid('client', 'a redis (v4+) or ioredis client');
  let send: RedisCommand;
  if (isIoRedis(client)) send = (args) => client.call(args[0]!, ...args.slice(1));
  else if (typeof client.sendCommand === 'function') send = (args) => client.sendCommand(args);
  else invalid('client', 'a redis (v4+) or ioredis client (it has neither sendCommand nor call)');
  return (args) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new TribeNetworkError(MESSAGES.redisTimeout(args[0]!, timeoutMs))), timeoutMs);
      send(args).then(
        (reply) => {
          clearTimeout(timer);
          resolve(reply);
        },
        (cause: unknown) => {
          clearTimeout(timer);
          // The client's own error may quote the command, and with it a token: keep only its class.
          reject(new TribeNetworkError(MESSAGES.redisFailed(args[0]!, cause instanceof Error ? cause.name : 'error')));
        },
      );
    });
}
