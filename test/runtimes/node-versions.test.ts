import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../consumer/pack.js';
import { NODE_BINARIES } from './runners/node-binaries.js';

// The README's table of proven runtimes names exactly the Node builds the matrix runs.
describe('the Node versions of the runtime matrix', () => {
  it('are exact official builds, and the README names each in both Node rows', async () => {
    expect(NODE_BINARIES.map(({ alias }) => alias)).toEqual(['node-20.19', 'node-22', 'node-24', 'node-26']);
    const readme = await readFile(join(REPO, 'README.md'), 'utf8');
    const rows = readme.split('\n').filter((line) => /^\| Node\.js, (ES modules|CommonJS) \|/.test(line));
    expect(rows).toHaveLength(2);
    for (const { alias, version } of NODE_BINARIES) {
      expect(version, alias).toMatch(/^\d+\.\d+\.\d+$/);
      expect(version.startsWith(alias.replace(/^node-/, '') + '.'), alias).toBe(true);
      for (const row of rows) expect(row.split('|')[2], alias).toContain(version);
    }
  });
});
