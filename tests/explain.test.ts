// casus explain: the exact clause and the exact failing condition, with
// the value seen, for the events that did not change the guarantee.
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { InputError } from '../src/issues/issue.js';
import { explain, type Explanation, type WhyNot } from '../src/explain/explain.js';
import { explanationLines } from '../src/render/explainText.js';
import { runScenario } from '../src/run/runner.js';
import { loadScenario } from '../src/scenario/load.js';
import { captureIo, IN_FORCE, pattern, run, ruleSet } from './helpers.js';

const scenario = (name: string) => `scenarios/${name}.yaml`;
const traceOf = async (name: string) => runScenario(loadScenario(scenario(name), ruleSet), ruleSet);
const textOf = (e: Explanation) => [...explanationLines(e, { colour: false, width: 10_000 })].join('\n');
/** The why-not on `date` (the nearest one, or the one about `rule`). */
const whyNotOn = (e: Explanation, date: string, rule?: string): WhyNot => {
  const found = e.whyNot.filter((w) => w.step.at === date && (rule === undefined || w.rule === rule));
  expect(found.length, `a why-not on ${date}`).toBeGreaterThan(0);
  return found[0]!;
};
const cli = async (argv: string[]) => {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
};

describe('explain names the clause and the failing condition', () => {
  it('for a limited incursion: scale limited, not large-scale, under guarantee-trigger 10c', async () => {
    const e = explain(await traceOf('a-limited-incursion-does-not-invoke-the-guarantee'));
    const w = whyNotOn(e, '2028-04-11');
    expect(w).toMatchObject({
      kind: 'condition-failed',
      rule: 'qualifying-russian-attack',
      emits: 'RUSSIAN_ATTACK_QUALIFIES',
      guarantee: 'in-force',
      points: ['SG'],
      readings: {},
    });
    expect(w.clause).toMatchObject({
      id: 'guarantee-trigger',
      points: ['SG'],
      title: expect.stringContaining('Russian attack'),
    });
    expect(w.failed).toEqual([
      expect.objectContaining({ fact: 'scale', operator: 'equal', wanted: 'large-scale', saw: 'limited' }),
      expect.objectContaining({ fact: 'sustained', saw: false }),
    ]);
    expect(w.reason).toBe(
      'scale is limited, not large-scale; the attack was not sustained (sustained: false); under attack-test = ' +
        'significant-deliberate-sustained that is required',
    );
    expect(textOf(e)).toContain(
      'The nearest rule, qualifying-russian-attack [guarantee-trigger · SG], did not fire: scale is limited, ' +
        'not large-scale',
    );
  });

  it('for an attack that was not sustained, under attack-test = significant-deliberate-sustained', async () => {
    const e = explain(await traceOf('an-attack-that-is-not-sustained-does-not-invoke-the-guarantee'));
    const w = whyNotOn(e, '2029-01-20');
    expect(w).toMatchObject({
      rule: 'qualifying-russian-attack',
      clause: { id: 'guarantee-trigger' },
      readings: { 'attack-test': 'significant-deliberate-sustained' },
    });
    expect(w.failed).toEqual([
      expect.objectContaining({ fact: 'sustained', saw: false, wanted: 'true', reading: false }),
    ]);
    expect(w.reason).toBe(
      'the attack was not sustained (sustained: false); under attack-test = significant-deliberate-sustained that ' +
        'is required',
    );
    expect(textOf(e)).toContain(
      'the attack was not sustained (sustained: false); under attack-test = significant-deliberate-sustained that ' +
        'is required',
    );
  });

  it('for a strike on St Petersburg in the retaliation window: capital-strike 10d, 21 days, not above 30', async () => {
    const e = explain(await traceOf('a-strike-within-the-retaliation-window-does-not-lapse-the-guarantee'));
    const w = whyNotOn(e, '2030-04-22');
    expect(w).toMatchObject({
      rule: 'strike-without-cause',
      guarantee: 'in-force',
      clause: { id: 'capital-strike', points: ['10d'] },
      readings: { 'strike-cause': 'retaliation-window' },
    });
    expect(w.failed).toContainEqual(
      expect.objectContaining({
        fact: 'daysSinceRussianAttack',
        operator: 'greaterThan',
        saw: 21,
        wanted: 'above 30 (retaliation-window-days)',
      }),
    );
    expect(w.failed).toContainEqual(expect.objectContaining({ fact: 'justified', saw: null }));
    expect(w.failed.map((f) => f.fact)).not.toContain('target');
    expect(w.reason).toContain(
      "days since Russia's last attack on Ukraine is 21, not above 30 (retaliation-window-days)",
    );
    expect(w.reason).toContain('under strike-cause = retaliation-window');
  });

  it('for a drone raid under ground-incursion: ukraine-invasion 10b, means drone, not ground or mixed', async () => {
    const e = explain(await traceOf('under-the-ground-incursion-reading-a-drone-raid-does-not-revoke-the-guarantee'));
    const w = whyNotOn(e, '2028-07-09', 'ukraine-invasion');
    expect(w).toMatchObject({
      rule: 'ukraine-invasion',
      clause: { id: 'ukraine-invasion', points: ['10b'] },
      readings: { 'invasion-test': 'ground-incursion' },
    });
    expect(w.failed).toEqual([
      expect.objectContaining({ fact: 'means', operator: 'in', saw: 'drone', wanted: 'one of ground, mixed' }),
      expect.objectContaining({ fact: 'seizesTerritory' }),
    ]);
    expect(w.reason).toMatch(
      pattern(
        /^means is drone, not one of ground, mixed, /,
        /and the scenario does not say that the attack seized territory \(seizesTerritory not stated\); /,
        /under invasion-test = ground-incursion/,
      ),
    );
  });

  it('for an extension without Russia: term (SG), parties lacks RU', async () => {
    const e = explain(await traceOf('an-extension-without-russia-has-no-effect'));
    const w = whyNotOn(e, '2035-06-15');
    expect(w).toMatchObject({ rule: 'term-extended', emits: 'TERM_EXTENDED', clause: { id: 'term', points: ['SG'] } });
    expect(w.failed).toEqual([
      expect.objectContaining({ fact: 'parties', operator: 'containsAll', saw: ['UA', 'US', 'EU', 'NATO'] }),
    ]);
    expect(w.reason).toBe('parties lacks RU (has UA, US, EU, NATO)');
    expect(e.regions.find((r) => r.region === 'guarantee')).toMatchObject({
      value: 'expired',
      since: '2036-01-12',
      setBy: { rule: 'term-ends', clause: { id: 'term' }, step: { kind: 'deadline' } },
    });
  });

  it('for an attack before entry into force: the rule fired, the statechart says why it had no effect', async () => {
    const e = explain(
      await traceOf('under-the-on-ceasefire-reading-an-attack-before-the-withdrawals-does-not-invoke-the-guarantee'),
    );
    const [w] = e.whyNot;
    expect(w).toMatchObject({
      kind: 'no-effect',
      rule: 'qualifying-russian-attack',
      guarantee: 'pending',
      clause: { id: 'guarantee-trigger' },
    });
    expect(w!.reason).toContain('not yet in force');
  });
});

describe('explain says why each region has its status', () => {
  it('names the step, the rule, the values its conditions saw and the clause', async () => {
    const e = explain(await traceOf('renewed-offensive-invokes-the-guarantee'));
    const guarantee = e.regions.find((r) => r.region === 'guarantee')!;
    expect(guarantee).toMatchObject({
      value: 'invoked',
      since: '2029-03-01',
      setBy: {
        from: 'in-force',
        rule: 'qualifying-russian-attack',
        step: { at: '2029-03-01', line: 20 },
        clause: { id: 'guarantee-trigger', points: ['SG'] },
      },
    });
    expect(guarantee.setBy!.clause.paraphrase).toMatch(
      /renewed Russian armed attack on Ukraine across the agreed line/,
    );
    expect(guarantee.setBy!.conditions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ fact: 'scale', saw: 'large-scale' }),
        expect.objectContaining({ fact: 'sustained', saw: true, words: 'the attack was sustained (sustained: true)' }),
        expect.objectContaining({
          fact: 'attack-test',
          reading: true,
          words: 'under attack-test = significant-deliberate-sustained',
        }),
      ]),
    );
    expect(e.regions.find((r) => r.region === 'guaranteePhase')).toMatchObject({
      value: 'response',
      since: '2029-03-09',
      setBy: { rule: 'us-response-decided' },
    });
    expect(e.regions.find((r) => r.region === 'sanctions')).toMatchObject({
      value: 'reinstated',
      setBy: { rule: 'russia-invades-ukraine', clause: { id: 'snapback' } },
    });
    expect(e.breaches).toEqual([
      expect.objectContaining({
        kind: 'ceasefire-violation',
        party: 'RU',
        rule: 'ceasefire-violation',
        clause: 'ceasefire',
      }),
      expect.objectContaining({
        kind: 'non-aggression',
        party: 'RU',
        rule: 'russian-aggression-on-ukraine',
        clause: 'non-aggression',
      }),
    ]);
    const text = textOf(e);
    expect(text).toContain('The guarantee is invoked, since 2029-03-01 (it was in-force).');
    expect(text).toContain('Clause guarantee-trigger (point SG), "A renewed Russian attack invokes the guarantee"');
  });

  it('says when a second rule fired on the same step to no effect', async () => {
    const e = explain(await traceOf('a-ukrainian-offensive-that-seizes-land-is-revoked-rather-than-void'));
    const g = e.regions.find((r) => r.region === 'guarantee')!;
    expect(g).toMatchObject({ value: 'revoked', setBy: { rule: 'ukraine-invasion' } });
    expect(g.alsoFired).toEqual([
      expect.objectContaining({
        rule: 'border-change-voids-guarantee',
        clause: expect.objectContaining({ id: 'no-force-borders' }),
      }),
    ]);
  });
});

describe('explain --at', () => {
  it('gives the status on a date mid-run, and only the why-nots up to it', async () => {
    const trace = await run([
      ...IN_FORCE,
      { at: '2028-04-11', type: 'armed-attack', by: 'RU', against: 'UA', scale: 'limited', crossesLine: true },
      {
        at: '2029-03-01',
        type: 'armed-attack',
        by: 'RU',
        against: 'UA',
        scale: 'large-scale',
        crossesLine: true,
        deliberate: true,
        sustained: true,
      },
    ]);
    const mid = explain(trace, '2028-12-31');
    expect(mid.status.guarantee).toBe('in-force');
    expect(mid.afterStep).toMatchObject({ at: '2028-04-11' });
    expect(mid.whyNot.map((w) => w.step.at)).toEqual(['2028-04-11']);
    expect(explain(trace, '2029-03-01').status).toMatchObject({ guarantee: 'invoked', guaranteePhase: 'consultation' });
    expect(explain(trace).status.guarantee).toBe('invoked');
  });

  it('before the first event: every status is the initial one, said in words', async () => {
    const e = explain(await traceOf('renewed-offensive-invokes-the-guarantee'), '2025-01-01');
    expect(e.afterStep).toBeNull();
    expect(e.status).toMatchObject({
      guarantee: 'pending',
      guaranteePhase: 'awaiting-signatures',
      ceasefire: 'not-in-effect',
    });
    expect(e.regions.every((r) => r.setBy === null)).toBe(true);
    expect(textOf(e)).toContain(
      '2025-01-01 is before the first event (2026-01-10): every status is still its initial one.',
    );
  });

  it('while the guarantee is pending, names the entry rule that has not fired yet and what it lacks', async () => {
    const e = explain(await traceOf('four-signatures-do-not-bring-the-guarantee-into-force'), '2026-03-31');
    const g = e.regions.find((r) => r.region === 'guarantee')!;
    expect(g).toMatchObject({
      value: 'pending',
      setBy: null,
      notYet: { rule: 'entry-into-force', clause: { id: 'entry-into-force' }, step: { at: '2026-03-01' } },
    });
    expect(g.notYet!.failed).toEqual([
      expect.objectContaining({ fact: 'signatories', operator: 'containsAll', saw: ['EU', 'RU', 'UA', 'US'] }),
    ]);
    expect(g.notYet!.reason).toBe('signatories lacks NATO (has EU, RU, UA, US)');
    expect(
      explain(await traceOf('four-signatures-do-not-bring-the-guarantee-into-force')).regions.find(
        (r) => r.region === 'guarantee',
      ),
    ).toMatchObject({ value: 'in-force', notYet: null });
  });

  it.each([
    ['2029-02-30', /--at: expected a date as YYYY-MM-DD, got "2029-02-30"/, /for example --at/],
    ['yesterday', /expected a date/, /for example --at/],
    [
      '2040-01-01',
      /--at 2040-01-01 is after the end of the run \(2029-03-09\)/,
      /add until: 2040-01-01 to the scenario/,
    ],
  ])('rejects --at %s with exit 2, a clear message and a hint', async (at, message, hint) => {
    const { code, err, out } = await cli(['explain', scenario('renewed-offensive-invokes-the-guarantee'), '--at', at]);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err).toMatch(hint);
    expect(out).toBe('');
    expect(() => explain({ horizon: '2029-03-09' } as never, at)).toThrow(InputError);
  });
});

describe('casus explain on the command line', () => {
  it('prints plain sentences, and the Explanation as JSON with --format json', async () => {
    const file = scenario('an-extension-without-russia-has-no-effect');
    const text = await cli(['explain', file, '--at', '2035-12-31']);
    expect(text.code).toBe(0);
    expect(text.out).toContain('Why each status is what it is on 2035-12-31');
    expect(text.out).toMatch(
      /The nearest rule, term-extended \[term · SG\], did not fire: parties lacks RU\s+\(has UA, US, EU, NATO\)\./,
    );
    expect(text.out).not.toMatch(/[{}]/);
    // a source's address is never broken, so only a line that is one address may run past the column
    for (const line of text.out.split('\n'))
      if (!/^\s*- https?:\/\/\S+$/.test(line)) expect([...line].length, line).toBeLessThanOrEqual(80);
    const json = await cli(['explain', file, '--format', 'json']);
    const e = JSON.parse(json.out) as Explanation;
    expect(e).toMatchObject({
      scenario: 'an-extension-without-russia-has-no-effect',
      at: '2036-06-30',
      atEnd: true,
      status: { guarantee: 'expired' },
    });
    expect(e.whyNot[0]).toMatchObject({ rule: 'term-extended', failed: [{ fact: 'parties' }] });
  });

  it('takes exactly one file', async () => {
    expect((await cli(['explain'])).err).toMatch(/exactly one scenario file/);
  });
});
