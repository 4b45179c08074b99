import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's `chromium`, which .ci/run installs with apt-get. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether the browser is installed here. */
export const chromiumInstalled = (): boolean => existsSync(CHROMIUM);

// Headless, and nothing that reaches out of the machine on its own; playwright adds --headless itself.
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Whether `tests` can run: without Chromium they print one line and skip here, and fail in CI. */
export function chromiumAvailable(tests: string): boolean {
  if (chromiumInstalled()) return true;
  if (process.env.CI) throw new Error(`Chromium is missing at ${CHROMIUM}, and CI must run ${tests} (apt-get install chromium)`);
  console.log(`skipping ${tests}: no Chromium at ${CHROMIUM} (apt-get install chromium)`);
  return false;
}

/** Headless Chromium in a user-data folder of its own; `close()` ends it and removes the folder. */
export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'tribe-sdk-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: FLAGS, timeout: 60_000 });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
