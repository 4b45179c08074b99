import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { RunningEmulator } from '../../packages/tools/src/emulator/index.js';
import { expectSuccess, REPO, run } from '../consumer/pack.js';

// The steps an app developer takes once both packages are installed, however they were installed (tarballs or a registry).

/** The README's code block that starts with `// <path>`, as written there. */
async function readmeBlock(path: string): Promise<string> {
  const readme = await readFile(join(REPO, 'README.md'), 'utf8');
  const block = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!).find((text) => text.startsWith(`// ${path}\n`));
  if (block === undefined) throw new Error(`README.md has no ts block starting with // ${path}`);
  return block;
}

/** The app's own operation file. */
const POSTS_GRAPHQL = `query recentPosts($limit: Int!) {
  posts(limit: $limit) {
    nodes {
      id
      title
    }
  }
}
`;

/** An app file compiled, never run: tsc fails unless the app's own generated document types tribe.request's result and variables. */
export const TYPED_REQUEST_TS = `import type { TribeClient } from 'tribe-sdk';
import { RecentPostsDocument, type RecentPostsQuery } from './graphql/sdk.js';

export const recentPosts = (tribe: TribeClient): Promise<RecentPostsQuery> => tribe.request(RecentPostsDocument, { limit: 5 });
// @ts-expect-error extra is not a variable of recentPosts
export const withExtra = (tribe: TribeClient) => tribe.request(RecentPostsDocument, { limit: 5, extra: 1 });
`;

const TSCONFIG = JSON.stringify({
  compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, outDir: 'dist', skipLibCheck: true, types: ['node'] },
  include: ['src'],
});

/** `name@version` of this repository's devDependencies whose names match, so an app gets the versions the SDK is tested with. */
export async function devDependencyPins(names: RegExp): Promise<string[]> {
  const manifest = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  return Object.entries(manifest.devDependencies)
    .filter(([name]) => names.test(name))
    .map(([name, version]) => `${name}@${version}`);
}

/** A minimal environment for the app's commands; `extra` adds to it. */
export const appEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, HOME: process.env.HOME, ...extra });

/**
 * In a project where `tribe-sdk init` ran and codegen is installed: writes the README's quick-start files and an own
 * operation, runs `npm run codegen` and `tsc`, and runs the app against the emulator, checking what it printed and asked.
 */
export async function codegenTypeCheckAndRun(project: string, emulator: RunningEmulator, env: NodeJS.ProcessEnv = appEnv()): Promise<void> {
  await writeFile(join(project, 'src/queries.ts'), await readmeBlock('src/queries.ts'));
  await writeFile(join(project, 'src/main.ts'), await readmeBlock('src/main.ts'));
  await writeFile(join(project, 'src/operations/posts.graphql'), POSTS_GRAPHQL);
  await writeFile(join(project, 'tsconfig.json'), TSCONFIG);
  const codegen = expectSuccess('npm run codegen', await run('npm', ['run', 'codegen'], { cwd: project, env, timeoutMs: 120_000 }));
  expect(codegen.stdout).toMatch(/3 operation\(s\) and 0 fragment\(s\) in 3 file\(s\) are valid/);
  expect(existsSync(join(project, 'src/graphql/sdk.ts'))).toBe(true);
  // The preset's plugin stores each operation's text in its document, so the app's bundle needs no graphql printer.
  expect(await readFile(join(project, 'src/graphql/sdk.ts'), 'utf8')).toMatch(
    /export const RecentPostsDocument = \{"kind":"Document",.*"tribeSource":\{"body":"query /,
  );
  expect(existsSync(join(project, 'src/graphql/client/index.ts'))).toBe(true);
  // Each operation's static cost: printed by schema validate, and written for the rate limiter.
  expect(codegen.stdout).toMatch(/ 2 \+ \$limit {2}recentPosts +src\/operations\/posts\.graphql/);
  expect(await readFile(join(project, 'src/graphql/costs.ts'), 'utf8')).toContain('"recentPosts": {"fixed":2,"pages":[{"variable":"limit"');

  const tsc = await run(join(project, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], { cwd: project, env, timeoutMs: 120_000 });
  expect(tsc.stdout + tsc.stderr).toBe('');
  const { clientId, clientSecret, networkId, url } = emulator;
  const ran = expectSuccess(
    'node dist/main.js',
    await run(process.execPath, ['dist/main.js'], {
      cwd: project,
      env: { ...env, TRIBE_CLIENT_ID: clientId, TRIBE_CLIENT_SECRET: clientSecret, TRIBE_NETWORK_ID: networkId, TRIBE_API_URL: url },
    }),
  );
  const spaceNames = emulator.store.data.spaces.map((space) => `'${space.name}'`);
  expect(ran.stdout).toContain(emulator.store.data.network.name);
  expect(spaceNames.some((name) => ran.stdout.includes(name))).toBe(true);
  expect(emulator.requestCount('appNetwork')).toBe(1);
  expect(emulator.requestCount('spaceNames')).toBe(1);
}
