import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { onTestFinished } from 'vitest';
import { CHROMIUM, chromiumInstalled } from '../runtimes/runners/chromium.js';

/** Whether the browser tests can run: without Chromium they print one line and skip here, and fail in CI. */
export function chromiumAvailable(): boolean {
  if (chromiumInstalled()) return true;
  if (process.env.CI) throw new Error(`Chromium is missing at ${CHROMIUM}, and CI must run the browser tests (apt-get install chromium)`);
  console.log(`skipping the block preview's browser tests: no Chromium at ${CHROMIUM} (apt-get install chromium)`);
  return false;
}

/** A page in headless Chromium (nothing reaching out of the machine on its own), closed when the test ends. */
export async function openPage(): Promise<Page> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'tribe-sdk-preview-'));
  const browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    timeout: 60_000,
  });
  onTestFinished(async () => {
    await browser.close();
    await rm(userDataDir, { recursive: true, force: true });
  });
  return browser.newPage();
}
