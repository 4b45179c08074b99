/**
 * `npm run bench:profile` (`-- raw` for the baseline): sends 60 000 `posts` calls at concurrency 32 through the Node SDK (or with
 * `raw`, through raw undici.request) against the fixed server in its own process, for `node --cpu-prof`.
 */
import { clientFactories } from './clients.js';
import { startFixedServer } from './server-process.js';

const name = process.argv.includes('raw') ? 'raw undici.request' : 'SDK (node, undici)';
const server = await startFixedServer();
const client = await clientFactories.find((factory) => factory.name === name)!.create(server.url);
let left = 60_000;
const worker = async (): Promise<void> => {
  while (left-- > 0) await client.call();
};
const started = performance.now();
await Promise.all(Array.from({ length: 32 }, worker));
process.stdout.write(`${name}: ${((performance.now() - started) / 60).toFixed(1)} µs/request\n`);
await client.close();
await server.close();
