import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
/** The folders whose code runs in a test, a bench or a script: none of it may read beside the clone. */
const CODE_FOLDERS = ['test', 'src', 'packages', 'bench', 'scripts'];
const SKIPPED = new Set(['node_modules', 'dist', '.cache']);
/** The folder beside the checkout (spelt in two parts, so that this file does not name it itself). */
const BESIDE = ['..', 'shared'].join('/');

function filesUnder(folder: string): string[] {
  return readdirSync(join(REPO, folder), { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return [];
    const path = join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

describe('a clone with nothing beside it', () => {
  it('has no code in test/, src/, packages/, bench/ or scripts/ that reads the shared folder beside the clone', () => {
    const readers = CODE_FOLDERS.flatMap(filesUnder).filter((path) => readFileSync(join(REPO, path), 'utf8').includes(BESIDE));
    expect(readers).toEqual([]);
  });
});
