import { describe, expect, it } from 'vitest';
import { useEmulator } from '../support/emulator.js';
import { claimsOf, sdkWithAppCredentials, sdkWithAuthorization, sdkWithToken } from './raw-sdk.js';

const emulator = useEmulator();

describe('auth operations', () => {
  it('limitedToken mints a bot token, or a member token with impersonateMemberId, that the emulator accepts', async () => {
    const { networkId } = emulator.current;
    const app = sdkWithAppCredentials(emulator.current);
    const { limitedToken: bot } = await app.limitedToken({ context: 'NETWORK', networkId, entityId: networkId });
    const { authMember: botMember } = await sdkWithToken(emulator.current, bot.accessToken).authMember();
    expect(botMember.username).toBe('demo-app-bot');

    const { limitedToken: member } = await app.limitedToken({ context: 'NETWORK', networkId, entityId: networkId, impersonateMemberId: 'MbrMargaH4' });
    const { authMember } = await sdkWithToken(emulator.current, member.accessToken).authMember();
    expect(authMember.id).toBe('MbrMargaH4');
    expect(claimsOf(member.accessToken)).toMatchObject({ id: 'MbrMargaH4', networkId });
  });

  it('tokens returns a guest token by network domain or ID, which may read the network but nothing more', async () => {
    const anonymous = sdkWithAuthorization(emulator.current);
    const domain = emulator.current.store.data.network.domain;
    const { tokens } = await anonymous.tokens({ networkDomain: domain });
    expect(tokens.role.type).toBe('guest');
    expect(claimsOf(tokens.accessToken)).toMatchObject({ roleType: 'guest', networkId: emulator.current.networkId });
    const byId = await anonymous.tokens({ networkId: emulator.current.networkId });
    expect(byId.tokens.role.type).toBe('guest');

    const guest = sdkWithToken(emulator.current, tokens.accessToken);
    const { network } = await guest.network();
    expect(network.domain).toBe(domain);
    await expect(guest.posts({ limit: 1 })).rejects.toThrow(/guests may not call posts/);
  });

  it('loginNetwork exchanges the demo password for a member token that the emulator accepts', async () => {
    const { tokens: guestToken } = await sdkWithAuthorization(emulator.current).tokens({ networkId: emulator.current.networkId });
    const guest = sdkWithToken(emulator.current, guestToken.accessToken);
    const { loginNetwork } = await guest.loginNetwork({ input: { usernameOrEmail: 'grace', password: 'demo-password' } });
    expect(loginNetwork.member.id).toBe('MbrGraceH2');

    const grace = sdkWithToken(emulator.current, loginNetwork.accessToken);
    const { authMember } = await grace.authMember();
    expect(authMember.id).toBe('MbrGraceH2');
    expect(authMember.email).toBe('grace@acme.example');
    const { posts } = await grace.posts({ limit: 1 });
    expect(posts.totalCount).toBeGreaterThan(0);

    const byEmail = await guest.loginNetwork({ input: { usernameOrEmail: 'ada@acme.example', password: 'demo-password' } });
    expect(byEmail.loginNetwork.member.username).toBe('ada');
    await expect(guest.loginNetwork({ input: { usernameOrEmail: 'grace', password: 'wrong' } })).rejects.toThrow(/invalid username, email or password/);
  });

  it('tokens with a refresh token from loginNetwork renews that member\'s token', async () => {
    const { tokens: guestToken } = await sdkWithAuthorization(emulator.current).tokens({ networkId: emulator.current.networkId });
    const { loginNetwork } = await sdkWithToken(emulator.current, guestToken.accessToken).loginNetwork({
      input: { usernameOrEmail: 'linus', password: 'demo-password' },
    });
    const { tokens } = await sdkWithAuthorization(emulator.current).tokens({ networkId: emulator.current.networkId, refreshToken: loginNetwork.refreshToken });
    expect(tokens.member.id).toBe('MbrLinusT3');
    const { authMember } = await sdkWithToken(emulator.current, tokens.accessToken).authMember();
    expect(authMember.username).toBe('linus');
    await expect(
      sdkWithAuthorization(emulator.current).tokens({ networkId: emulator.current.networkId, refreshToken: 'not-a-refresh-token' }),
    ).rejects.toThrow(/refresh token is invalid/);
  });
});
