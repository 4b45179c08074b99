import { builtinModules } from 'node:module';
import { build } from 'esbuild';

/** The files esbuild pulls in when it bundles `entry` (relative to `cwd`) for a platform, as its metafile names them; `conditions` e.g. `tribe-sdk-source` for src/. */
export async function bundleInputs(cwd: string, entry: string, platform: 'browser' | 'node', conditions: string[] = []): Promise<string[]> {
  const result = await build({
    absWorkingDir: cwd,
    entryPoints: [entry],
    bundle: true,
    platform,
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
    conditions,
  });
  return Object.keys(result.metafile.inputs);
}

const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** The Node built-ins among bundle inputs; a browser bundle must have none. */
export function nodeBuiltinsAmong(inputs: readonly string[]): string[] {
  return inputs.filter((input) => builtins.has(input) || input.startsWith('node:'));
}
