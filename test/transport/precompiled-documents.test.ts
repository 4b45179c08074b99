import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { parse, print, stripIgnoredCharacters, visit, type DocumentNode } from 'graphql';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTokenRequest, mintAccessToken } from '../../src/index.js';
import { NetworkDocument, type NetworkQuery } from '../../generated/sdk.js';
import { answerNetwork, networkAnswer, startScriptedServer, type ScriptedServer } from './scripted-server.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const GRAPHQL_TEXT_MODULES = /graphql\/language\/(printer|parser|lexer)\.m?js$/;

/** The source files of what a browser loads at once: the entry chunk and the chunks it imports statically (not those behind `import()`). */
function eagerInputs(metafile: Metafile): string[] {
  const { outputs } = metafile;
  const entry = Object.keys(outputs).find((path) => outputs[path]!.entryPoint !== undefined)!;
  const eager = new Set([entry]);
  for (const path of eager) for (const imported of outputs[path]!.imports) if (imported.kind === 'import-statement') eager.add(imported.path);
  return [...eager].flatMap((path) => Object.keys(outputs[path]!.inputs));
}

describe('the mint + one typed query bundle', () => {
  it('loads neither graphql printer nor parser nor lexer at once; the printer only sits behind an import() for other documents', async () => {
    const result = await build({
      stdin: {
        contents: `import { mintAccessToken, createTokenRequest } from './src/index.ts'; import { PostsDocument } from './generated/sdk.ts';
          const token = await mintAccessToken({ clientId: 'id', clientSecret: 'secret', networkId: 'net', endpoint: 'http://127.0.0.1:1/graphql' });
          console.log(await createTokenRequest(token, { networkId: 'net', endpoint: 'http://127.0.0.1:1/graphql' })(PostsDocument, { limit: 10 }));`,
        resolveDir: REPO,
        loader: 'ts',
      },
      absWorkingDir: REPO,
      bundle: true,
      splitting: true,
      outdir: 'out',
      write: false,
      format: 'esm',
      platform: 'browser',
      conditions: ['tribe-sdk-source'],
      metafile: true,
      logLevel: 'silent',
    });
    const eager = eagerInputs(result.metafile);
    expect(eager).toContain('generated/sdk.ts');
    expect(eager).toContain('src/transport/compiled-document.ts');
    expect(eager.filter((input) => GRAPHQL_TEXT_MODULES.test(input))).toEqual([]);
    expect(Object.keys(result.metafile.inputs)).toContain('node_modules/graphql/language/printer.js');
  });
});

describe('documents on the wire', () => {
  let server: ScriptedServer;
  beforeAll(async () => {
    server = await startScriptedServer();
  });
  afterAll(() => server.close());
  afterEach(() => {
    server.onQuery = answerNetwork;
    server.seen.length = 0;
  });

  const tokenRequest = async () => {
    const token = await mintAccessToken({ clientId: 'id', clientSecret: 'secret', networkId: 'net-1', endpoint: server.url });
    return createTokenRequest(token, { networkId: 'net-1', endpoint: server.url });
  };
  const sentQuery = (): string | undefined => server.seen.at(-1)!.body.query;

  it('sends a generated document as the text codegen stored, printed without ignored characters', async () => {
    const request = await tokenRequest();
    expect(await request<NetworkQuery>(NetworkDocument)).toEqual(networkAnswer.data);
    expect(sentQuery()).toBe(stripIgnoredCharacters(print(NetworkDocument)));
    expect(sentQuery()).not.toBe(print(NetworkDocument));
    expect(server.seen.find((seen) => seen.headers.authorization?.startsWith('Basic '))!.body.query).toMatch(
      /^query limitedToken\(\$context:PermissionContext!/,
    );
  });

  it('prints a document codegen did not make', async () => {
    const request = await tokenRequest();
    const document = parse('query network { network { id name domain } }');
    expect(await request<NetworkQuery>(document)).toEqual(networkAnswer.data);
    expect(sentQuery()).toBe(print(document));
  });

  it('prints a changed copy of a generated document instead of sending the stale stored text', async () => {
    const request = await tokenRequest();
    // graphql's visit() copies the stored text into the changed copy along with every other property.
    const withoutDomain: DocumentNode = visit(NetworkDocument, { Field: (node) => (node.name.value === 'domain' ? null : undefined) });
    expect((withoutDomain as { tribeSource?: unknown }).tribeSource).toEqual((NetworkDocument as { tribeSource?: unknown }).tribeSource);
    await request(withoutDomain);
    expect(sentQuery()).toBe(print(withoutDomain));
    expect(sentQuery()).not.toContain('domain');
  });
});
