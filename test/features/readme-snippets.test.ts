import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as tribeSdk from '../../src/index.js';
import { appOptions, useEmulator } from '../support/emulator.js';
import { consentOverHttp } from './consent.js';

// Runs the README blocks marked `// run: <name>` against the emulator, with the names the text around them assumes.
const emulator = useEmulator();
const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const SNIPPETS = new Map([...README.matchAll(/```ts\n\/\/ run: (\S+)\n([\s\S]*?)```/g)].map((match) => [match[1]!, match[2]!]));
const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<unknown>;

/** The names a snippet declares at its top level, so that the test can look at them after it ran. */
function declaredNames(code: string): string[] {
  const plain = [...code.matchAll(/^(?:const|let|(?:async )?function) (\w+)/gm)].map((match) => match[1]!);
  const destructured = [...code.matchAll(/^(?:const|let) [{[]\s*([^}\]]+?)\s*[}\]]\s*=/gm)].flatMap((match) =>
    match[1]!.split(',').map((part) => part.split(':').pop()!.trim()),
  );
  return [...plain, ...destructured];
}

/** Transpiles a snippet to a function body and runs it with `values` as its free names and `modules` for its imports. */
async function runSnippet(name: string, values: Record<string, unknown>, modules: Record<string, unknown> = { 'tribe-sdk': tribeSdk }) {
  const code = SNIPPETS.get(name);
  if (!code) throw new Error(`the README has no snippet "${name}"`);
  const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const body = `${js}\nreturn { ${declaredNames(code).join(', ')} };`;
  const require = (id: string): unknown => {
    if (!(id in modules)) throw new Error(`the snippet imports ${id}`);
    return modules[id];
  };
  const run = new AsyncFunction('require', 'exports', ...Object.keys(values), body);
  return (await run(require, {}, ...Object.values(values))) as Record<string, any>;
}

function common() {
  const { clientId, clientSecret, networkId } = appOptions(emulator.current);
  const tribe = tribeSdk.createTribeClient(appOptions(emulator.current));
  return { tribe, clientId, clientSecret, networkId };
}

describe('README snippets, run against the emulator', () => {
  it('has a snippet for each section', () => {
    expect([...SNIPPETS.keys()]).toEqual(['error-codes', 'cache-control', 'regions', 'uploads', 'oauth', 'permissions']);
  });

  it('error codes: finds notFound on a missing post', async () => {
    const { tribe } = common();
    const { shown } = await runSnippet('error-codes', { tribe, postId: 'PstMissing0' });
    expect(shown).toBe('code 110: the resource was not found');
    tribe.close();
  });

  it('cache control: the calls of withOptions carry the header', async () => {
    const values = common();
    const { network, alwaysFresh } = await runSnippet('cache-control', values);
    expect(network.id).toBe(emulator.current.networkId);
    expect(emulator.current.requests.at(-1)).toMatchObject({ operationName: 'network', cacheControl: 'no-cache' });
    alwaysFresh.close();
    values.tribe.close();
  });

  it("regions: one client per community, each sending to its region's host", async () => {
    const { clientId, clientSecret, networkId } = common();
    const hosts: string[] = [];
    const emulatorOrigin = new URL(emulator.current.url).origin;
    const forwarding: typeof fetch = (input, init) => {
      hosts.push(new URL(String(input)).origin);
      return fetch(`${emulatorOrigin}/graphql`, init);
    };
    // The snippet's clients get a fetch that records the host and carries the request to the emulator.
    const sdk = { ...tribeSdk, createTribeClient: (options: tribeSdk.TribeClientOptions) => tribeSdk.createTribeClient({ ...options, fetch: forwarding }) };
    const { clientFor } = await runSnippet('regions', { clientId, clientSecret }, { 'tribe-sdk': sdk });
    const eu = clientFor({ networkId, region: 'eu' });
    expect(clientFor({ networkId, region: 'eu' })).toBe(eu);
    expect((await eu.sdk.network()).network.id).toBe(networkId);
    expect(hosts).toEqual(['https://api.bettermode.de', 'https://api.bettermode.de']);
    await clientFor({ networkId, region: 'us' }).sdk.network();
    expect(hosts.slice(2)).toEqual(['https://api.bettermode.com', 'https://api.bettermode.com']);
  });

  it('uploads: the post embeds the image and attaches the file', async () => {
    const { tribe } = common();
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const values = {
      tribe,
      spaceId: 'SpcGeneral',
      postTypeId: 'PtyDiscuss',
      photo: new File([png], 'photo.png', { type: 'image/png' }),
      pdfBytes: Buffer.from('%PDF-1.4\n'),
    };
    const { image, report, createPost } = await runSnippet('uploads', values);
    expect(createPost.fields.find((field: { key: string }) => field.key === 'content').value).toContain(image.url);
    expect(Buffer.from(await (await fetch(image.url)).arrayBuffer())).toEqual(png);
    expect(emulator.current.media.get(report.id)).toMatchObject({ contentType: 'application/pdf', name: 'report.pdf' });
    tribe.close();
  });

  it('sign in: startSignIn links to the consent page, finishSignIn acts as the member who consented', async () => {
    const { clientId, clientSecret } = common();
    const values = { clientId, clientSecret, communityUrl: new URL(emulator.current.url).origin, redirectUri: 'http://127.0.0.1:9/oauth/callback' };
    const { startSignIn, finishSignIn } = await runSnippet('oauth', values);
    const session: Record<string, string> = {};
    const callback = await consentOverHttp(await startSignIn(session), 'MbrGraceH2');
    expect(new URL(callback).origin).toBe('http://127.0.0.1:9');
    const member = await finishSignIn(callback, session);
    expect(member.id).toBe('MbrGraceH2');
  });

  it('permissions: a member of the space may post in it', async () => {
    const { tribe } = common();
    expect((await runSnippet('permissions', { tribe, memberId: 'MbrLinusT3', spaceId: 'SpcGeneral' })).showComposer).toBe(true);
    tribe.close();
  });
});
