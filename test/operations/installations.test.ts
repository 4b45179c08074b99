import { afterAll, describe, expect, it } from 'vitest';
import { createTribeClient, paginate, type TribeClient, TribeForbiddenError, TribeNotFoundError } from '../../src/index.js';
import { asBearer, mintTokenRaw } from '../emulator/raw-graphql.js';
import { appOptions, useEmulator } from '../support/emulator.js';
import { ownEmulatorAndClient } from './own-client.js';

const emulator = useEmulator();
let client: TribeClient | undefined;
const tribe = () => (client ??= createTribeClient(appOptions(emulator.current)));
afterAll(() => client?.close());

/** What the store says is installed on the served network: the apps whose installedNetworkIds hold it. */
function storedInstallations() {
  const { apps, network } = emulator.current.store.data;
  return apps.filter((app) => app.installedNetworkIds.includes(network.id));
}

describe('app installation operations', () => {
  it('networkAppInstallations lists the apps installed on the network, from the store, and no other network', async () => {
    const { networkAppInstallations } = await tribe().sdk.networkAppInstallations({ limit: 10 });
    const nodes = networkAppInstallations.nodes ?? [];
    expect(nodes.map((node) => node.app?.id)).toEqual(storedInstallations().map((app) => app.id));
    expect(nodes.map((node) => node.app?.name)).toEqual(['Demo App', 'Polls', 'Weekly Digest']);
    expect(nodes.map((node) => node.app?.id)).not.toContain('AppDraft004');
    expect(networkAppInstallations.totalCount).toBe(3);
    expect(new Set(nodes.map((node) => node.network?.id))).toEqual(new Set([emulator.current.networkId]));
    expect(nodes.map((node) => node.network?.id)).not.toContain(emulator.current.uninstalledNetworkId);
    const [demo, polls] = nodes;
    expect(demo).toMatchObject({
      id: 'InsAppDemo001',
      status: 'ENABLED',
      permissions: ['FIND_MEMBERS', 'FIND_POSTS', 'CREATE_POST'],
      installedAt: emulator.current.store.data.apps[0]!.installedAt,
      installedBy: { id: 'MbrAdaL001', name: 'Ada Lovelace' },
      network: { name: 'Acme Makers', domain: emulator.current.store.data.network.domain },
    });
    expect(polls).toMatchObject({ app: { slug: 'polls' }, installedBy: { id: 'MbrGraceH2' }, permissions: ['FIND_POSTS', 'CREATE_REPLY'] });
    expect((await tribe().sdk.networkAppInstallations({ limit: 10, status: 'DISABLED' })).networkAppInstallations.nodes).toEqual([]);
    expect((await tribe().sdk.networkAppInstallations({ limit: 10, status: 'ENABLED' })).networkAppInstallations.totalCount).toBe(3);
  });

  it('paginate walks networkAppInstallations page by page, in installation order', async () => {
    const pages = [];
    for await (const page of paginate(tribe().sdk.networkAppInstallations, { limit: 1 }).pages()) pages.push(page.nodes.map((node) => node.id));
    expect(pages).toEqual([['InsAppDemo001'], ['InsAppPolls002'], ['InsAppDigest03']]);
    const reversed = await paginate(tribe().sdk.authMemberAppInstallations, { limit: 2, reverse: true }).collect();
    expect(reversed.map((node) => node.app?.slug)).toEqual(['weekly-digest', 'polls', 'demo-app']);
  });

  it('follows the store: uninstalling an app takes its installation away', async () => {
    const { own, ownClient } = await ownEmulatorAndClient();
    own.store.data.apps.find((app) => app.id === 'AppPolls002')!.installedNetworkIds = [];
    const { networkAppInstallations } = await ownClient.sdk.networkAppInstallations({ limit: 10 });
    expect(networkAppInstallations.nodes?.map((node) => node.app?.id)).toEqual(['AppDemo001', 'AppDigest03']);
    await expect(ownClient.sdk.authMemberAppInstallation({ appId: 'AppPolls002' })).rejects.toBeInstanceOf(TribeNotFoundError);
  });

  it('networkAppInstallations is for admins and apps; a member reads authMemberAppInstallation(s) instead', async () => {
    const linus = tribe().impersonate('MbrLinusT3');
    await expect(linus.networkAppInstallations({ limit: 10 })).rejects.toBeInstanceOf(TribeForbiddenError);
    const { authMemberAppInstallations } = await linus.authMemberAppInstallations({ limit: 10 });
    expect(authMemberAppInstallations.nodes?.map((node) => node.id)).toEqual(['InsAppDemo001', 'InsAppPolls002', 'InsAppDigest03']);
    const { authMemberAppInstallation } = await linus.authMemberAppInstallation({ appId: emulator.current.appId });
    expect(authMemberAppInstallation).toMatchObject({ id: 'InsAppDemo001', app: { id: emulator.current.appId, name: 'Demo App' }, status: 'ENABLED' });
  });

  it("never hands out an app's secrets through an installation", async () => {
    const token = await mintTokenRaw(emulator.current);
    const answer = await asBearer(emulator.current, token, '{ networkAppInstallations(limit: 10) { nodes { app { clientId clientSecret secretToken webhookSignSecret } } } }');
    const apps = (answer.body.data?.networkAppInstallations as { nodes: Array<Record<string, unknown>> }).nodes.map((node) => node.app);
    expect(apps).toEqual(storedInstallations().map((app) => ({ clientId: app.clientId, clientSecret: null, secretToken: null, webhookSignSecret: null })));
  });

  it('authMemberAppInstallation answers not found for an app installed nowhere the emulator serves', async () => {
    await expect(tribe().sdk.authMemberAppInstallation({ appId: 'AppDraft004' })).rejects.toBeInstanceOf(TribeNotFoundError);
  });
});
