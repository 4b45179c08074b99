/**
 * The throughput program each runtime runs against the fixed server: the SDK (through the entry that
 * runtime resolves) against that runtime's raw `fetch`, and raw `undici.request` where the runtime can
 * load undici. Like the smoke program it imports nothing: the entry hands it the `tribe-sdk` module.
 * Rounds alternate the clients' order so that drift on a shared machine hits all of them alike.
 */
import type * as TribeSdkModule from '../../src/index.js';

/** How one run is shaped. */
export interface ThroughputShape {
  url: string;
  concurrency: number;
  /** Requests per client per round. */
  requests: number;
  rounds: number;
  /** The printed `posts` document the SDK sends, so raw fetch sends the same bytes. */
  query: string;
}

/** What the entry hands over besides the SDK: undici, where the runtime loads it unbundled. */
export interface ThroughputModules {
  undici?: { request(url: string, options: object): Promise<{ body: { text(): Promise<string> } }> };
}

/** Per-request wall time in µs of each client: the median over rounds. */
export type ThroughputFigures = Record<string, number>;

const POSTS_VARIABLES = { limit: 10, orderBy: 'createdAt', reverse: true } as const;

type Call = () => Promise<unknown>;

async function timeCalls(call: Call, requests: number, concurrency: number): Promise<number> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < requests) {
      next += 1;
      await call();
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, requests) }, worker));
  return ((performance.now() - started) * 1000) / requests;
}

const dataOf = (text: string): unknown => (JSON.parse(text) as { data: unknown }).data;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** Measures every client available here; the first call of each is a warm-up and not timed. */
export async function runThroughput(sdk: typeof TribeSdkModule, shape: ThroughputShape, modules: ThroughputModules = {}): Promise<ThroughputFigures> {
  const options = { clientId: 'bench-client', clientSecret: 'bench-secret', networkId: 'bench-network', endpoint: shape.url };
  const tribe = sdk.createTribeClient(options);
  const { accessToken, gatewayUrl } = await tribe.getAccessToken();
  const target = gatewayUrl ?? shape.url;
  const headers = { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${accessToken}` };
  const body = (): string => JSON.stringify({ query: shape.query, variables: POSTS_VARIABLES, operationName: 'posts' });
  const clients: Record<string, Call> = {
    'raw fetch': async () => dataOf(await (await fetch(target, { method: 'POST', headers, body: body() })).text()),
    'tribe-sdk': () => tribe.sdk.posts(POSTS_VARIABLES),
  };
  const { undici } = modules;
  if (undici) {
    clients['raw undici.request'] = async () => dataOf(await (await undici.request(target, { method: 'POST', headers, body: body() })).body.text());
  }
  const samples: Record<string, number[]> = {};
  const names = Object.keys(clients);
  // The warm-up call of each client must bring the same data, or the comparison means nothing.
  const answers = new Set<string>();
  for (const name of names) answers.add(JSON.stringify(await clients[name]!()));
  if (answers.size !== 1) throw new Error(`bench: the clients got different answers: ${[...answers].join(' | ').slice(0, 500)}`);
  for (let round = 0; round < shape.rounds; round++) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) (samples[name] ??= []).push(await timeCalls(clients[name]!, shape.requests, shape.concurrency));
  }
  tribe.close();
  return Object.fromEntries(names.map((name) => [name, median(samples[name]!)]));
}
