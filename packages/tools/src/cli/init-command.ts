import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { TribeConfigError } from 'tribe-sdk';
import { parseCommand } from './args.js';

/** The package the CLI, the emulator and the codegen preset ship in. */
export const TOOLS_PACKAGE = 'tribe-sdk-tools';

/** The codegen packages an app needs beside the tools, at the versions the SDK is tested with. */
export const CODEGEN_PACKAGES: Readonly<Record<string, string>> = {
  '@graphql-codegen/cli': '7.4.3',
  '@graphql-codegen/client-preset': '6.2.0',
  '@graphql-codegen/typescript-graphql-request': '7.1.0',
  '@graphql-codegen/typescript-operations': '6.1.9',
};

const INIT_USAGE = `Usage: tribe-sdk init [--output <dir>] [--force] [--install]

Sets up codegen for Tribe operations in this project (a folder with package.json):
  graphql.config.mjs            one config for your editor (VS Code's GraphQL extension) and graphql-codegen
  src/operations/network.graphql  an example operation
  package.json scripts           codegen, schema:pull, schema:check
It points at the schema snapshot ${TOOLS_PACKAGE} ships until you pull your own (npm run schema:pull).
It never overwrites a file without --force, so it is safe to run twice.

  --output <dir>   where codegen writes (default src/graphql/)
  --force          overwrite files and scripts that exist
  --install        also run the npm install line it prints`;

function graphqlConfig(output: string): string {
  return `// Written by tribe-sdk init: the one project config your editor and graphql-codegen both read.
import { existsSync } from 'node:fs';
import { tribeCodegen } from '${TOOLS_PACKAGE}/codegen';

export default {
  // Your own snapshot once \`npm run schema:pull\` wrote one; until then the one ${TOOLS_PACKAGE} ships.
  schema: existsSync('schema/tribe.graphql') ? 'schema/tribe.graphql' : 'node_modules/${TOOLS_PACKAGE}/schema/tribe.graphql',
  documents: ['src/**/*.{graphql,gql}', 'src/**/*.{ts,tsx}'],
  // What codegen writes is output, not documents: left out for the editor's language server and schema validate.
  exclude: ['${output}**'],
  extensions: { codegen: tribeCodegen({ output: '${output}' }) },
};
`;
}

const EXAMPLE_OPERATION = `# An example operation (written by tribe-sdk init): after \`npm run codegen\` it is sdk.appNetwork().
query appNetwork {
  network {
    id
    name
  }
}
`;

const SCRIPTS: Readonly<Record<string, string>> = {
  codegen: 'tribe-sdk schema validate && graphql-codegen',
  'schema:pull': 'tribe-sdk schema pull',
  'schema:check': 'tribe-sdk schema pull --fail-on-breaking',
};

/** An app's package.json, as far as init reads it. */
interface Manifest {
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/**
 * The devDependency install line for what the project does not list yet (the tools at this package's
 * own version, the codegen packages at theirs), or undefined when it lists them all, however they were
 * installed (by name, from a tarball, from a folder).
 */
export async function installLine(manifest: Manifest = {}): Promise<string[] | undefined> {
  const own = JSON.parse(await readFile(new URL(`${import.meta.url.endsWith('.ts') ? '../..' : '../../..'}/package.json`, import.meta.url), 'utf8')) as {
    version: string;
  };
  const listed = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})]);
  const missing = Object.entries({ [TOOLS_PACKAGE]: own.version, ...CODEGEN_PACKAGES })
    .filter(([name]) => !listed.has(name))
    .map(([name, version]) => `${name}@${version}`);
  return missing.length === 0 ? undefined : ['install', '--save-dev', ...missing];
}

/** Writes `text` to `path` unless it exists (and `force` is off); says which. */
async function writeOnce(path: string, text: string, force: boolean, say: (line: string) => void): Promise<void> {
  if (existsSync(path) && !force) return say(`  kept    ${path} (exists; --force to overwrite)`);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
  say(`  wrote   ${path}`);
}

/** `tribe-sdk init`: writes the graphql-config file, an example operation and npm scripts; prints (or runs) the install line. */
export async function initCommand(args: string[]): Promise<number> {
  const values = parseCommand(args, {
    command: 'init',
    usage: INIT_USAGE,
    options: { output: { type: 'string' }, force: { type: 'boolean' }, install: { type: 'boolean' } },
  });
  if (!values) return 0;
  const cwd = process.cwd();
  const packagePath = join(cwd, 'package.json');
  if (!existsSync(packagePath)) throw new TribeConfigError(`tribe-sdk: no package.json in ${cwd}; run npm init first`);
  const output = (values.output ?? 'src/graphql/').replace(/\/?$/, '/');
  const force = values.force ?? false;
  const say = (line: string): void => void process.stdout.write(`${line}\n`);
  say('tribe-sdk init:');
  await writeOnce(join(cwd, 'graphql.config.mjs'), graphqlConfig(output), force, say);
  await writeOnce(join(cwd, 'src/operations/network.graphql'), EXAMPLE_OPERATION, force, say);
  const manifest = JSON.parse(await readFile(packagePath, 'utf8')) as Manifest;
  const scripts = { ...manifest.scripts };
  for (const [name, command] of Object.entries(SCRIPTS)) {
    if (scripts[name] !== undefined && scripts[name] !== command && !force) say(`  kept    script "${name}" (exists; --force to overwrite)`);
    else if (scripts[name] !== command) {
      scripts[name] = command;
      say(`  added   script "${name}": ${command}`);
    }
  }
  await writeFile(packagePath, `${JSON.stringify({ ...manifest, scripts }, null, 2)}\n`);
  const line = await installLine(manifest);
  if (line === undefined) {
    say(`\n${TOOLS_PACKAGE} and the codegen packages are in package.json already.\nNext: npm run codegen`);
    return 0;
  }
  if (!values.install) {
    say(`\nNext: npm ${line.join(' ')}\nthen: npm run codegen`);
    return 0;
  }
  const installed = spawnSync('npm', line, { cwd, stdio: 'inherit' });
  return installed.status === 0 ? 0 : 1;
}
