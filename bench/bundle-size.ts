/**
 * Browser bundles (esbuild, minified, gzip) of what an app would ship: the SDK's smallest path to
 * mint a token and run one typed query, the full client, the whole root entry, and baselines.
 */
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** One bundle's figures. */
export interface BundleResult {
  name: string;
  gzipBytes: number;
  minifiedBytes: number;
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

/** Bundles one entry for the browser and measures it. */
export async function measureBundle(entry: { name: string; source: string }): Promise<BundleResult> {
  const output = await build({
    stdin: { contents: entry.source, resolveDir: root, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    // Resolves package.json's `imports` to the sources, as the browser build of the package does to dist/.
    conditions: ['tribe-sdk-source'],
    target: 'es2022',
    metafile: true,
    logLevel: 'silent',
  });
  const code = output.outputFiles[0]!.contents;
  const text = Buffer.from(code).toString();
  const inputs = Object.keys(output.metafile.inputs);
  return {
    name: entry.name,
    gzipBytes: gzipSync(code, { level: 9 }).length,
    minifiedBytes: code.length,
    forbiddenInputs: inputs.filter((input) => input.includes('src/emulator') || input.startsWith('node:') || input.includes('undici')),
    unusedDocumentsKept: entry.source.includes('createTokenRequest') ? OPERATIONS.filter((name) => text.includes(`"${name}"`)) : [],
  };
}
