import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleInputs, nodeBuiltinsAmong } from '../support/bundle-inputs.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

describe('the tribe-sdk/webhooks entry', () => {
  it('bundles for the browser without Node built-ins, the emulator or server libraries', async () => {
    const inputs = await bundleInputs(REPO, 'src/webhooks/index.ts', 'browser', ['tribe-sdk-source']);
    expect(inputs).toContain('src/webhooks/verify.ts');
    expect(inputs).toContain('src/webhooks/node-listener.ts');
    expect(inputs).toContain('src/transport/fetch-exchange.ts');
    expect(nodeBuiltinsAmong(inputs)).toEqual([]);
    expect(
      inputs.filter((input) => /graphql-yoga|@graphql-tools|\/jose\/|\/undici\/|src\/emulator\/|src\/transport\/node\/|src\/cli\/|^dist\//.test(input)),
    ).toEqual([]);
  });
});
