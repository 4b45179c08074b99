import { afterAll, describe, expect, it } from 'vitest';
import { createTribeClient, type TribeClient, TribeNotFoundError } from '../../src/index.js';
import { appOptions, useEmulator } from '../support/emulator.js';

const emulator = useEmulator();
let client: TribeClient | undefined;
const tribe = () => (client ??= createTribeClient(appOptions(emulator.current)));
afterAll(() => client?.close());

describe('network and app operations', () => {
  it('network returns the network the token belongs to, with live counters', async () => {
    const { network } = await tribe().sdk.network();
    expect(network).toMatchObject({ id: emulator.current.networkId, name: 'Acme Makers', visibility: 'public' });
    expect(network.membersCount).toBe(emulator.current.store.people().length);
  });

  it('updateAppNetworkSettings stores settings that getAppNetworkSettings then returns', async () => {
    const { appId } = emulator.current;
    const settings = JSON.stringify({ welcomeSpace: 'SpcGeneral', digest: 'weekly' });
    const { updateAppNetworkSettings } = await tribe().sdk.updateAppNetworkSettings({ appId, settings });
    expect(updateAppNetworkSettings).toEqual({ status: 'succeeded', data: settings });
    const { getAppNetworkSettings } = await tribe().sdk.getAppNetworkSettings({ appId });
    expect(JSON.parse(getAppNetworkSettings)).toEqual({ welcomeSpace: 'SpcGeneral', digest: 'weekly' });

    await tribe().sdk.updateAppNetworkSettings({ appId, settings: '{"digest":"daily"}' });
    expect((await tribe().sdk.getAppNetworkSettings({ appId })).getAppNetworkSettings).toBe('{"digest":"daily"}');
  });

  it('getAppNetworkSettings answers not found for an app that does not exist', async () => {
    await expect(tribe().sdk.getAppNetworkSettings({ appId: 'AppMissing0' })).rejects.toThrow(TribeNotFoundError);
  });
});
