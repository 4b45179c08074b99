import { Agent, ProxyAgent, type Dispatcher } from 'undici';
import type { HttpExchange, RuntimeTransport, TransportSettings } from '../exchange.js';
import { createDispatchExchange } from './dispatch-exchange.js';
import { expectManyListeners } from './many-listeners.js';

/** The pools of one-off mints and token requests, one per distinct setting, kept for the process. */
const sharedDispatchers = new Map<string, Dispatcher>();
/** How many distinct shared pools are kept; past that the oldest is closed once idle. */
const MAX_SHARED_DISPATCHERS = 8;

/** A keep-alive pool of at most `maxConnections` per origin, through the proxy when one is set (a CONNECT tunnel, also for http). */
function createDispatcher(settings: TransportSettings): Dispatcher {
  const { maxConnections: connections, proxy } = settings;
  return proxy ? new ProxyAgent({ uri: proxy.uri, token: proxy.authorization, connections }) : new Agent({ connections });
}

/** The process's pool for these settings, shared by one-off mints and token requests. */
function sharedDispatcher(settings: TransportSettings): Dispatcher {
  const key = JSON.stringify([settings.maxConnections, settings.proxy?.uri, settings.proxy?.authorization]);
  let dispatcher = sharedDispatchers.get(key);
  if (dispatcher === undefined) {
    if (sharedDispatchers.size >= MAX_SHARED_DISPATCHERS) {
      const [oldestKey, oldest] = sharedDispatchers.entries().next().value!;
      sharedDispatchers.delete(oldestKey);
      void oldest.close().catch(() => undefined);
    }
    sharedDispatchers.set(key, (dispatcher = createDispatcher(settings)));
  }
  return dispatcher;
}

/**
 * The transport of the `node` condition: undici on a keep-alive pool. An `own` pool belongs to one
 * client, whose `close()` ends its sockets and the requests in flight; otherwise the pool is the
 * process's shared one for the same settings (one-off mints and token requests).
 */
export const runtimeTransport: RuntimeTransport = {
  createDefaultExchange(settings: TransportSettings, own: boolean): HttpExchange {
    return own ? createDispatchExchange(createDispatcher(settings), true) : createDispatchExchange(sharedDispatcher(settings), false);
  },
  expectManyListeners,
};
