// The Markdown and HTML reports, and --out: complete, escaped, self-contained, and written atomically.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { writeAtomically, type WriterFs } from '../src/cli/output.js';
import { InputError } from '../src/issues/issue.js';
import { STATUS_COLOURS, VALUE_REGIONS } from '../src/plan/vocabulary.js';
import { htmlReport } from '../src/render/html.js';
import { markdownReport } from '../src/render/markdown.js';
import { runScenario } from '../src/run/runner.js';
import { checkScenario, loadScenario } from '../src/scenario/load.js';
import { captureIo, IN_FORCE, pattern, ruleSet } from './helpers.js';

const SCENARIO = 'scenarios/renewed-offensive-invokes-the-guarantee.yaml';
const traceOf = (file: string) => runScenario(loadScenario(file, ruleSet), ruleSet);
const cli = async (argv: string[]) => {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
};
const tmp = () => mkdtempSync(join(tmpdir(), 'casus-report-'));

/** A scenario whose every free text tries to break out of its context. */
const hostile = () =>
  runScenario(
    checkScenario(
      {
        scenario: 'hostile-text',
        title: 'Pipes | and <script>alert("title")</script> & <b>bold</b>',
        events: [
          ...IN_FORCE,
          {
            at: '2028-01-05',
            type: 'armed-attack',
            by: 'UA',
            against: 'RU',
            scale: 'limited',
            means: 'drone',
            target: 'Kursk | <img src=x onerror=alert(1)>',
            note: 'a "note" with </td> and | pipes',
          },
        ],
      },
      ruleSet,
      '<scenario>',
    ),
    ruleSet,
  );

describe('the Markdown report', () => {
  it('has the summary, the timeline table, the steps, the Mermaid statechart and the clause appendix', async () => {
    const md = markdownReport(await traceOf(SCENARIO));
    expect(md).toMatch(/^# A renewed Russian offensive in year three invokes the guarantee\n/);
    expect(md).toContain('## Summary');
    expect(md).toContain('At the end of the run the guarantee is **invoked (response)**.');
    expect(md).toContain('| # | date | event | what changed | rule · clause |');
    expect(md).toMatch(
      pattern(
        /\| 11 \| 2029-03-01 \| Russia attacks Ukraine[^\n]*guarantee in-force → invoked \(consultation\)<br>/,
        /[^\n]*`qualifying-russian-attack` · \[guarantee-trigger\]\(#clause-guarantee-trigger\) · SG/,
      ),
    );
    expect(md).toContain('## Step by step');
    expect(md).toContain('### 2029-03-01 · Russia attacks Ukraine');
    expect(md).toContain('## The statechart');
    expect(md).toMatch(/```mermaid\nstateDiagram-v2\n[\s\S]*class [^\n]* current\n```/);
    expect(md).toContain('## Clauses cited');
    expect(md).toContain('<a id="clause-guarantee-trigger"></a>');
    expect(md).toContain('### guarantee-trigger: A renewed Russian attack invokes the guarantee');
    for (const link of md.matchAll(/\]\(#(clause-[a-z0-9-]+)\)/g))
      expect(md, link[1]).toContain(`<a id="${link[1]}"></a>`);
  });

  it('says why not in the steps that did not change the guarantee', async () => {
    const md = markdownReport(
      await traceOf('scenarios/an-attack-that-is-not-sustained-does-not-invoke-the-guarantee.yaml'),
    );
    expect(md).toContain(
      '*Why not:* `qualifying-russian-attack` ([guarantee-trigger](#clause-guarantee-trigger) · SG) did not fire: ' +
        'the attack was not sustained (sustained: false); under attack-test = significant-deliberate-sustained ' +
        'that is required.',
    );
  });

  it('escapes | in table cells and leaves no raw HTML from the scenario', async () => {
    const md = markdownReport(await hostile());
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    const header = rows[0]!.split(/(?<!\\)\|/).length;
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length, row).toBe(header);
    expect(md).toContain('Kursk \\| &lt;img src=x onerror=alert(1)&gt;');
    expect(md).not.toMatch(/<script|<img|<b>|<\/td>/);
    expect(md).toContain('# Pipes \\| and &lt;script&gt;');
  });
});

describe('the HTML report', () => {
  it('is one page with the summary, timeline, swimlane, statechart and clauses', async () => {
    const html = htmlReport(await traceOf(SCENARIO));
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    for (const id of ['summary', 'swimlane', 'timeline', 'statechart', 'clauses'])
      expect(html).toContain(`<section id="${id}">`);
    expect(html).toContain('<svg id="swimlane-chart"');
    expect(html).toContain('<svg id="statechart-chart"');
    expect(html).toMatch(/<g class="state visited current[^"]*" data-state="guarantee\.invoked\.response">/);
    expect(html).toContain('<article class="clause" id="clause-guarantee-trigger">');
    for (const year of ['2027', '2028', '2029']) expect(html).toContain(`text-anchor="middle">${year}</text>`);
  });

  it("colours each swimlane segment and status card with its value's colour from the vocabulary", async () => {
    const html = htmlReport(await traceOf(SCENARIO));
    const segments = [...html.matchAll(/data-value="([^"]+)"><title>[^<]*<\/title>\s*<rect [^>]*fill="([^"]+)"/g)];
    const cards = [
      ...html.matchAll(/data-region="([^"]+)">.*?<span class="swatch" style="background:([^"]+)"><\/span>([^<]+)</g),
    ].filter(([, region]) => (VALUE_REGIONS as readonly string[]).includes(region!));
    expect(new Set(segments.map((m) => m[1])).size).toBeGreaterThan(5);
    expect(cards).toHaveLength(5);
    // a guarantee segment names its phase too: "invoked (consultation)" is coloured as invoked
    for (const [, value, fill] of segments)
      expect(fill, value).toBe(STATUS_COLOURS[value!.split(' (')[0] as 'pending'].fill);
    for (const [, , fill, value] of cards) expect(fill, value).toBe(STATUS_COLOURS[value as 'pending'].fill);
  });

  it('is self-contained: no script, no stylesheet link, no http in any src or href', async () => {
    for (const file of [
      SCENARIO,
      'scenarios/a-ukrainian-offensive-that-seizes-land-is-revoked-rather-than-void.yaml',
    ]) {
      const html = htmlReport(await traceOf(file));
      expect(html).not.toMatch(/\b(?:src|href|xlink:href)\s*=\s*["']?[^"'\s>]*https?:/i);
      expect(html).not.toMatch(/<script|<link|<iframe|<img|@import|url\((?!#)/i);
      expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    }
  });

  it('escapes every scenario text: a title with <script> stays text', async () => {
    const html = htmlReport(await hostile());
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>bold');
    expect(html).not.toContain('</td> and');
    expect(html).toContain(
      '<title>Pipes | and &#60;script&#62;alert(&#34;title&#34;)&#60;/script&#62; &#38; ' +
        '&#60;b&#62;bold&#60;/b&#62; · casus</title>',
    );
    expect(html).toContain('Kursk | &#60;img src=x onerror=alert(1)&#62;');
    expect(html).toContain('a &#34;note&#34; with &#60;/td&#62; and | pipes');
  });
});

describe('run --out', () => {
  it('writes the report to a temporary file in the same directory, then renames it', () => {
    const calls: string[][] = [];
    const recorder: WriterFs = {
      ...fs,
      writeFileSync: ((path: string, text: string) => {
        calls.push(['write', path, text]);
      }) as WriterFs['writeFileSync'],
      renameSync: ((from: string, to: string) => {
        calls.push(['rename', from, to]);
      }) as WriterFs['renameSync'],
    };
    const out = join(tmp(), 'report.html');
    writeAtomically(out, '<p>report</p>', recorder);
    expect(calls).toHaveLength(2);
    const [[write, temp, text], [rename, from, to]] = calls as [string[], string[]];
    expect([write, text, rename, from, to]).toEqual(['write', '<p>report</p>', 'rename', temp, out]);
    expect(dirname(temp!)).toBe(dirname(out));
    expect(temp).not.toBe(out);
  });

  it('removes the temporary file and leaves the old output when the rename fails', () => {
    const dir = tmp();
    const out = join(dir, 'report.md');
    writeFileSync(out, 'old report');
    const failing: WriterFs = {
      ...fs,
      renameSync: (() => {
        throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
      }) as WriterFs['renameSync'],
    };
    expect(() => writeAtomically(out, 'new report', failing)).toThrow(InputError);
    expect(readFileSync(out, 'utf8')).toBe('old report');
    expect(readdirSync(dir)).toEqual(['report.md']);
  });

  it('writes md, html and json, picking the format from the extension', async () => {
    const dir = tmp();
    for (const [name, start] of [
      ['r.md', '# A renewed'],
      ['r.html', '<!doctype html>'],
      ['r.json', '{'],
    ] as const) {
      const { code, out, err } = await cli(['run', SCENARIO, '--out', join(dir, name)]);
      expect(code).toBe(0);
      expect(out).toBe('');
      expect(err).toContain(`wrote ${join(dir, name)}`);
      expect(readFileSync(join(dir, name), 'utf8').startsWith(start)).toBe(true);
    }
    expect(readdirSync(dir).sort()).toEqual(['r.html', 'r.json', 'r.md']);
    await cli(['run', SCENARIO, '--format', 'md', '--out', join(dir, 'r.txt')]);
    expect(readFileSync(join(dir, 'r.txt'), 'utf8').startsWith('# A renewed')).toBe(true);
  });

  it('refuses to overwrite the input scenario file', async () => {
    const dir = tmp();
    const input = join(dir, 'mine.yaml');
    const text = readFileSync(SCENARIO, 'utf8').replace(
      'scenario: renewed-offensive-invokes-the-guarantee',
      'scenario: mine',
    );
    writeFileSync(input, text);
    const { code, err } = await cli(['run', input, '--format', 'md', '--out', input]);
    expect(code).toBe(2);
    expect(err).toMatch(/is the input file .*refusing to overwrite it/);
    expect(readFileSync(input, 'utf8')).toBe(text);
  });

  it('on an error writes nothing and leaves an existing output untouched', async () => {
    const dir = tmp();
    const out = join(dir, 'report.html');
    writeFileSync(out, 'the previous report');
    const broken = join(dir, 'broken.yaml');
    writeFileSync(
      broken,
      'scenario: broken\ntitle: Broken\nevents:\n  - { at: 2026-01-10, type: signture, party: UA }\n',
    );
    for (const argv of [
      ['run', broken, '--out', out],
      ['run', SCENARIO, '--set', 'attack-test=huge', '--out', out],
      ['explain', SCENARIO, '--at', '2099-01-01', '--out', out],
    ]) {
      const { code } = await cli(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(readFileSync(out, 'utf8')).toBe('the previous report');
      expect(readdirSync(dir).sort()).toEqual(['broken.yaml', 'report.html']);
    }
    const missing = await cli(['run', SCENARIO, '--out', join(dir, 'no-such-dir', 'r.html')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/does not exist/);
    expect(existsSync(join(dir, 'no-such-dir'))).toBe(false);
  });
});
