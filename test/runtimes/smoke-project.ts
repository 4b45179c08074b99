import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build, transform } from 'esbuild';
import { installIntoFreshProject } from '../consumer/pack.js';
import type { SmokeResult, SmokeTarget } from './smoke-program.js';

/** How a runtime loads the smoke program: an ES module, a CommonJS file, a classic script or a Workers module. */
export type EntryKind = 'esm' | 'cjs' | 'script' | 'worker';

const SMOKE_SOURCE = new URL('./smoke-program.ts', import.meta.url);

/** Installs the tarball into an empty project and puts the smoke program beside it, as ESM and as CommonJS. */
export async function prepareSmokeProject(tarball: string): Promise<string> {
  const project = await installIntoFreshProject(tarball);
  const source = await readFile(SMOKE_SOURCE, 'utf8');
  for (const [file, format] of [
    ['smoke.mjs', 'esm'],
    ['smoke.cjs', 'cjs'],
  ] as const) {
    const { code } = await transform(source, {
      loader: 'ts',
      format,
      target: 'es2022',
    });
    await writeFile(join(project, file), code);
  }
  return project;
}

/** A function expression that runs the program and resolves to the JSON of `{ result }` or `{ error }`, never rejecting. */
function outcomeFunction(target: SmokeTarget): string {
  return `() => runSmoke(sdk, ${JSON.stringify(target)}).then((result) => JSON.stringify({ result }), (error) => JSON.stringify({ error: String((error && error.stack) || error) }))`;
}

const ENTRIES: Record<EntryKind, (outcome: string) => string> = {
  esm: (outcome) => `import * as sdk from 'tribe-sdk';\nimport { runSmoke } from './smoke.mjs';\nconsole.log(await (${outcome})());\n`,
  cjs: (outcome) =>
    `const sdk = require('tribe-sdk');\nconst { runSmoke } = require('./smoke.cjs');\n(${outcome})().then((text) => console.log(text));\n`,
  script: (outcome) => `import * as sdk from 'tribe-sdk';\nimport { runSmoke } from './smoke.mjs';\nglobalThis.smokeOutcome = (${outcome})();\n`,
  worker: (outcome) =>
    `import * as sdk from 'tribe-sdk';\nimport { runSmoke } from './smoke.mjs';\nexport default { fetch: () => (${outcome})().then((text) => new Response(text)) };\n`,
};

/** Writes the entry of one runtime into the project; returns its file name. */
export async function writeEntry(project: string, kind: EntryKind, target: SmokeTarget): Promise<string> {
  const file = `entry-${target.runtime.replace(/\W+/g, '-')}.${kind === 'cjs' ? 'cjs' : 'mjs'}`;
  await writeFile(join(project, file), ENTRIES[kind](outcomeFunction(target)));
  return file;
}

/** Bundles an entry from the installed package for a web platform, resolving `tribe-sdk` under `conditions`. */
export async function bundleEntry(project: string, entry: string, conditions: string[], format: 'esm' | 'iife'): Promise<string> {
  const result = await build({
    absWorkingDir: project,
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    conditions,
    format,
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild wrote nothing for ${entry}`);
  return output.text;
}

/** Reads what the program answered; a failure inside the runtime becomes an error here, with its stack. */
export function parseOutcome(runtime: string, text: string): SmokeResult {
  const line = text.trim().split('\n').at(-1) ?? '';
  let outcome: { result?: SmokeResult; error?: string };
  try {
    outcome = JSON.parse(line) as typeof outcome;
  } catch {
    throw new Error(`${runtime}: the smoke program printed no outcome:\n${text}`);
  }
  if (outcome.result === undefined) throw new Error(`${runtime}: the smoke program failed: ${outcome.error ?? 'no error text'}`);
  return outcome.result;
}
