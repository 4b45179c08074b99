import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  buildAuthorizeUrl,
  can,
  createOAuthState,
  createTribeClient,
  exchangeAuthorizationCode,
  hasErrorCode,
  readAuthorizeCallback,
  TribeConfigError,
  type TribeEvent,
} from '../../src/index.js';
import { appOptions, useEmulator } from '../support/emulator.js';
import { consentOverHttp } from './consent.js';

// Keeps the README's comparison true: each row's tribe-sdk example runs on the emulator, and the official package is read for its column.
const emulator = useEmulator();
const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const OFFICIAL = fileURLToPath(new URL('../../node_modules/@tribeplatform/gql-client/dist/', import.meta.url));
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

function officialSources(folder = OFFICIAL): string {
  return readdirSync(folder)
    .map((name) => join(folder, name))
    .map((path) => (statSync(path).isDirectory() ? officialSources(path) : path.endsWith('.js') ? readFileSync(path, 'utf8') : ''))
    .join('\n');
}
const official = officialSources();
const officialFile = (path: string) => readFileSync(join(OFFICIAL, path), 'utf8');
/** The text of one method of the official client, up to the next method. */
const officialMethod = (path: string, name: string) =>
  officialFile(path)
    .split(`async ${name}(`)[1]!
    .split(/\n {4}async /)[0]!;

const rows = [
  ...README.split('## Compared with @tribeplatform/gql-client')[1]!
    .split('\n## ')[0]!
    .matchAll(/^\| ([^|]+?) \| ([^|]+?) \| ([^|]+?) \| ([^|]+?) \|$/gm),
]
  .map((match) => ({ feature: match[1]!, ours: match[2]!, theirs: match[3]! }))
  .filter((row) => row.feature !== 'feature' && !row.feature.startsWith('---'));

const client = () => createTribeClient(appOptions(emulator.current));

/** Per row: our example, run on the emulator, and what the official package shows for its column. */
const CHECKS: Record<string, { ours: () => Promise<void>; theirs: (claim: string) => void }> = {
  'media uploads (sign, then multipart POST)': {
    async ours() {
      const tribe = client();
      const [image] = await tribe.uploadImages([{ file: new File([PNG], 'dot.png', { type: 'image/png' }) }]);
      expect((await fetch(image!.url)).status).toBe(200);
      tribe.close();
    },
    theirs(claim) {
      expect(claim).toMatch(/^yes/);
      expect(officialFile('client/clients/media.client.js')).toMatch(
        /async uploadImages\([\s\S]*async uploadFiles\(|async uploadFiles\([\s\S]*async uploadImages\(/,
      );
    },
  },
  'upload input checked before sending': {
    async ours() {
      const before = emulator.current.requests.length;
      await expect(client().uploadImages([{ file: new Blob(['text'], { type: 'text/plain' }) }])).rejects.toThrow(TribeConfigError);
      expect(emulator.current.requests.length).toBe(before);
    },
    theirs(claim) {
      expect(claim).toBe('no');
      // Each method signs and sends at once: no check of the type or size, and no error of its own.
      for (const name of ['uploadImages', 'uploadFiles'])
        expect(officialMethod('client/clients/media.client.js', name)).not.toMatch(/new \w*Error\(|\.size\s*[<>]|startsWith\(/);
    },
  },
  'streamed uploads of known length': {
    async ours() {
      const bytes = Buffer.alloc(300_000, 7);
      const [file] = await client().uploadFiles([
        { file: { stream: Readable.from([bytes]), size: bytes.length }, name: 'data.bin', contentType: 'application/octet-stream' },
      ]);
      expect(Buffer.from(await (await fetch(file!.downloadUrl)).arrayBuffer()).equals(bytes)).toBe(true);
    },
    theirs(claim) {
      expect(claim).toBe('no');
      expect(officialMethod('client/clients/media.client.js', 'uploadFiles')).toContain("formData.append('file', file)");
      expect(official).not.toContain('duplex');
    },
  },
  'numeric error codes': {
    async ours() {
      const error = await client()
        .sdk.post({ id: 'PstMissing0' })
        .catch((caught: unknown) => caught);
      expect(hasErrorCode(error, 'notFound')).toBe(true);
    },
    theirs(claim) {
      expect(claim).toBe('codes only: `ApiErrorCodes`');
      expect(officialFile('lib/response.js')).toContain('ApiErrorCodes');
      expect(official).not.toMatch(/hasErrorCode|hasCode/);
    },
  },
  'gateway cache bypass': {
    async ours() {
      await client().withOptions({ bypassGatewayCache: true }).network();
      expect(emulator.current.requests.at(-1)?.cacheControl).toBe('no-cache');
    },
    theirs(claim) {
      expect(claim).toBe('per client: `gatewayCacheControl`');
      expect(officialFile('client/graphql.client.js')).toContain("this.setHeader('X-Bettermode-Cache-Control', gatewayCacheControl)");
    },
  },
  'EU region': {
    async ours() {
      const { clientId, clientSecret, networkId } = appOptions(emulator.current);
      const hosts: string[] = [];
      const forwarding: typeof fetch = (input, init) => {
        hosts.push(new URL(String(input)).host);
        return fetch(emulator.current.url, init);
      };
      await createTribeClient({ clientId, clientSecret, networkId, region: 'eu', fetch: forwarding }).sdk.network();
      expect(hosts).toEqual(['api.bettermode.de', 'api.bettermode.de']);
    },
    theirs(claim) {
      expect(claim).toBe('no');
      expect(official).not.toContain('bettermode.de');
    },
  },
  'Sign in with Bettermode (authorize URL, code exchange, refresh)': {
    async ours() {
      const { clientId, clientSecret } = emulator.current;
      const communityUrl = new URL(emulator.current.url).origin;
      const redirectUri = 'http://127.0.0.1:9/oauth/callback';
      const state = createOAuthState();
      const callback = await consentOverHttp(buildAuthorizeUrl({ communityUrl, clientId, redirectUri, state }), 'MbrLinusT3');
      const tokens = await exchangeAuthorizationCode({ communityUrl, clientId, clientSecret, redirectUri, code: readAuthorizeCallback(callback, state).code });
      expect(tokens.graphqlUrl).toBe(emulator.current.url);
    },
    theirs(claim) {
      expect(claim).toBe('no');
      expect(official).not.toMatch(/oauth\/token|oauth\/authorize|grant_type/);
    },
  },
  'member permission checks': {
    async ours() {
      const { space } = await client().impersonate('MbrLinusT3').spacePermissions({ id: 'SpcGeneral' });
      expect(can(space, 'createPost')).toBe(true);
    },
    theirs(claim) {
      expect(claim).toBe('fields only');
      expect(official).toContain('authMemberProps');
      expect(official).not.toMatch(/isAuthorized\.authorized|hasPermission\(/);
    },
  },
  'token refreshed before expiry': {
    async ours() {
      const restore = emulator.current.setTokenTtl(2);
      const events: TribeEvent[] = [];
      const tribe = createTribeClient({ ...appOptions(emulator.current), onEvent: (event) => events.push(event) });
      const first = await tribe.getAccessToken();
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const second = await tribe.getAccessToken();
      restore.restore();
      expect(second.accessToken).not.toBe(first.accessToken);
      expect(events.some((event) => event.type === 'token-refreshed' && event.reason === 'expiring')).toBe(true);
      tribe.close();
    },
    theirs(claim) {
      expect(claim).toBe('no: a timer reports expiry');
      expect(officialFile('client/graphql.client.js')).toContain('this.tokenExpirationHandler(accessToken)');
      expect(officialFile('client/graphql.client.js')).not.toMatch(/refresh/i);
    },
  },
};

describe('the README table against @tribeplatform/gql-client 2.4.0', () => {
  it('reads the 2.4.0 package, and has a check for every row', () => {
    expect(JSON.parse(officialFile('package.json')).version).toBe('2.4.0');
    expect(rows.map((row) => row.feature)).toEqual(Object.keys(CHECKS));
  });

  for (const feature of Object.keys(CHECKS)) {
    it(`${feature}: our example runs, and the official package matches its column`, async () => {
      const row = rows.find((candidate) => candidate.feature === feature)!;
      expect(row.ours).toMatch(/^yes/);
      await CHECKS[feature]!.ours();
      CHECKS[feature]!.theirs(row.theirs);
    });
  }
});
