import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSchema, introspectionFromSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullSchema } from '../../packages/tools/src/cli/schema-pull.js';
import { mintAccessToken } from '../../src/index.js';
import { useEmulator } from '../support/emulator.js';

const snapshot = await readFile(new URL('../../schema/tribe.graphql', import.meta.url), 'utf8');
const emulator = useEmulator();
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tribe-sdk-pull-sources-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('schema pull sources', () => {
  it('--from an introspection JSON file writes the sorted SDL of the schema it describes', async () => {
    const from = join(dir, 'introspection.json');
    await writeFile(from, JSON.stringify({ data: introspectionFromSchema(buildSchema(snapshot)) }));
    const out = join(dir, 'from-json.graphql');
    const result = await pullSchema({ from, out, env: {} });
    expect(result.written).toBe(true);
    expect(await readFile(out, 'utf8')).toBe(snapshot);
  });

  it('--from an endpoint with TRIBE_ACCESS_TOKEN introspects with that bearer and never mints', async () => {
    const e = emulator.current;
    const token = await mintAccessToken({ clientId: e.clientId, clientSecret: e.clientSecret, networkId: e.networkId, endpoint: e.url });
    const seenBefore = e.requests.length;
    const out = join(dir, 'from-endpoint.graphql');
    await pullSchema({ from: e.url, out, env: { TRIBE_ACCESS_TOKEN: token.accessToken } });
    expect(await readFile(out, 'utf8')).toBe(snapshot);
    const sent = e.requests.slice(seenBefore);
    expect(sent.map((request) => request.operationName)).toEqual(['IntrospectionQuery']);
    expect(sent.map((request) => request.authorization)).toEqual([`Bearer ${token.accessToken}`]);
    expect(e.requestCount('limitedToken')).toBe(1);
  });
});
