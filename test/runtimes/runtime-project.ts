import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build, transform } from 'esbuild';
import { installIntoFreshProject } from '../consumer/pack.js';

/** How a runtime loads a program: an ES module, a CommonJS file, a classic script or a Workers module. */
export type EntryKind = 'esm' | 'cjs' | 'script' | 'worker';

/** A program of the matrix: an exported `(sdk, argument) => Promise<result>` in a file that imports nothing. */
export interface ProgramCall {
  /** The program's base name in the project (`smoke` for smoke.mjs and smoke.cjs). */
  program: string;
  exportName: string;
  argument: unknown;
  /** Names the entry file and the runtime in messages. */
  label: string;
  /** The only host:port the program talks to (Deno's --allow-net). */
  host: string;
  /** Packages the entry imports and hands to the program as its third argument, by name (unbundled runtimes only). */
  modules?: string[];
  /** More Deno permissions, for a program that needs them (the benchmark's undici row reads env). */
  denoPermissions?: string[];
}

/** Installs the tarball into an empty project and puts each program beside it, as ESM and as CommonJS. */
export async function prepareProject(tarball: string, programs: Record<string, URL>): Promise<string> {
  const { project } = await installIntoFreshProject([tarball]);
  for (const [name, source] of Object.entries(programs)) {
    const text = await readFile(source, 'utf8');
    for (const format of ['esm', 'cjs'] as const) {
      const { code } = await transform(text, { loader: 'ts', format, target: 'es2022' });
      await writeFile(join(project, `${name}.${format === 'esm' ? 'mjs' : 'cjs'}`), code);
    }
  }
  return project;
}

/** A function expression that runs the program and resolves to the JSON of `{ result }` or `{ error }`, never rejecting. */
function outcomeFunction(call: ProgramCall): string {
  const modules = `{ ${(call.modules ?? []).map((name, index) => `${JSON.stringify(name)}: module${index}`).join(', ')} }`;
  return `() => ${call.exportName}(sdk, ${JSON.stringify(call.argument)}, ${modules}).then((result) => JSON.stringify({ result }), (error) => JSON.stringify({ error: String((error && error.stack) || error) }))`;
}

function entrySource(kind: EntryKind, call: ProgramCall): string {
  const outcome = outcomeFunction(call);
  const names = call.modules ?? [];
  if (names.length > 0 && (kind === 'script' || kind === 'worker')) throw new Error(`${call.label}: a bundled entry takes no extra modules`);
  const requires = names.map((name, index) => `const module${index} = require(${JSON.stringify(name)});\n`).join('');
  const imports = names.map((name, index) => `import * as module${index} from ${JSON.stringify(name)};\n`).join('');
  if (kind === 'cjs')
    return `${requires}const sdk = { ...require('tribe-sdk'), webhooks: require('tribe-sdk/webhooks') };\nconst { ${call.exportName} } = require('./${call.program}.cjs');\n(${outcome})().then((text) => console.log(text));\n`;
  // The program gets the SDK's root entry with its webhooks entry beside it, both as this runtime resolved them.
  const header = `${imports}import * as main from 'tribe-sdk';\nimport * as webhooks from 'tribe-sdk/webhooks';\nconst sdk = { ...main, webhooks };\nimport { ${call.exportName} } from './${call.program}.mjs';\n`;
  if (kind === 'esm') return `${header}console.log(await (${outcome})());\n`;
  if (kind === 'script') return `${header}globalThis.programOutcome = (${outcome})();\n`;
  return `${header}export default { fetch: () => (${outcome})().then((text) => new Response(text)) };\n`;
}

/** Writes the entry of one runtime into the project; returns its file name. */
export async function writeEntry(project: string, kind: EntryKind, call: ProgramCall): Promise<string> {
  const file = `entry-${call.program}-${call.label.replace(/\W+/g, '-')}.${kind === 'cjs' ? 'cjs' : 'mjs'}`;
  await writeFile(join(project, file), entrySource(kind, call));
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
export function parseOutcome(label: string, text: string): unknown {
  const line = text.trim().split('\n').at(-1) ?? '';
  let outcome: { result?: unknown; error?: string };
  try {
    outcome = JSON.parse(line) as typeof outcome;
  } catch {
    throw new Error(`${label}: the program printed no outcome:\n${text}`);
  }
  if (outcome.result === undefined) throw new Error(`${label}: the program failed: ${outcome.error ?? 'no error text'}`);
  return outcome.result;
}
