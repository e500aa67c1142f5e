// Every clause and plan-version change cites its sources; every
// output shows them, defines its abbreviations and says "not stated".
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { LEGEND, SOURCE_CONFIDENCE } from '../src/plan/legend.js';
import { explain } from '../src/explain/explain.js';
import { explanationLines } from '../src/render/explainText.js';
import { htmlReport } from '../src/render/html.js';
import { markdownReport } from '../src/render/markdown.js';
import { textLines } from '../src/render/text.js';
import type { Trace } from '../src/run/trace.js';
import { attack, CLAUSE_IDS, captureIo, IN_FORCE, run, ruleSet } from './helpers.js';

const cli = async (argv: string[]) => {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
};

/** A copy of the bundled rule directory with one file changed, for check and load to read. */
// biome-ignore lint/suspicious/noExplicitAny: the test edits a rule file as raw JSON
function rulesWith(name: string, change: (json: any) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'casus-sources-'));
  mkdirSync(join(dir, 'versions'));
  for (const f of readdirSync('rules').filter((n) => n.endsWith('.json')))
    writeFileSync(join(dir, f), readFileSync(join('rules', f)));
  for (const f of readdirSync('rules/versions'))
    writeFileSync(join(dir, 'versions', f), readFileSync(join('rules/versions', f)));
  const json = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  change(json);
  writeFileSync(join(dir, name), JSON.stringify(json, null, 2));
  return dir;
}

describe('the clause catalogue cites its sources', () => {
  it('keeps every clause casus was built to encode, and entry-into-force as the procedure the rules use', () => {
    expect(ruleSet.clauses.clauses.map((c) => c.id)).toEqual(
      expect.arrayContaining([...CLAUSE_IDS, 'entry-into-force']),
    );
    expect(ruleSet.clauses.clauses.find((c) => c.id === 'snapback')).toMatchObject({
      points: ['10c'],
      kind: 'consequence',
    });
  });

  it('gives every clause at least one source: a web address, a paraphrase of what it supports, a confidence', () => {
    for (const c of ruleSet.clauses.clauses) {
      expect(c.sources.length, c.id).toBeGreaterThan(0);
      for (const s of c.sources) {
        expect(s.address, c.id).toMatch(/^https:\/\//);
        expect(s.supports.length, c.id).toBeGreaterThan(5);
        expect(SOURCE_CONFIDENCE, c.id).toContain(s.confidence);
      }
    }
  });

  it(
    'says in every breach clause without a specific consequence that point 27 sanctions violations, ' +
      'none specified',
    () => {
      const silent = ruleSet.clauses.clauses.filter((c) => !c.planNamesConsequence);
      expect(silent.map((c) => c.id)).toContain('force-cap');
      for (const c of silent)
        expect(c.consequence, c.id).toMatch(
          /point 27: the Peace Council imposes sanctions for violations; none is specified/,
        );
    },
  );

  it('gives every plan version and every change a source', async () => {
    for (const plan of ['us-28', 'e3-counter', 'ua-20']) {
      const { out } = await cli(['clauses', '--plan', plan, '--format', 'json']);
      const info = JSON.parse(out).plan;
      expect(info.sources.length, plan).toBeGreaterThan(0);
      for (const change of info.changes) {
        expect(change.sources.length, `${plan}: ${change.note}`).toBeGreaterThan(0);
        expect(SOURCE_CONFIDENCE).toContain(change.confidence);
      }
    }
  });
});

describe('casus check and the loader on uncited clauses and changes', () => {
  it('check fails, naming the clause, when a clause cites no source', async () => {
    const dir = rulesWith(
      'clauses.json',
      (j) => (j.clauses.find((c: { id: string }) => c.id === 'force-cap').sources = []),
    );
    const { code, out } = await cli(['check', '--rules', dir]);
    expect(code).toBe(1);
    expect(out).toContain('✗ every clause cites its sources');
    expect(out).toContain('clause force-cap cites no source');
  });

  it('check fails, naming the change, when a plan-version change cites no source', async () => {
    const dir = rulesWith('versions/e3-counter.json', (j) => (j.changes[0].sources = []));
    const { code, out } = await cli(['check', '--rules', dir, '--plan', 'e3-counter']);
    expect(code).toBe(1);
    expect(out).toContain('✗ every change in plan version e3-counter cites its sources');
    expect(out).toContain('plan version e3-counter, change 1 (force-cap = 800000) cites no source');
  });

  // that check passes under every version is tests/versions.test.ts's; here, what it says of the sources
  it('check passes the sources of the bundled clauses and of a bundled version', async () => {
    const { out } = await cli(['check', '--plan', 'ua-20']);
    expect(out).toContain('✓ every clause cites its sources');
    expect(out).toContain('✓ every change in plan version ua-20 cites its sources');
  });

  it('a clause without a sources list is a load error at its line, with a hint', async () => {
    const dir = rulesWith('clauses.json', (j) => delete j.clauses[0].sources);
    const { code, err } = await cli(['clauses', '--rules', dir]);
    expect(code).toBe(2);
    expect(err).toMatch(/clauses\.json:\d+/);
    expect(err).toContain('every clause and plan-version change cites its sources');
  });

  it('a source without a web address, or whose confidence is not one of the three, is a load error', async () => {
    const dir = rulesWith('clauses.json', (j) => {
      j.clauses[0].sources[0].address = 'javascript:alert(1)';
      j.clauses[1].sources[0].confidence = 'confirmed';
    });
    const { code, err } = await cli(['clauses', '--rules', dir]);
    expect(code).toBe(2);
    expect(err).toContain('expected the web address of the source');
    expect(err).toMatch(/reported.*corroborated.*contested/);
  });
});

describe('the outputs show the sources', () => {
  it('casus clauses prints every clause with every address and its confidence, and its legend', async () => {
    const { code, out: printed } = await cli(['clauses']);
    expect(code).toBe(0);
    const out = printed.replace(/\s+/g, ' ');
    for (const c of ruleSet.clauses.clauses)
      for (const s of c.sources) expect(out).toContain(`${s.address} (${s.confidence})`);
    expect(out).toMatch(/SG: the companion security-guarantee draft/);
    expect(out).toMatch(/T28: the US 28-point framework/);
    const json = JSON.parse((await cli(['clauses', '--format', 'json'])).out);
    expect(json.clauses.find((c: { id: string }) => c.id === 'snapback').sources.length).toBeGreaterThan(0);
  });

  it('casus clauses --plan prints each change with its addresses', async () => {
    const { out } = await cli(['clauses', '--plan', 'ua-20']);
    expect(out).toContain('https://glavnoe.in.ua/en/news-en/zelenskyy-publishes-20-point-plan-to-end-the-war');
  });

  const strike = () =>
    run([...IN_FORCE, attack('2031-02-17', 'UA', 'RU', { scale: 'limited', means: 'missile', target: 'Moscow' })]);

  it('explain, Markdown and HTML give the address and confidence of every clause they cite', async () => {
    const trace = await strike();
    const text = [...explanationLines(explain(trace), { colour: false })].join('\n').replace(/\s+/g, ' ');
    const md = markdownReport(trace);
    const html = htmlReport(trace);
    const cited = new Set(explain(trace).regions.flatMap((r) => (r.setBy ? [r.setBy.clause.id] : [])));
    expect(cited).toContain('capital-strike');
    for (const id of cited) {
      for (const s of ruleSet.clauses.clauses.find((c) => c.id === id)!.sources) {
        expect(text, id).toContain(`${s.address} (${s.confidence})`);
        expect(md, id).toContain(`<${s.address}> (${s.confidence})`);
        expect(html, id).toContain(`${s.address}</span> (${s.confidence})`);
      }
    }
  });
});

describe('every output has a legend, from one list', () => {
  const outputs = async (trace: Trace) => ({
    run: [...textLines(trace, { colour: false })].join('\n'),
    explain: [...explanationLines(explain(trace), { colour: false, width: 1000 })].join('\n'),
    md: markdownReport(trace),
    html: htmlReport(trace),
  });

  it('defines SG and T28 in the text run, explain, Markdown and HTML, in the words of the one legend', async () => {
    const all = await outputs(await run(IN_FORCE));
    expect(LEGEND.map((l) => l.term)).toEqual(expect.arrayContaining(['SG', 'T28']));
    for (const [name, out] of Object.entries(all)) {
      for (const l of LEGEND) {
        const meaning = name === 'html' ? l.meaning.replaceAll("'", '&#39;') : l.meaning;
        expect(out.replace(/\s+/g, ' '), `${name}: ${l.term}`).toContain(meaning);
      }
    }
  });

  it('never says "the plan names no consequence"; a breach cites point 27 instead', async () => {
    const trace = await run([
      ...IN_FORCE,
      { at: '2027-01-01', type: 'force-level-reported', party: 'UA', personnel: 700000 },
    ]);
    const all = await outputs(trace);
    for (const [name, out] of Object.entries(all)) {
      expect(out, name).not.toMatch(/names no consequence|names none/);
      expect(out.replace(/\s+/g, ' '), name).toContain(
        'point 27: the Peace Council imposes sanctions for violations; none is specified',
      );
    }
  });
});

describe('"not stated" where a rule relied on a fact the scenario left out', () => {
  const strikeWithoutSaying = () =>
    run([...IN_FORCE, attack('2031-02-17', 'UA', 'RU', { scale: 'limited', means: 'missile', target: 'Moscow' })]);

  it('run, explain, Markdown and HTML say justified was not stated beside the rule that relied on it', async () => {
    const trace = await strikeWithoutSaying();
    const runText = [...textLines(trace, { colour: false, width: 1000 })].join('\n');
    expect(runText).toContain('strike-without-cause relied on what the scenario does not state: justified not stated');
    const e = explain(trace);
    const held = e.regions.find((r) => r.region === 'guarantee')!.setBy!.conditions;
    expect(held.filter((c) => c.notStated).map((c) => c.fact)).toEqual(['justified']);
    expect([...explanationLines(e, { colour: false, width: 1000 })].join('\n')).toContain('justified is not stated');
    expect(markdownReport(trace)).toContain('relied on what the scenario does not state: justified not stated');
    expect(htmlReport(trace)).toContain(
      '<div class="not-stated muted">relied on what the scenario does not state: justified not stated',
    );
  });

  it('a history the runner keeps is never "not stated": no earlier attack is "none"', async () => {
    const trace = await strikeWithoutSaying();
    const e = explain(trace);
    const days = e.regions
      .find((r) => r.region === 'guarantee')!
      .setBy!.conditions.find((c) => c.fact === 'daysSinceRussianAttack')!;
    expect(days.notStated).toBe(false);
    expect(days.words).not.toContain('not stated');
  });

  it('says nothing of the kind when the scenario states the fact', async () => {
    const trace = await run([
      ...IN_FORCE,
      attack('2031-02-17', 'UA', 'RU', { scale: 'limited', means: 'missile', target: 'Moscow', justified: false }),
    ]);
    expect([...textLines(trace, { colour: false, width: 1000 })].join('\n')).not.toContain(
      'relied on what the scenario does not state',
    );
    expect(htmlReport(trace)).not.toContain('class="not-stated');
  });
});
