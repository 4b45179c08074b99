import { afterAll, describe, expect, it } from 'vitest';
import { createTribeClient, paginate, type TribeClient, TribeForbiddenError, TribeNotFoundError } from '../../src/index.js';
import { appOptions, useEmulator } from '../support/emulator.js';
import { ownEmulatorAndClient } from './own-client.js';

const emulator = useEmulator();
let client: TribeClient | undefined;
const tribe = () => (client ??= createTribeClient(appOptions(emulator.current)));
afterAll(() => client?.close());

describe('spaceJoinRequests', () => {
  it('lists the stored requests to join the private space, by status and member, with who asked', async () => {
    const { spaceJoinRequests } = await tribe().sdk.spaceJoinRequests({ limit: 10, spaceId: 'SpcCrewOnly' });
    expect(spaceJoinRequests.nodes?.map(({ id, status, member }) => [id, status, member?.name])).toEqual([
      ['JrqGrace001', 'COMPLETED', 'Grace Hopper'],
      ['JrqMarga002', 'DECLINED', 'Margaret Hamilton'],
      ['JrqLinus003', 'PENDING', 'Linus Torvalds'],
      ['JrqMarga004', 'PENDING', 'Margaret Hamilton'],
    ]);
    expect(spaceJoinRequests.totalCount).toBe(emulator.current.store.data.spaceJoinRequests.length);
    const pending = await paginate(tribe().sdk.spaceJoinRequests, { limit: 1, spaceId: 'SpcCrewOnly', status: 'PENDING' }).collect();
    expect(pending.map((request) => request.member?.id)).toEqual(['MbrLinusT3', 'MbrMargaH4']);
    const margaret = await tribe().sdk.spaceJoinRequests({ limit: 10, memberId: 'MbrMargaH4' });
    expect(margaret.spaceJoinRequests.nodes?.map((request) => request.status)).toEqual(['DECLINED', 'PENDING']);
    expect((await tribe().sdk.spaceJoinRequests({ limit: 10, spaceId: 'SpcGeneral' })).spaceJoinRequests.nodes).toEqual([]);
  });

  it('a member sees only their own requests, and not those of others', async () => {
    const linus = tribe().impersonate('MbrLinusT3');
    const own = await linus.spaceJoinRequests({ limit: 10 });
    expect(own.spaceJoinRequests.nodes?.map((request) => [request.id, request.spaceId])).toEqual([['JrqLinus003', 'SpcCrewOnly']]);
    await expect(linus.spaceJoinRequests({ limit: 10, memberId: 'MbrMargaH4' })).rejects.toBeInstanceOf(TribeForbiddenError);
    // The private space itself stays hidden from a non-member, as everywhere else.
    await expect(linus.spaceJoinRequests({ limit: 10, spaceId: 'SpcCrewOnly' })).rejects.toBeInstanceOf(TribeNotFoundError);
  });

  it('follows the store: a request added to the data is listed', async () => {
    const { own, ownClient } = await ownEmulatorAndClient();
    own.store.data.spaceJoinRequests.push({ id: 'JrqAdaNew05', spaceId: 'SpcShowTel', memberId: 'MbrAdaL001', status: 'PENDING', createdAt: new Date().toISOString() });
    const { spaceJoinRequests } = await ownClient.sdk.spaceJoinRequests({ limit: 10, status: 'PENDING', spaceId: 'SpcShowTel' });
    expect(spaceJoinRequests.nodes).toMatchObject([{ id: 'JrqAdaNew05', member: { id: 'MbrAdaL001', username: 'ada' } }]);
  });
});
