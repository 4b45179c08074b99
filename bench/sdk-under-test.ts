/**
 * The SDK the benchmarks measure: the built package (dist/, what users run: `npm run bench` builds it
 * first and runs without the source condition), or the TypeScript sources in the test suite's smoke
 * run, which checks that the benchmarks work, not how fast.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Sdk = typeof import('../src/index.js');
type Generated = typeof import('../generated/sdk.js');

const built = fileURLToPath(new URL('../dist/src/index.node.js', import.meta.url));
/** Whether the built package is measured (else the sources, in the smoke run). */
export const measuresBuild = process.env.VITEST === undefined && existsSync(built);

/** The SDK's exports. */
export const sdk: Sdk = measuresBuild ? ((await import('../dist/src/index.node.js' as string)) as Sdk) : await import('../src/index.js');
/** The generated documents and getSdk of the same build. */
export const generated: Generated = measuresBuild ? ((await import('../dist/generated/sdk.js' as string)) as Generated) : await import('../generated/sdk.js');
