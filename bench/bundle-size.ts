/**
 * Browser bundles (esbuild, minified, gzip) of what an app would ship: the SDK's smallest path to
 * mint a token and run one typed query, the full client, the whole root entry, and baselines.
 */
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build, type Metafile, type OutputFile } from 'esbuild';

/** One bundle's figures: what the page loads at once (the entry chunk and the chunks it imports statically). */
export interface BundleResult {
  name: string;
  gzipBytes: number;
  minifiedBytes: number;
  /** Chunks loaded by `import()` only when needed (graphql's printer, its parser), gzip each, summed. */
  lazyGzipBytes: number;
  /** Source files in the chunks loaded at once. */
  eagerInputs: string[];
  /** Source files in the bundle that must not be there (emulator, node built-ins). */
  forbiddenInputs: string[];
  /** Operation names of documents that the entry does not use but the bundle kept. */
  unusedDocumentsKept: string[];
}

const root = fileURLToPath(new URL('..', import.meta.url));
const CREDENTIALS = "{ clientId: 'id', clientSecret: 'secret', networkId: 'net', endpoint: 'http://127.0.0.1:1/graphql' }";

/** The entries, as source text resolved from the repository root. */
export const bundleEntries: ReadonlyArray<{ name: string; source: string }> = [
  {
    name: 'SDK: mint + one typed query (createTokenRequest + PostsDocument)',
    source: `import { mintAccessToken, createTokenRequest } from './src/index.ts'; import { PostsDocument } from './generated/sdk.ts';
      const token = await mintAccessToken(${CREDENTIALS});
      const request = createTokenRequest(token, { networkId: 'net', endpoint: 'http://127.0.0.1:1/graphql' });
      console.log(await request(PostsDocument, { limit: 10 }));`,
  },
  {
    name: 'SDK: createTribeClient + getSdk (every operation)',
    source: `import { createTribeClient } from './src/index.ts';
      console.log(await createTribeClient(${CREDENTIALS}).sdk.posts({ limit: 10 }));`,
  },
  { name: 'SDK: the whole root entry', source: `export * from './src/index.ts';` },
  {
    name: 'baseline: graphql-request + getSdk',
    source: `import { GraphQLClient } from 'graphql-request'; import { getSdk } from './generated/sdk.ts';
      console.log(await getSdk(new GraphQLClient('http://127.0.0.1:1/graphql')).posts({ limit: 10 }));`,
  },
  {
    name: 'baseline: raw fetch',
    source: `const r = await fetch('http://127.0.0.1:1/graphql', { method: 'POST', headers: { authorization: 'Basic aWQ6c2VjcmV0' }, body: JSON.stringify({ query: '{ limitedToken { accessToken } }' }) });
      const t = (await r.json()).data.limitedToken.accessToken;
      console.log(await (await fetch('http://127.0.0.1:1/graphql', { method: 'POST', headers: { authorization: 'Bearer ' + t }, body: JSON.stringify({ query: 'query posts { posts(limit: 10) { nodes { id } } }' }) })).json());`,
  },
];

const OPERATIONS = ['createPost', 'updateMember', 'spaceMembers', 'postReactionParticipants', 'loginNetwork'];

/** The entry's chunk and every chunk it imports statically: what loads before the first call. */
function eagerChunks(outputs: Metafile['outputs']): string[] {
  const entry = Object.keys(outputs).find((path) => outputs[path]!.entryPoint !== undefined)!;
  const eager = new Set([entry]);
  for (const path of eager)
    for (const imported of outputs[path]!.imports) if (imported.kind === 'import-statement' && !imported.external) eager.add(imported.path);
  return [...eager];
}

/** Bundles one entry for the browser, as an app bundler does (dynamic imports split into chunks), and measures it. */
export async function measureBundle(entry: { name: string; source: string }): Promise<BundleResult> {
  const output = await build({
    stdin: { contents: entry.source, resolveDir: root, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    write: false,
    splitting: true,
    outdir: 'out',
    absWorkingDir: root,
    minify: true,
    format: 'esm',
    platform: 'browser',
    // Resolves package.json's `imports` to the sources, as the browser build of the package does to dist/.
    conditions: ['tribe-sdk-source'],
    target: 'es2022',
    metafile: true,
    logLevel: 'silent',
  });
  const eager = eagerChunks(output.metafile.outputs);
  const isEager = (file: OutputFile): boolean => eager.some((path) => file.path.endsWith(`/${path}`));
  const gzip = (files: OutputFile[]): number => files.reduce((sum, file) => sum + gzipSync(file.contents, { level: 9 }).length, 0);
  const eagerFiles = output.outputFiles.filter(isEager);
  const text = eagerFiles.map((file) => file.text).join('\n');
  const inputs = Object.keys(output.metafile.inputs);
  return {
    name: entry.name,
    gzipBytes: gzip(eagerFiles),
    minifiedBytes: eagerFiles.reduce((sum, file) => sum + file.contents.length, 0),
    lazyGzipBytes: gzip(output.outputFiles.filter((file) => !isEager(file))),
    eagerInputs: eager.flatMap((path) => Object.keys(output.metafile.outputs[path]!.inputs)),
    forbiddenInputs: inputs.filter((input) => input.includes('src/emulator') || input.startsWith('node:') || input.includes('undici')),
    unusedDocumentsKept: entry.source.includes('createTokenRequest') ? OPERATIONS.filter((name) => text.includes(`"${name}"`)) : [],
  };
}
