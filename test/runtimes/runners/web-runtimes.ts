import { EdgeRuntime } from 'edge-runtime';
import { Miniflare } from 'miniflare';
import { bundleEntry, parseOutcome, writeEntry, type ProgramCall } from '../runtime-project.js';

/** workerd through Miniflare: a Workers module bundled under the `workerd` and `worker` conditions, answering one fetch. */
export async function runWorkerd(project: string, call: ProgramCall): Promise<unknown> {
  const script = await bundleEntry(project, await writeEntry(project, 'worker', call), ['workerd', 'worker'], 'esm');
  const miniflare = new Miniflare({
    modules: true,
    script,
    compatibilityDate: '2026-04-01',
  });
  try {
    const response = await miniflare.dispatchFetch('http://program.test/');
    return parseOutcome(call.label, await response.text());
  } finally {
    await miniflare.dispose();
  }
}

/** Vercel's edge-runtime: a script bundled under the `edge-light` and `worker` conditions, evaluated in its VM. */
export async function runEdgeRuntime(project: string, call: ProgramCall): Promise<unknown> {
  const script = await bundleEntry(project, await writeEntry(project, 'script', call), ['edge-light', 'worker'], 'iife');
  const runtime = new EdgeRuntime({ initialCode: script });
  return parseOutcome(call.label, await runtime.evaluate<Promise<string>>('globalThis.programOutcome'));
}
