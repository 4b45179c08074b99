import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../packages/tools/src/cli/run-cli.js';

// Sorted, as the snapshot is written.
const BEFORE = 'type Post {\n  id: ID!\n  title: String\n}\n\ntype Query {\n  post: Post\n}\n';
const AFTER = BEFORE.replace('  title: String\n', '');

describe('tribe-sdk schema pull from a file, in process', () => {
  let dir: string;
  let stdout: string[];
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tribe-sdk-pull-'));
    await writeFile(join(dir, 'snapshot.graphql'), BEFORE);
    await writeFile(join(dir, 'next.graphql'), AFTER);
    stdout = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (stdout.push(String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });
  const pull = (...extra: string[]) => runCli(['schema', 'pull', '--from', join(dir, 'next.graphql'), '--out', join(dir, 'snapshot.graphql'), ...extra], {});

  it('reports without operations when the project has no operations directory', async () => {
    expect(await pull('--operations', join(dir, 'no-such-dir'))).toBe(0);
    expect(stdout.join('')).toContain("removed Post.title: Field 'title' was removed from object type 'Post'");
    expect(await readFile(join(dir, 'snapshot.graphql'), 'utf8')).toBe(AFTER);
  });

  it('--fail-on-breaking exits 1 and keeps the previous snapshot', async () => {
    expect(await pull('--operations', join(dir, 'no-such-dir'), '--fail-on-breaking')).toBe(1);
    expect(await readFile(join(dir, 'snapshot.graphql'), 'utf8')).toBe(BEFORE);
  });
});
