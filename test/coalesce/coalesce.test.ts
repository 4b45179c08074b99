import { describe, expect, it } from 'vitest';
import { createTribeClient, TribeConfigError, TribeGraphQLError, TribeNotFoundError, type TribeClient } from '../../src/index.js';
import { appOptions, startOwnEmulator, useEmulator } from '../support/emulator.js';

const emulator = useEmulator();

function clients() {
  const made: TribeClient[] = [];
  const make = (extra: { coalesce?: boolean } = {}): TribeClient => {
    const client = createTribeClient({ ...appOptions(emulator.current), ...extra });
    made.push(client);
    return client;
  };
  return { make, close: () => made.forEach((client) => client.close()) };
}

describe('coalesce', () => {
  it('merges the lookups of one tick into one request, and gives each caller its own member', async () => {
    const { make, close } = clients();
    try {
      const tribe = make({ coalesce: true });
      await tribe.getAccessToken();
      const e = emulator.current;
      e.reset();
      const before = e.requestCount();
      const people = e.store.data.members.filter((member) => !member.isBot);
      const found = await Promise.all(people.map((member) => tribe.sdk.member({ id: member.id })));
      expect(found.map((answer) => answer.member.id)).toEqual(people.map((member) => member.id));
      expect(found.map((answer) => answer.member.name)).toEqual(people.map((member) => member.name));
      expect(e.requestCount() - before).toBe(1);
      expect(e.requestCount('coalesced')).toBe(1);
    } finally {
      close();
    }
  });

  it('fails only the caller whose field failed, with its own typed error and path', async () => {
    const { make, close } = clients();
    try {
      const direct = make();
      const batch = direct.batch();
      const e = emulator.current;
      const [first, second] = e.store.data.members.filter((member) => !member.isBot);
      const results = await Promise.allSettled([batch.member({ id: first!.id }), batch.member({ id: 'MbrNoSuchOne' }), batch.member({ id: second!.id })]);
      expect(results[0]).toMatchObject({ status: 'fulfilled', value: { member: { id: first!.id } } });
      expect(results[2]).toMatchObject({ status: 'fulfilled', value: { member: { id: second!.id } } });
      expect(results[1]!.status).toBe('rejected');
      const error = (results[1] as PromiseRejectedResult).reason as TribeNotFoundError;
      expect(error).toBeInstanceOf(TribeNotFoundError);
      expect(error.operationName).toBe('member');
      expect(error.errors.map((entry) => entry.path)).toEqual([['member']]);
      const alone = (await direct.sdk.member({ id: 'MbrNoSuchOne' }).catch((failure: unknown) => failure)) as TribeNotFoundError;
      expect(alone).toBeInstanceOf(TribeNotFoundError);
      expect(error.data).toEqual(alone.data);
      expect(error.errors).toEqual(alone.errors);
      expect(error.message).toBe(alone.message);
    } finally {
      close();
    }
  });

  it('sends a merged request the server refuses as a whole again unmerged: only the faulty call fails', async () => {
    const { make, close } = clients();
    try {
      const tribe = make({ coalesce: true });
      const e = emulator.current;
      const id = e.store.data.members[0]!.id;
      const results = await Promise.allSettled([
        tribe.request('query one($id: ID!) { member(id: $id) { id } }', { id }),
        tribe.request('query broken { network { id noSuchField } }'),
        tribe.request('query two { network { id name } }'),
      ]);
      expect(results[0]).toMatchObject({ status: 'fulfilled', value: { member: { id } } });
      expect(results[2]).toMatchObject({ status: 'fulfilled', value: { network: { id: e.networkId, name: e.store.data.network.name } } });
      expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(TribeGraphQLError);
      expect(String((results[1] as PromiseRejectedResult).reason.message)).toContain('noSuchField');
    } finally {
      close();
    }
  });

  it('never merges mutations unless asked, and keeps each merged request under the cost cap', async () => {
    const own = await startOwnEmulator();
    const tribe = createTribeClient({ ...appOptions(own), coalesce: { maxCost: 500 } });
    const askedClient = createTribeClient({ ...appOptions(own) });
    const asked = askedClient.batch({ mutations: true });
    try {
      await tribe.getAccessToken();
      const [first, second] = own.store.data.members.filter((member) => !member.isBot);
      await Promise.all([first, second].map((member) => tribe.sdk.updateMember({ id: member!.id, input: { tagline: 'one' } })));
      expect(own.requestCount('updateMember')).toBe(2);
      expect(own.requestCount('coalesced')).toBe(0);
      const updated = await Promise.all([first, second].map((member) => asked.updateMember({ id: member!.id, input: { tagline: `two ${member!.id}` } })));
      expect(updated.map((answer) => answer.updateMember.tagline)).toEqual([`two ${first!.id}`, `two ${second!.id}`]);
      expect(own.requestCount('coalesced')).toBe(1);

      // posts(limit: 10) costs 142 by the static cost: three fit under 500, so seven calls take three requests.
      own.reset();
      const before = own.requestCount('coalesced');
      const pages = await Promise.all(Array.from({ length: 7 }, () => tribe.sdk.posts({ limit: 10 })));
      expect(pages.every((page) => page.posts.nodes?.length === 10)).toBe(true);
      expect(own.requestCount('coalesced') - before).toBe(2);
      expect(own.requestCount('posts')).toBe(1);
    } finally {
      tribe.close();
      askedClient.close();
    }
  });

  it('refuses a bad coalesce option before anything is sent', () => {
    for (const coalesce of ['yes', { maxCost: 0 }, { mutations: 'no' }]) {
      expect(() => createTribeClient({ ...appOptions(emulator.current), coalesce: coalesce as never })).toThrow(TribeConfigError);
    }
    expect(() => createTribeClient(appOptions(emulator.current)).batch({ maxCost: -1 })).toThrow(TribeConfigError);
  });
});
