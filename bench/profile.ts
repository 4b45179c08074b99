/**
 * `npm run bench:profile` (`-- raw` for the baseline, or `-- '<client name>'` for any client of bench/clients.ts, such as
 * `'SDK (fetch exchange)'` and `'raw fetch'`): sends 60 000 `posts` calls at concurrency 32 through that client (by default the
 * Node SDK) against the fixed server in its own process, for `node --cpu-prof`.
 */
import { clientFactories } from './clients.js';
import { startFixedServer } from './server-process.js';

const asked = process.argv[2];
const name = asked === 'raw' ? 'raw undici.request' : (asked ?? 'SDK (node, undici)');
const factory = clientFactories.find((candidate) => candidate.name === name);
if (!factory) throw new Error(`bench:profile: no client named ${name}; the names are ${clientFactories.map((candidate) => candidate.name).join(', ')}`);
const server = await startFixedServer();
const client = await factory.create(server.url);
let left = 60_000;
const worker = async (): Promise<void> => {
  while (left-- > 0) await client.call();
};
const started = performance.now();
await Promise.all(Array.from({ length: 32 }, worker));
process.stdout.write(`${name}: ${((performance.now() - started) / 60).toFixed(1)} µs/request\n`);
await client.close();
await server.close();
