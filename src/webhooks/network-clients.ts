import { createTribeClient, type TribeClient, type TribeClientOptions } from '../index.js';

/** The app's credentials and client options for the clients handed to webhook handlers; the network comes from each delivery. */
export type WebhookClientOptions = Omit<TribeClientOptions, 'networkId'>;

/** How many networks' clients are kept by default; the least recently used one is dropped when room is needed. */
export const DEFAULT_MAX_NETWORK_CLIENTS = 100;

/** One client per network, built on first use and kept (bounded) so that each network's tokens are minted once and cached. */
export class NetworkClients {
  readonly #clients = new Map<string, TribeClient>();
  readonly #options: WebhookClientOptions;
  readonly #maxClients: number;

  constructor(options: WebhookClientOptions, maxClients = DEFAULT_MAX_NETWORK_CLIENTS) {
    this.#options = options;
    this.#maxClients = maxClients;
    // Built once up front so that bad credentials or options fail when the handler is created, not on the first delivery.
    createTribeClient({ ...options, networkId: 'validation' }).close();
  }

  /** The client acting on `networkId` as the app's bot. */
  for(networkId: string): TribeClient {
    let client = this.#clients.get(networkId);
    if (client) {
      this.#clients.delete(networkId);
    } else {
      if (this.#clients.size >= this.#maxClients) {
        // Dropped, not closed: a handler still running may be using it.
        this.#clients.delete(this.#clients.keys().next().value!);
      }
      client = createTribeClient({ ...this.#options, networkId });
    }
    this.#clients.set(networkId, client);
    return client;
  }

  /** Closes every client. */
  close(): void {
    for (const client of this.#clients.values()) client.close();
    this.#clients.clear();
  }
}
