import { EdgeRuntime } from 'edge-runtime';
import { Miniflare } from 'miniflare';
import type { SmokeResult, SmokeTarget } from '../smoke-program.js';
import { bundleEntry, parseOutcome, writeEntry } from '../smoke-project.js';

/** workerd through Miniflare: a Workers module bundled under the `workerd` and `worker` conditions, answering one fetch. */
export async function runWorkerd(project: string, target: SmokeTarget): Promise<SmokeResult> {
  const script = await bundleEntry(project, await writeEntry(project, 'worker', target), ['workerd', 'worker'], 'esm');
  const miniflare = new Miniflare({
    modules: true,
    script,
    compatibilityDate: '2026-04-01',
  });
  try {
    const response = await miniflare.dispatchFetch('http://smoke.test/');
    return parseOutcome('workerd', await response.text());
  } finally {
    await miniflare.dispose();
  }
}

/** Vercel's edge-runtime: a script bundled under the `edge-light` and `worker` conditions, evaluated in its VM. */
export async function runEdgeRuntime(project: string, target: SmokeTarget): Promise<SmokeResult> {
  const script = await bundleEntry(project, await writeEntry(project, 'script', target), ['edge-light', 'worker'], 'iife');
  const runtime = new EdgeRuntime({ initialCode: script });
  return parseOutcome('edge-runtime', await runtime.evaluate<Promise<string>>('globalThis.smokeOutcome'));
}
