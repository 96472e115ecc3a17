// Debian's Chromium driven by Playwright: `npx playwright install` cannot
// download a browser on these machines. The flags keep Chromium from calling
// Google's services, which would add network noise to the measurements.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const chromiumPath = '/usr/bin/chromium';

const launchOptions = {
  executablePath: chromiumPath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};

export const viewport = { width: 1280, height: 720 };

export async function launchBrowser() {
  if (!existsSync(chromiumPath)) {
    throw new Error(`The browser benchmarks need Debian's Chromium at ${chromiumPath}: install it with \`apt-get install -y chromium\`.`);
  }
  return chromium.launch(launchOptions);
}

/** Opens a fresh context (no cache, no cookies) with the benchmark viewport. */
export function newContext(browser) {
  return browser.newContext({ viewport });
}
