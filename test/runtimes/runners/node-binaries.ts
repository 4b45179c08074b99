import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../../consumer/pack.js';

/** The folder whose own package.json pins the official Node binaries of the matrix (`npm run runtimes:node` installs them). */
const FOLDER = join(REPO, 'test', 'runtimes', 'node-binaries');

/** One pinned Node binary: the alias it is installed under (`node-22`) and where its executable lands. */
export interface NodeBinary {
  alias: string;
  file: string;
}

/** Every Node binary that folder pins, in its order: read from its package.json, so the pins live in one place. */
export const NODE_BINARIES: readonly NodeBinary[] = Object.keys(
  (JSON.parse(readFileSync(join(FOLDER, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies,
).map((alias) => ({ alias, file: join(FOLDER, 'node_modules', alias, 'bin', 'node') }));
