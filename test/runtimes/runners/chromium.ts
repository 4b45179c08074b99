import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { launchChromium } from '../../support/chromium.js';
import { bundleEntry, parseOutcome, writeEntry, type ProgramCall } from '../runtime-project.js';

/** Serves the page and its bundle on localhost, so the page's origin differs from the emulator's (127.0.0.1, another port). */
async function servePage(bundle: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    if (request.url === '/program.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
    else
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>tribe-sdk runtime matrix</title><script src="/program.js"></script>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Headless Chromium: a browser-platform bundle on a page that calls the emulator cross-origin. */
export async function runChromium(project: string, call: ProgramCall): Promise<unknown> {
  const bundle = await bundleEntry(project, await writeEntry(project, 'script', call), [], 'iife');
  const page = await servePage(bundle);
  const browser = await launchChromium();
  try {
    const tab = await browser.context.newPage();
    await tab.goto(page.url);
    const outcome = await tab.evaluate(
      () => (globalThis as { programOutcome?: Promise<string> }).programOutcome ?? JSON.stringify({ error: 'the bundle did not run' }),
    );
    return parseOutcome(call.label, outcome);
  } finally {
    await browser.close();
    await page.close();
  }
}
