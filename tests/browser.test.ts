// The reports as a person sees them: the HTML page in headless
// Chromium, and the Mermaid text rendered by mermaid itself.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mermaid } from '../src/render/diagram.js';
import { htmlReport } from '../src/render/html.js';
import { markdownReport } from '../src/render/markdown.js';
import { runScenario } from '../src/run/runner.js';
import { loadScenario } from '../src/scenario/load.js';
import { chromiumAvailable, launchChromium, screenshot, watchedPage } from './browser.js';
import { ruleSet } from './helpers.js';

const OUTPUT = resolve('test-output');
const MERMAID_JS = resolve('node_modules/mermaid/dist/mermaid.min.js');
const SCENARIOS = [
  'renewed-offensive-invokes-the-guarantee',
  'a-ukrainian-offensive-that-seizes-land-is-revoked-rather-than-void',
  'an-extension-without-russia-has-no-effect',
];
const traceOf = (name: string) => runScenario(loadScenario(`scenarios/${name}.yaml`, ruleSet), ruleSet);

describe.skipIf(!chromiumAvailable)('the reports in a browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** A page that records console errors, uncaught exceptions and any request that leaves the file. */
  async function watched(): Promise<{ page: Page; problems: string[]; requests: string[] }> {
    const { page, problems, elsewhere } = await watchedPage(browser, { width: 1200, height: 900 }, (url) =>
      ['file:', 'data:', 'about:'].some((p) => url.startsWith(p)),
    );
    return { page, problems, requests: elsewhere };
  }

  it.each(SCENARIOS)(
    'shows the HTML report of %s with no console errors, the swimlane and the statechart visible',
    async (name) => {
      const file = join(OUTPUT, `${name}.html`);
      writeFileSync(file, htmlReport(await traceOf(name)));
      const { page, problems, requests } = await watched();
      await page.goto(pathToFileURL(file).href);
      for (const selector of ['#swimlane-chart', '#statechart-chart', '#timeline table', '#clauses']) {
        await page.locator(selector).waitFor({ state: 'visible', timeout: 5000 });
        expect(await page.locator(selector).isVisible(), selector).toBe(true);
      }
      const lane = await page.locator('#swimlane-chart').boundingBox();
      expect(lane!.width).toBeGreaterThan(600);
      expect(lane!.height).toBeGreaterThan(150);
      expect(
        await page.locator('#swimlane-chart .lane[data-lane="guarantee"] .segment').count(),
      ).toBeGreaterThanOrEqual(2);
      const ended = page.locator('#statechart-chart .state.current');
      expect(await ended.count()).toBeGreaterThanOrEqual(4);
      expect(await ended.first().isVisible()).toBe(true);
      expect(await page.locator('#statechart-chart .move').count()).toBeGreaterThan(0);
      await screenshot(page, join(OUTPUT, `${name}.png`), { fullPage: true });
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
      await page.close();
    },
  );

  it('renders the Mermaid statechart with the mermaid package, without syntax errors', async () => {
    const trace = await traceOf(SCENARIOS[0]!);
    const fromReport = /```mermaid\n([\s\S]*?)```/.exec(markdownReport(trace))![1]!;
    const { page, problems } = await watched();
    await page.setContent('<!doctype html><html><body><div id="out"></div></body></html>');
    await page.addScriptTag({ path: MERMAID_JS });
    for (const [i, text] of [mermaid(), mermaid(trace), fromReport].entries()) {
      const result = await page.evaluate(
        async ({ text, id }) => {
          type Dom = {
            getElementById(id: string): { innerHTML: string } | null;
            querySelectorAll(s: string): { length: number };
          };
          type Mermaid = {
            initialize(c: object): void;
            parse(t: string): Promise<unknown>;
            render(id: string, t: string): Promise<{ svg: string }>;
          };
          const { mermaid: m, document } = globalThis as unknown as { mermaid: Mermaid; document: Dom };
          m.initialize({ startOnLoad: false, securityLevel: 'strict' });
          try {
            await m.parse(text);
            const { svg } = await m.render(id, text);
            document.getElementById('out')!.innerHTML = svg;
            return {
              ok: true,
              svg,
              states: document.querySelectorAll('#out g.node, #out g.statediagram-state').length,
            };
          } catch (error) {
            return { ok: false, svg: '', states: 0, error: String(error) };
          }
        },
        { text, id: `statechart${i}` },
      );
      expect(result.ok, result.error).toBe(true);
      expect(result.svg.startsWith('<svg'), 'an SVG').toBe(true);
      expect(result.svg.includes('aria-roledescription="stateDiagram"'), 'a state diagram').toBe(true);
      expect(
        /Syntax error in text|aria-roledescription="error"/.test(result.svg),
        'mermaid drew its error diagram',
      ).toBe(false);
      expect(result.states).toBeGreaterThanOrEqual(25);
    }
    await screenshot(page.locator('#out svg'), join(OUTPUT, 'statechart-mermaid.png'));
    expect(problems).toEqual([]);
    await page.close();
  });
});
