// Headless Chromium for the browser tests: Debian's chromium
// driven by playwright-core, and a page that reports trouble.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** CI installs Chromium (.ci/run); elsewhere a missing browser skips the browser tests rather than failing them. */
export const chromiumAvailable = existsSync(CHROMIUM) || Boolean(process.env.CI);

/** A fresh browser (launch() gives every run a temporary profile of its own). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/**
 * A page that records console errors and warnings, uncaught exceptions, and every request `allowed` does not accept.
 */
export async function watchedPage(
  browser: Browser,
  viewport: { width: number; height: number },
  allowed: (url: string) => boolean,
): Promise<{ page: Page; problems: string[]; elsewhere: string[] }> {
  const page = await browser.newPage({ viewport });
  const problems: string[] = [];
  const elsewhere: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    if (!allowed(r.url())) elsewhere.push(r.url());
  });
  return { page, problems, elsewhere };
}

/**
 * A picture of the page for a person to look at (test-output/), taken only under CASUS_SCREENSHOTS=1: no test reads it,
 * and each costs a second of a shared machine.
 */
export async function screenshot(
  target: { screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown> },
  path: string,
  options: { fullPage?: boolean } = {},
): Promise<void> {
  if (process.env.CASUS_SCREENSHOTS === '1') await target.screenshot({ path, ...options });
}
