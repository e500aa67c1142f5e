// The teaching page as a class uses it: casus serve in a real process,
// the page in headless Chromium, driven by keyboard and mouse.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIssue, type InputError } from '../src/issues/issue.js';
import { LEGEND } from '../src/plan/legend.js';
import { PATH_COLOURS, STATUS_COLOURS } from '../src/plan/vocabulary.js';
import { runScenario } from '../src/run/runner.js';
import { loadScenario, parseScenario } from '../src/scenario/load.js';
import { chromiumAvailable, launchChromium, screenshot, watchedPage } from './browser.js';
import { captureIo, ruleSet, VERSIONS } from './helpers.js';
import { main } from '../src/cli/main.js';

const OUTPUT = resolve('test-output');
const OFFENSIVE = 'renewed-offensive-invokes-the-guarantee';
const DRONE_RAID = 'under-the-ground-incursion-reading-a-drone-raid-does-not-revoke-the-guarantee';

const words = (text: string) => text.replace(/\s+/g, ' ').trim();

describe.skipIf(!chromiumAvailable)('the teaching page in a browser', () => {
  let browser: Browser;
  let server: ChildProcessWithoutNullStreams;
  let url: string;
  let exited: Promise<number | null>;

  beforeAll(async () => {
    if (!existsSync('dist/web/index.html') || !existsSync('dist/cli/bin.js'))
      throw new Error('the page is not built: run npm run build (npm test does)');
    mkdirSync(OUTPUT, { recursive: true });
    server = spawn(process.execPath, ['dist/cli/bin.js', 'serve', `scenarios/${DRONE_RAID}.yaml`, '--port', '0'], {
      env: { ...process.env, NO_COLOR: '1' },
    });
    exited = new Promise((done) => server.on('exit', (code) => done(code)));
    url = await new Promise<string>((done, fail) => {
      let out = '';
      server.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const found = /^http:\/\/127\.0\.0\.1:\d+\/$/m.exec(out);
        if (found) done(found[0]);
      });
      server.on('exit', (code) => fail(new Error(`casus serve exited ${code} before printing its address`)));
    });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (server && server.exitCode === null) {
      server.kill('SIGINT');
      expect([0, 130], 'casus serve stops on SIGINT').toContain(await exited);
    }
  });

  /** A page that records console errors, uncaught exceptions and any request that leaves the server. */
  async function open(
    hash = '',
    viewport = { width: 1400, height: 1000 },
  ): Promise<{ page: Page; problems: string[]; elsewhere: string[] }> {
    const { page, problems, elsewhere } = await watchedPage(
      browser,
      viewport,
      (u) => u.startsWith(url) || u.startsWith('data:'),
    );
    await page.goto(url + hash);
    await page.locator('body[data-ready="true"]').waitFor({ timeout: 10_000 });
    return { page, problems, elsewhere };
  }

  const finalGuarantee = (page: Page) => page.locator('#final-guarantee');

  it(
    'opens on the scenario given on the command line, ' +
      'with no console errors, nothing loaded from elsewhere, and a CSP',
    async () => {
      const response = await fetch(url);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      const { page, problems, elsewhere } = await open();
      expect(await page.locator('#scenario-text').inputValue()).toBe(
        readFileSync(`scenarios/${DRONE_RAID}.yaml`, 'utf8'),
      );
      await expect.poll(() => page.locator('#scenario-title').textContent()).toContain('drone raid');
      expect(await page.locator('#issues-summary').textContent()).toContain('No problems');
      expect(await finalGuarantee(page).textContent()).toBe('guarantee in-force');
      // the page's legend is the vocabulary's: SG and T28 defined, every term in order
      expect(await page.locator('#legend-list dt').allTextContents()).toEqual(LEGEND.map((l) => l.term));
      expect(words((await page.locator('#legend-list').textContent()) ?? '')).toContain('security-guarantee draft');
      // every control can be named by a screen reader
      const unnamed = await page
        .locator('button, input, select, textarea')
        .evaluateAll((els) =>
          els
            .filter(
              (e) =>
                !(
                  e.getAttribute('aria-label') ||
                  e.textContent?.trim() ||
                  (e.id && e.ownerDocument.querySelector(`label[for="${e.id}"]`)) ||
                  e.closest('label') ||
                  e.getAttribute('type') === 'hidden' ||
                  (e as { hidden?: boolean }).hidden
                ),
            )
            .map((e) => e.outerHTML.slice(0, 80)),
        );
      expect(unnamed).toEqual([]);
      await screenshot(page, join(OUTPUT, 'web-start.png'), { fullPage: true });
      expect(problems).toEqual([]);
      expect(elsewhere).toEqual([]);
      await page.close();
    },
  );

  it(
    'picks a bundled scenario, flags a misspelt event type at its line in the words of the CLI, ' +
      'keeps it in a link, and clears it when fixed',
    async () => {
      const { page, problems } = await open();
      await page.locator('#scenario-picker').selectOption(OFFENSIVE);
      const file = `scenarios/${OFFENSIVE}.yaml`;
      const original = readFileSync(file, 'utf8');
      await expect.poll(() => page.locator('#scenario-text').inputValue()).toBe(original);
      await expect.poll(() => page.url()).toContain(`scenario=${OFFENSIVE}`);
      const lines = original.split('\n');
      const line = lines.findIndex((l) => l.includes('withdrawal-completed, party: UA')) + 1;
      const broken = lines
        .map((l, i) => (i === line - 1 ? l.replace('withdrawal-completed', 'withdrawl-completed') : l))
        .join('\n');
      await page.locator('#scenario-text').fill(broken);
      const flagged = page.locator(`#issues li[data-line="${line}"]`);
      await flagged.waitFor({ timeout: 5000 });
      expect(await page.locator(`#gutter-lines [data-line="${line}"]`).getAttribute('class')).toContain('error');
      expect(await page.locator(`#marks .mark[data-line="${line}"]`).count()).toBe(1);
      expect(await page.locator('#scenario-text').getAttribute('aria-invalid')).toBe('true');
      const cli = (() => {
        try {
          parseScenario(file, broken, ruleSet);
        } catch (error) {
          return (error as InputError).issues.map(formatIssue);
        }
        return [];
      })();
      expect(cli[0]).toMatch(new RegExp(`^${file}:${line}:`));
      expect(await page.locator('#issues li pre').allTextContents()).toEqual(cli);
      await screenshot(page, join(OUTPUT, 'web-error.png'), { fullPage: true });
      // the broken text travels in the link, and comes back flagged
      await expect.poll(() => page.url()).toContain('yaml=');
      const shared = await open(new URL(page.url()).hash);
      expect(await shared.page.locator('#scenario-text').inputValue()).toBe(broken);
      await shared.page.locator(`#issues li[data-line="${line}"]`).waitFor({ timeout: 5000 });
      await shared.page.close();
      await page.locator('#scenario-text').fill(original);
      await expect.poll(() => page.locator('#issues li').count()).toBe(0);
      expect(await page.locator('#issues-summary').textContent()).toContain('No problems');
      await expect.poll(() => page.url()).toContain(`scenario=${OFFENSIVE}`);
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  it(
    'steps forward and back with the arrow keys: the event, what changed, the explanation of casus explain, ' +
      'the statechart lit',
    async () => {
      const trace = await runScenario(loadScenario(`scenarios/${OFFENSIVE}.yaml`, ruleSet), ruleSet);
      const attack = trace.steps.findIndex((s) => s.at === '2029-03-01') + 1;
      const { page, problems } = await open(`#scenario=${OFFENSIVE}`);
      expect(await page.locator('#step-count').textContent()).toBe(`Start (of ${trace.steps.length} steps)`);
      await page.locator('#timeline-h').click();
      for (let i = 0; i < attack; i++) await page.keyboard.press('ArrowRight');
      expect(await page.locator('#step-count').textContent()).toBe(`Step ${attack} of ${trace.steps.length}`);
      expect(await page.locator('#step h3').textContent()).toContain('2029-03-01: Russia attacks Ukraine');
      expect(await page.locator('#step .changes').textContent()).toContain(
        'guarantee in-force → invoked (consultation)',
      );
      // one short sentence per change with its clause badge; the rules' full reasoning opens on demand
      const trigger = trace.clauses.find((c) => c.id === 'guarantee-trigger')!.title;
      expect(await page.locator('#step-why li[data-region="guarantee"]').textContent()).toBe(
        `guarantee in-force → invoked (consultation): ${trigger}. [guarantee-trigger · SG]`,
      );
      expect(await page.locator('#step-why-full').getAttribute('open')).toBeNull();
      expect(await page.locator('#step-why-full').textContent()).toContain(
        'Rule qualifying-russian-attack fired because',
      );
      const io = captureIo();
      expect(await main(['explain', `scenarios/${OFFENSIVE}.yaml`, '--at', '2029-03-01'], io)).toBe(0);
      expect(words((await page.locator('#step-explain p').allTextContents()).join(' '))).toBe(words(io.out));
      expect(await page.locator('#chart .state.current[data-state="guarantee.invoked.consultation"]').count()).toBe(1);
      expect(await page.locator('#chart .move.last').count()).toBeGreaterThanOrEqual(1);
      expect(await page.locator(`#swimlane .step-mark.current[data-step="${attack - 1}"]`).count()).toBe(1);
      expect(await page.locator('#status-cards [data-region="guarantee"]').getAttribute('class')).toContain('changed');
      await screenshot(page, join(OUTPUT, 'web-step.png'), { fullPage: true });
      await page.keyboard.press('ArrowLeft');
      expect(await page.locator('#step-count').textContent()).toBe(`Step ${attack - 1} of ${trace.steps.length}`);
      expect(await page.locator('#step h3').textContent()).toContain('A sanctions-relief step');
      expect(await page.locator('#chart .state.current[data-state="guarantee.in-force"]').count()).toBe(1);
      await expect.poll(() => page.url()).toContain(`step=${attack - 1}`);
      await page.keyboard.press('Home');
      expect(await page.locator('#step h3').textContent()).toBe('Before the first event');
      expect(await page.locator('#prev').isDisabled()).toBe(true);
      await page.locator('#next').click();
      expect(await page.locator('#step-count').textContent()).toBe(`Step 1 of ${trace.steps.length}`);
      await page.keyboard.press('End');
      expect(await page.locator('#next').isDisabled()).toBe(true);
      // typing in the editor is never taken for stepping
      await page.locator('#scenario-text').press('ArrowLeft');
      expect(await page.locator('#step-count').textContent()).toBe(
        `Step ${trace.steps.length} of ${trace.steps.length}`,
      );
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  it('choosing another reading re-runs at once, changes the final guarantee, and the link restores it', async () => {
    const { page, problems } = await open(`#scenario=${DRONE_RAID}`);
    expect(await finalGuarantee(page).textContent()).toBe('guarantee in-force');
    await page.locator('#a-invasion-test-any-attack').check();
    await expect.poll(() => finalGuarantee(page).textContent()).toBe('guarantee revoked');
    expect(await page.locator('#expectations').textContent()).toContain('0 of 1 hold');
    await expect.poll(() => page.url()).toContain('a.invasion-test=any-attack');
    const shared = await open(new URL(page.url()).hash);
    expect(await finalGuarantee(shared.page).textContent()).toBe('guarantee revoked');
    expect(await shared.page.locator('#a-invasion-test-any-attack').isChecked()).toBe(true);
    await shared.page.close();
    await page.locator('#a-invasion-test-ground-incursion').check();
    await expect.poll(() => finalGuarantee(page).textContent()).toBe('guarantee in-force');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('picking another plan version re-runs at once: under ua-20 the drone raid voids the guarantee', async () => {
    const { page, problems } = await open(`#scenario=${DRONE_RAID}`);
    // the base plan first, then the others by id, each with its overlay's title
    const title = (v: string) => JSON.parse(readFileSync(`rules/versions/${v}.json`, 'utf8')).title;
    const order = ['us-28', ...VERSIONS.filter((v) => v !== 'us-28').sort()];
    expect(await page.locator('#plan-picker option').allTextContents()).toEqual(order.map((v) => `${v} (${title(v)})`));
    await page.locator('#plan-picker').selectOption('ua-20');
    await expect.poll(() => finalGuarantee(page).textContent()).toBe('guarantee void');
    await expect.poll(() => page.url()).toContain('ua-20');
    expect(problems).toEqual([]);
    await page.close();
  });

  it(
    'the versions slider reruns the scenario under the version it moves to, ' +
      'and the timeline lists every version in date order',
    async () => {
      const { page, problems } = await open(
        '#scenario=a-multinational-force-breaches-point-8-under-the-28-points-but-not-after-berlin',
      );
      await expect.poll(() => page.locator('#version-timeline li').count()).toBe(VERSIONS.length);
      expect(
        await page.locator('#version-timeline li').evaluateAll((els) => els.map((e) => e.getAttribute('data-version'))),
      ).toEqual(VERSIONS);
      expect(await page.locator('#version-timeline li[data-version="berlin"]').textContent()).toContain(
        'nato-troops-stationed',
      );
      await page.locator('#version-slider').fill(String(VERSIONS.indexOf('berlin')));
      await expect.poll(() => page.locator('#plan-picker').inputValue()).toBe('berlin');
      await expect.poll(() => page.locator('#version-timeline li.current').getAttribute('data-version')).toBe('berlin');
      await expect.poll(() => page.url()).toContain('berlin');
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  it('compares two readings side by side, with the first step where they differ highlighted', async () => {
    const { page, problems } = await open(`#scenario=${DRONE_RAID}`);
    await page.locator('#compare-toggle').click();
    expect(await page.locator('#compare').isVisible()).toBe(true);
    expect(await page.locator('#compare-toggle').getAttribute('aria-expanded')).toBe('true');
    await expect
      .poll(() => page.locator('#compare-summary').textContent())
      .toContain('the same statuses at every step');
    await page.locator('#b-invasion-test-any-attack').check();
    await expect
      .poll(() => page.locator('#compare-summary').textContent())
      .toMatch(/first differ at step \d+, 2028-07-09 .*guarantee in-force under A, revoked under B/);
    expect(await page.locator('.compare-steps li.diverges').count()).toBe(2);
    expect(await page.locator('#readings-b fieldset.differs[data-name="invasion-test"]').count()).toBe(1);
    await expect.poll(() => page.url()).toMatch(/compare=1.*b\.invasion-test=any-attack/);
    await screenshot(page.locator('#compare'), join(OUTPUT, 'web-compare.png'));
    expect(problems).toEqual([]);
    await page.close();
  });

  it("tints every guarantee badge with the tint the vocabulary gives its status, under the page's CSP", async () => {
    const { page, problems } = await open(`#scenario=${OFFENSIVE}`);
    const badges = await page
      .locator('#step-list .badge')
      .evaluateAll((els) =>
        els.map((e) => [
          e.getAttribute('data-value')!,
          e.ownerDocument.defaultView!.getComputedStyle(e).backgroundColor,
        ]),
      );
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    expect(new Set(badges.map(([value]) => value))).toEqual(new Set(['pending', 'in-force', 'invoked']));
    for (const [value, background] of badges)
      expect(background, value).toBe(rgb(STATUS_COLOURS[value as 'pending'].tint));
    expect(problems).toEqual([]);
    await page.close();
  });

  it("draws the run's path on the statechart in the vocabulary's path colours, under the page's CSP", async () => {
    const { page, problems } = await open(`#scenario=${OFFENSIVE}&step=11`);
    const style = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((e) => {
          const s = e.ownerDocument.defaultView!.getComputedStyle(e);
          return { fill: s.fill, stroke: s.stroke };
        });
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    expect(await style('#statechart-chart .state.visited:not(.current):not(.compound) > rect')).toEqual({
      fill: rgb(PATH_COLOURS.visited),
      stroke: rgb(PATH_COLOURS.move),
    });
    expect(await style('#statechart-chart .state.current:not(.compound) > rect')).toEqual({
      fill: rgb(PATH_COLOURS.current),
      stroke: rgb(PATH_COLOURS.currentStroke),
    });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('has a large-type mode for projectors, kept in the link', async () => {
    const { page, problems } = await open(`#scenario=${OFFENSIVE}&step=11`);
    // the callback runs in the page, where getComputedStyle exists
    const size = () =>
      page
        .locator('body')
        .evaluate((b) =>
          parseFloat(
            (globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } }).getComputedStyle(b)
              .fontSize,
          ),
        );
    const normal = await size();
    await page.locator('#large-type').click();
    expect(await page.locator('#large-type').getAttribute('aria-pressed')).toBe('true');
    expect(await size()).toBeGreaterThanOrEqual(normal * 1.4);
    await expect.poll(() => page.url()).toContain('large=1');
    const shared = await open(new URL(page.url()).hash);
    expect(await shared.page.locator('html').getAttribute('class')).toContain('large');
    expect(await shared.page.locator('#step-count').textContent()).toMatch(/^Step 11 of/);
    await screenshot(shared.page, join(OUTPUT, 'web-large.png'));
    await shared.page.close();
    expect(problems).toEqual([]);
    await page.close();
  });

  describe('on a projector at 1400×900', () => {
    const PROJECTOR = { width: 1400, height: 900 };
    /** Where a section sits on the screen, as a box. */
    const box = async (page: Page, selector: string) => (await page.locator(selector).first().boundingBox())!;
    const inside = (b: { x: number; y: number; width: number; height: number }) =>
      b.x >= 0 && b.y >= 0 && b.x + b.width <= PROJECTOR.width + 0.5 && b.y + b.height <= PROJECTOR.height + 0.5;

    for (const large of [false, true]) {
      it(
        'shows the scenario, the timeline and the statechart together, in the order 1, 2, 3, without scrolling' +
          (large ? ', in large type too' : ''),
        async () => {
          const { page, problems } = await open(`#scenario=${OFFENSIVE}&step=10${large ? '&large=1' : ''}`, PROJECTOR);
          const [scenario, timeline, chart, readings] = [
            await box(page, '#scenario'),
            await box(page, '#timeline'),
            await box(page, '#statechart'),
            await box(page, '#readings'),
          ];
          for (const [name, b] of [
            ['scenario', scenario],
            ['timeline', timeline],
            ['statechart', chart],
          ] as const)
            expect(inside(b), `${name} ${JSON.stringify(b)}`).toBe(true);
          expect(inside(await box(page, '#chart svg')), 'the statechart drawing').toBe(true);
          expect(inside(await box(page, '#step h3')), "the step's heading").toBe(true);
          expect(scenario.x).toBeLessThan(timeline.x);
          expect(timeline.x).toBeLessThan(chart.x);
          expect(readings.y).toBeGreaterThanOrEqual(chart.y + chart.height);
          expect(await page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY)).toBe(0);
          await screenshot(page, join(OUTPUT, `web-projector${large ? '-large' : ''}.png`));
          expect(problems).toEqual([]);
          await page.close();
        },
      );
    }

    it('numbers steps from 1, as casus explain does, and ends every lane with a visible final segment', async () => {
      const trace = await runScenario(loadScenario(`scenarios/${OFFENSIVE}.yaml`, ruleSet), ruleSet);
      const attack = trace.steps.findIndex((s) => s.at === '2029-03-01') + 1;
      const { page, problems } = await open(`#scenario=${OFFENSIVE}&step=${attack}`, PROJECTOR);
      expect(await page.locator('#step-count').textContent()).toBe(`Step ${attack} of ${trace.steps.length}`);
      const io = captureIo();
      await main(['explain', `scenarios/${OFFENSIVE}.yaml`, '--at', '2029-03-01'], io);
      const cli = /step (\d+)/.exec(io.out)?.[1];
      const shown = /step (\d+)/.exec((await page.locator('#step-explain').textContent()) ?? '')?.[1];
      expect(cli).toBe(String(attack));
      expect(shown).toBe(cli);
      for (const lane of ['agreement', 'guarantee', 'ceasefire', 'sanctions', 'russiaBenefits']) {
        const final = page.locator(`#swimlane-chart .lane[data-lane="${lane}"] .segment.final rect`);
        expect((await final.boundingBox())!.width, lane).toBeGreaterThan(40);
      }
      expect(problems).toEqual([]);
      await page.close();
    });

    it('wraps long lines in the editor and labels the link box', async () => {
      const { page, problems } = await open(`#scenario=${OFFENSIVE}`, PROJECTOR);
      const area = page.locator('#scenario-text');
      expect(
        await area.evaluate(
          (t) =>
            (t as unknown as { scrollWidth: number; clientWidth: number }).scrollWidth <=
            (t as unknown as { clientWidth: number }).clientWidth,
        ),
      ).toBe(true);
      expect(await page.locator('label:has(#share-url)').textContent()).toContain('Link to this view');
      await screenshot(page, join(OUTPUT, 'web-projector-editor.png'));
      expect(problems).toEqual([]);
      await page.close();
    });
  });
});
