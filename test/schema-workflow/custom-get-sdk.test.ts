import { readFile } from 'node:fs/promises';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { NetworkQuery } from '../../generated/sdk.js';
import { createTribeClient, type TribeClient, type WithBuiltIns } from '../../src/index.js';
import customCodegen from '../fixtures/custom-sdk/codegen.js';
import { getSdk as getCustomSdk, type LatestPostTitlesQuery, type MyThingQuery } from '../fixtures/custom-sdk/sdk.js';
import { appOptions, useEmulator } from '../support/emulator.js';

const emulator = useEmulator();

describe("a getSdk generated from a user's own operations", () => {
  it('is what the fixture codegen config generates today (run it with --config test/fixtures/custom-sdk/codegen.ts)', async () => {
    const outputs = await generate(customCodegen, false);
    expect(outputs).toHaveLength(1);
    expect(outputs[0]!.content).toBe(await readFile(outputs[0]!.filename, 'utf8'));
  });

  it('plugs into createTribeClient: typed methods, sent with the minted bearer', async () => {
    const client = createTribeClient({ ...appOptions(emulator.current), getSdk: getCustomSdk });
    try {
      expectTypeOf(client).toEqualTypeOf<TribeClient<WithBuiltIns<ReturnType<typeof getCustomSdk>>>>();
      expectTypeOf(client.sdk.myThing).returns.resolves.toEqualTypeOf<MyThingQuery>();
      expectTypeOf(client.impersonate('m').latestPostTitles).parameter(0).toEqualTypeOf<{ limit: number }>();
      // The built-in operations stay beside the user's own, typed.
      expectTypeOf(client.sdk.network).returns.resolves.toEqualTypeOf<NetworkQuery>();
      expectTypeOf(client.withOptions({}).posts).toBeFunction();
      expect((await client.sdk.network()).network.id).toBe(emulator.current.networkId);
      expect((await client.impersonate(emulator.current.memberIds[0]!).authMember()).authMember.id).toBe(emulator.current.memberIds[0]);

      const { network } = await client.sdk.myThing();
      expect(network.id).toBe(emulator.current.networkId);
      const titles: LatestPostTitlesQuery = await client.sdk.latestPostTitles({ limit: 2 });
      expect(titles.posts.nodes?.length).toBe(2);

      const calls = emulator.current.requests.filter((request) => request.operationName === 'myThing');
      expect(calls).toHaveLength(1);
      expect(calls[0]!.authorization).toMatch(/^Bearer /);
    } finally {
      client.close();
    }
  });
});
