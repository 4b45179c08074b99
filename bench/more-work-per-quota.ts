/**
 * The benchmarks of issue 27, side by side in one run: the lookup job with and without `coalesce`,
 * the bulk job of issue 16 with the limiter (now charging static costs), and the Redis dedup store
 * with 4 workers and one killed. Prints the BENCHMARKS.md section.
 */
import { measureBulkJob } from './bulk-job.js';
import { measureLookupJob } from './coalesce-lookups.js';
import { measureRedisDedup } from './redis-dedup.js';

const lookups = await measureLookupJob();
const bulk = (await measureBulkJob()).filter((result) => result.limiter);
const dedup = await measureRedisDedup();

const [plain, merged] = lookups;
const lines = [
  '## More work per quota (issue 27)',
  '',
  `Lookup job (bench/coalesce-lookups.ts): ${plain!.calls} \`member(id)\` lookups from 4 processes (500 at a time each) sharing one Redis limiter, against the emulator`,
  'with the free plan burst limits (100 requests, 10,000 complexity) and the window scaled from 10 s to 5 s.',
  '',
  "| coalesce | wall s | requests | 429s | answers with another call's data | failed |",
  '| --- | --- | --- | --- | --- | --- |',
  ...lookups.map(
    (row) => `| ${row.coalesce ? 'on' : 'off'} | ${row.wallS.toFixed(1)} | ${row.requests} | ${row.status429} | ${row.mismatched} | ${row.failed} |`,
  ),
  '',
  `Speed-up with coalesce: **${(plain!.wallS / merged!.wallS).toFixed(1)}×** (goal ≥ 8×); requests ${(plain!.requests / merged!.requests).toFixed(0)}× fewer.`,
  '',
  'Bulk job of issue 16 with the shared limiter, which now charges each call its static cost before the first answer:',
  '',
  '| scenario | wall s | minimum s | ratio | 429s |',
  '| --- | --- | --- | --- | --- |',
  ...bulk.map(
    (row) => `| ${row.scenario} | ${row.wallS.toFixed(1)} | ${row.minimumS.toFixed(0)} | ${(row.wallS / row.minimumS).toFixed(2)}× | ${row.status429} |`,
  ),
  '',
  `Redis dedup (bench/redis-dedup.ts): 4 webhook workers, ${dedup.events} events each delivered 3 times to random live workers, one worker killed`,
  `after a third of the deliveries: ran once ${dedup.ranOnce}, more than once ${dedup.ranTwice} (the killed worker had ${dedup.inFlightAtKill} in flight;`,
  `${dedup.ranTwiceElsewhere} ran twice otherwise), never ${dedup.neverRan}; ${dedup.redelivered} deliveries failed and were`,
  `delivered again. Time the store adds per delivery (claim, plus complete when run): p50 ${dedup.dedupP50Ms.toFixed(1)} ms, p99 ${dedup.dedupP99Ms.toFixed(1)} ms.`,
  '',
];
console.log(lines.join('\n'));
