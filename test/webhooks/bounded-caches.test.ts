import { describe, expect, it } from 'vitest';
import { MemoryDedupStore } from '../../src/webhooks/index.js';
import { NetworkClients } from '../../src/webhooks/network-clients.js';

describe('MemoryDedupStore', () => {
  it('claims a key once until its time is up or it is released', () => {
    let now = 1_000;
    const store = new MemoryDedupStore({ now: () => now });
    expect(store.claim('a', 100)).toBe(true);
    expect(store.claim('a', 100)).toBe(false);
    now += 99;
    expect(store.claim('a', 100)).toBe(false);
    now += 1;
    expect(store.claim('a', 100)).toBe(true);
    store.release('a');
    expect(store.claim('a', 100)).toBe(true);
  });

  it('stays within maxEntries, dropping expired keys first and then the oldest', () => {
    let now = 0;
    const store = new MemoryDedupStore({ maxEntries: 3, now: () => now });
    store.claim('short', 10);
    store.claim('old', 1_000);
    store.claim('newer', 1_000);
    now = 20;
    expect(store.claim('fourth', 1_000)).toBe(true);
    expect(store.size).toBe(3);
    expect(store.claim('old', 1_000)).toBe(false);
    expect(store.claim('fifth', 1_000)).toBe(true);
    expect(store.size).toBe(3);
    expect(store.claim('old', 1_000)).toBe(true);
    for (let index = 0; index < 100; index += 1) store.claim(`k${index}`, 1_000);
    expect(store.size).toBe(3);
  });
});

describe('NetworkClients', () => {
  const options = { clientId: 'id', clientSecret: 'secret', endpoint: 'http://127.0.0.1:9/graphql' };

  it('keeps one client per network and, past its bound, builds the least recently used one again', () => {
    const clients = new NetworkClients(options, 2);
    const first = clients.for('NetA');
    expect(clients.for('NetA')).toBe(first);
    const second = clients.for('NetB');
    clients.for('NetA');
    clients.for('NetC');
    expect(clients.for('NetA')).toBe(first);
    expect(clients.for('NetB')).not.toBe(second);
    clients.close();
  });

  it('checks the credentials when it is created', () => {
    expect(() => new NetworkClients({ ...options, clientId: '' })).toThrow('clientId must be a non-empty string');
  });
});
