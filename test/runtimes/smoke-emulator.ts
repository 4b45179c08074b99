import { startEmulator, type RunningEmulator } from '../../packages/tools/src/emulator/index.js';
import type { SmokeTarget } from './smoke-program.js';

/** An emulator of one runtime's own (so each sees the same seeded posts) and the smoke program's view of it. */
export interface SmokeEmulator {
  emulator: RunningEmulator;
  target: SmokeTarget;
}

/** Starts the emulator on 127.0.0.1 in the test process; the one place the matrix starts it. */
export async function startSmokeEmulator(runtime: string): Promise<SmokeEmulator> {
  const emulator = await startEmulator();
  const [memberId] = emulator.memberIds;
  const [space] = emulator.store.data.spaces;
  const [postType] = emulator.store.data.postTypes;
  if (!memberId || !space || !postType) throw new Error('smoke: the demo data has no member, space or post type');
  const { url, clientId, clientSecret, networkId, uninstalledNetworkId } = emulator;
  return {
    emulator,
    target: {
      runtime,
      url,
      clientId,
      clientSecret,
      networkId,
      memberId,
      uninstalledNetworkId,
      spaceId: space.id,
      postTypeId: postType.id,
    },
  };
}
