import type { Page } from 'playwright-core';
import { onTestFinished } from 'vitest';
import { launchChromium } from '../support/chromium.js';

/** A page in headless Chromium (nothing reaching out of the machine on its own), closed when the test ends. */
export async function openPage(): Promise<Page> {
  const browser = await launchChromium();
  onTestFinished(browser.close);
  return browser.context.newPage();
}
