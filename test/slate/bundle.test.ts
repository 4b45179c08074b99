import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleInputs, nodeBuiltinsAmong } from '../support/bundle-inputs.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

describe('the tribe-sdk/slate entry', () => {
  it('bundles for the browser from its own files and the error base only: no dependency, no Node built-in', async () => {
    const inputs = await bundleInputs(REPO, 'src/slate/index.ts', 'browser', ['tribe-sdk-source']);
    expect(inputs).toContain('src/slate/validate.ts');
    expect(inputs.filter((input) => !/^src\/(slate\/|errors\.ts$|messages\.ts$|options\/)/.test(input))).toEqual([]);
    expect(nodeBuiltinsAmong(inputs)).toEqual([]);
  });
});
