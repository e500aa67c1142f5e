// What-if analysis: compare, matrix, sweep, plan versions and provenance.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { InputError } from '../src/issues/issue.js';
import { loadPlannedRuleSet } from '../src/rules/load.js';
import { applyPlanVersion } from '../src/rules/versions.js';
import { runScenario } from '../src/run/runner.js';
import { loadScenario } from '../src/scenario/load.js';
import { decidingNames, describeReadings } from '../src/whatif/readings.js';
import { runMatrix } from '../src/whatif/matrix.js';
import { parseSweep, runSweep } from '../src/whatif/sweep.js';
import { captureIo, IN_FORCE, run, ruleSet } from './helpers.js';

const LAND_GRAB = 'scenarios/a-russian-land-grab-is-a-breach-but-does-not-void-the-guarantee.yaml';
const NOT_SUSTAINED = 'scenarios/an-attack-that-is-not-sustained-does-not-invoke-the-guarantee.yaml';
const WINDOW = 'scenarios/a-strike-within-the-retaliation-window-does-not-lapse-the-guarantee.yaml';
const cli = async (argv: string[]) => {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
};

describe('which readings an outcome depends on', () => {
  const values = { a: ['x', 'y'], b: ['p', 'q', 'r'] };
  const rows = [
    { combination: { a: 'x', b: 'p' }, outcome: 'void' },
    { combination: { a: 'x', b: 'q' }, outcome: 'void' },
    { combination: { a: 'x', b: 'r' }, outcome: 'void' },
    { combination: { a: 'y', b: 'p' }, outcome: 'in-force' },
    { combination: { a: 'y', b: 'q' }, outcome: 'in-force' },
    { combination: { a: 'y', b: 'r' }, outcome: 'void' },
  ];

  it('is the smallest set of interpretations that decides the outcome', () => {
    expect(decidingNames(rows, ['a', 'b'])).toEqual(['a', 'b']);
    expect(
      decidingNames(
        rows.filter((r) => r.combination.b !== 'r'),
        ['a', 'b'],
      ),
    ).toEqual(['a']);
  });

  it('is described as briefly as the results allow', () => {
    const voids = rows.filter((r) => r.outcome === 'void').map((r) => r.combination);
    expect(describeReadings(voids, ['a', 'b'], values)).toBe('a = x, or b = r');
    expect(
      describeReadings(
        rows.map((r) => r.combination),
        ['a', 'b'],
        values,
      ),
    ).toBe('every reading');
  });
});

describe('casus matrix', () => {
  it('groups the 2,304 combinations by outcome and names the reading that decides it', async () => {
    const m = await runMatrix(loadScenario(LAND_GRAB, ruleSet), ruleSet, { only: ['clause-22-scope', 'attack-test'] });
    expect(m.runs).toBe(4);
    expect(m.dependsOn).toEqual(['clause-22-scope']);
    expect(m.outcomes.map((o) => [o.final.guarantee, o.count, o.when])).toEqual([
      ['in-force', 2, 'clause-22-scope = breaching-party'],
      ['void', 2, 'clause-22-scope = all-guarantees'],
    ]);
    expect(m.outcomes[1]!.changes).toEqual(['guarantee in-force → void']);
    const all = await runMatrix(loadScenario(LAND_GRAB, ruleSet), ruleSet);
    expect(all.runs).toBe(2304);
  });

  it('rejects an unknown interpretation in --only, with a suggestion', async () => {
    const { code, err } = await cli(['matrix', LAND_GRAB, '--only', 'clause-22-scop']);
    expect(code).toBe(2);
    expect(err).toContain('did you mean "clause-22-scope"?');
  });

  it('prints text, Markdown and JSON', async () => {
    expect((await cli(['matrix', LAND_GRAB, '--only', 'clause-22-scope'])).out).toMatch(
      /void +1 of 2 +when clause-22-scope = all-guarantees/,
    );
    expect((await cli(['matrix', LAND_GRAB, '--only', 'clause-22-scope', '--format', 'md'])).out).toContain(
      '| void | 1 | clause-22-scope = all-guarantees | differs from the first: guarantee in-force → void |',
    );
    expect(JSON.parse((await cli(['matrix', LAND_GRAB, '--format', 'json'])).out).runs).toBe(2304);
  });
});

describe('casus sweep', () => {
  it('gives the outcome per value and the values where it flips', async () => {
    const s = await runSweep(loadScenario(WINDOW, ruleSet), ruleSet, 'retaliation-window-days', [0, 10, 20, 21, 30]);
    expect(s.points.map((p) => p.outcome)).toEqual(['lapsed', 'lapsed', 'lapsed', 'in-force', 'in-force']);
    expect(s.flips).toEqual([
      { from: 20, to: 21, before: 'lapsed', after: 'in-force', changes: ['guarantee lapsed → in-force'] },
    ]);
  });

  it('parses ranges and lists, and rejects bad specifications', () => {
    expect(parseSweep('force-cap=500000..700000:100000', ruleSet)).toEqual({
      name: 'force-cap',
      values: [500000, 600000, 700000],
    });
    expect(parseSweep('relief-steps=1,2,5', ruleSet).values).toEqual([1, 2, 5]);
    expect(() => parseSweep('force-cop=1..2', ruleSet)).toThrow(/did you mean "force-cap"/);
    expect(() => parseSweep('force-cap=9..1', ruleSet)).toThrow(InputError);
    expect(() => parseSweep('term-years=0..3', ruleSet)).toThrow(/at least 1/);
  });
});

describe('casus compare', () => {
  it('finds the first divergence and the rule that fired on one side only, with why not on the other', async () => {
    const { code, out } = await cli(['compare', NOT_SUSTAINED, '--set', 'attack-test=large-scale']);
    expect(code).toBe(0);
    expect(out).toContain('First divergence on 2029-01-20');
    expect(out).toContain('fired only on the right: qualifying-russian-attack');
    expect(out).toContain('on the left it did not fire: the attack was not sustained (sustained:');
    expect(out).toMatch(/2029-01-20 +in-force ≠ invoked \(consultation\) /);
  });

  it('compares two plan versions of one scenario', async () => {
    const json = JSON.parse(
      (
        await cli([
          'compare',
          'scenarios/a-force-level-above-600000-breaches-the-cap.yaml',
          '--plan',
          'us-28',
          '--plan',
          'ua-20',
          '--format',
          'json',
        ])
      ).out,
    );
    // ua-20 builds on berlin: its guarantee also waits for the US ratification, so the runs part at the fifth signature
    expect(json.divergence).toMatchObject({
      regions: ['guarantee', 'guaranteePhase'],
      onlyRight: [{ rule: 'awaiting-ratification' }],
    });
    expect(json.finalDiffers).toContain('breaches');
    expect(json.right.final.breaches).toEqual([]);
  });

  it('compares two files, and says when the runs agree', async () => {
    const { out } = await cli(['compare', LAND_GRAB, LAND_GRAB]);
    expect(out).toContain('The two runs agree on every date.');
  });

  it('needs something to compare', async () => {
    const { code, err } = await cli(['compare', LAND_GRAB]);
    expect(code).toBe(2);
    expect(err).toContain('nothing to compare');
    expect((await cli(['run', LAND_GRAB, '--plan', 'us-28', '--plan', 'ua-20'])).code).toBe(2);
  });
});

describe('plan versions', () => {
  it('change parameters and rules as the version records, each change citing its points', async () => {
    const e3 = loadPlannedRuleSet(undefined, 'e3-counter');
    expect(e3.plan?.version).toBe('e3-counter');
    expect(e3.settings.parameters.find((p) => p.name === 'force-cap')!.value).toBe(800000);
    expect(e3.rules.some((r) => r.name === 'nato-enlarges')).toBe(false);
    expect(e3.plan!.changes.every((c) => c.points.length > 0 && c.confidence && c.note)).toBe(true);
  });

  it('under ua-20, any unprovoked Ukrainian fire at Russia voids the guarantee', async () => {
    const ua20 = loadPlannedRuleSet(undefined, 'ua-20');
    const raid = {
      at: '2028-01-01',
      type: 'armed-attack',
      by: 'UA',
      against: 'RU',
      scale: 'limited',
      means: 'drone',
      target: 'Belgorod',
      justified: false,
    };
    expect((await run([...IN_FORCE, raid])).final.guarantee).toBe('in-force');
    const t = await runScenario(
      loadScenario(
        'scenarios/under-the-ground-incursion-reading-a-drone-raid-does-not-revoke-the-guarantee.yaml',
        ua20,
      ),
      ua20,
    );
    expect(t.final.guarantee).toBe('void');
  });

  it("under e3-counter, member states' troops are not a breach but NATO-commanded ones are", async () => {
    const e3 = loadPlannedRuleSet(undefined, 'e3-counter');
    const t = await runScenario(
      loadScenario(
        'scenarios/under-the-any-member-reading-polish-troops-in-ukraine-breach-the-no-nato-troops-clause.yaml',
        e3,
      ),
      e3,
    );
    expect(t.final.breaches).toEqual([]);
  });

  it('an unknown version is a usage error listing the versions', async () => {
    const { code, err } = await cli(['run', LAND_GRAB, '--plan', 'ua20']);
    expect(code).toBe(2);
    expect(err).toContain('unknown plan version "ua20"');
    expect(err).toContain('did you mean "ua-20"?');
  });

  it('a broken overlay names its file and line', () => {
    const text = readFileSync('rules/versions/e3-counter.json', 'utf8').replace(
      '"removeRule": "nato-enlarges"',
      '"removeRule": "nato-enlarge"',
    );
    const us28 = {
      names: ['us-28'],
      read: () => ({ file: 'rules/versions/us-28.json', text: readFileSync('rules/versions/us-28.json', 'utf8') }),
    };
    expect(() => applyPlanVersion(ruleSet, 'rules/versions/e3-counter.json', text, us28)).toThrow(
      /e3-counter\.json:\d+:\d+: changes\[2\]\.removeRule: unknown rule "nato-enlarge"/,
    );
  });

  it('casus clauses --plan shows what the version changes', async () => {
    const { out } = await cli(['clauses', '--plan', 'e3-counter']);
    expect(out).toContain('Plan version: e3-counter, The European (E3) counter-proposal');
    expect(out).toContain('force-cap = 800000 (point 6; corroborated)');
    expect(out).toMatch(/no-nato-troops {2}\(point 8; obligation\) {2}← changed in e3-counter/);
  });
});

describe('provenance', () => {
  it('an event may cite its source and confidence, shown beside it', async () => {
    const io = captureIo();
    const file = 'scenarios/renewed-offensive-invokes-the-guarantee.yaml';
    const text = readFileSync(file, 'utf8').replace(
      'crossesLine: true, deliberate: true, sustained: true, means: mixed }',
      'crossesLine: true, deliberate: true, sustained: true, means: mixed,\n' +
        '      source: "Reuters, 2 March 2029", confidence: contested }',
    );
    const { parseScenario } = await import('../src/scenario/load.js');
    const loaded = parseScenario(file, text, ruleSet);
    const t = await runScenario(loaded, ruleSet);
    const { textLines } = await import('../src/render/text.js');
    const lines = [...textLines(t, { colour: false })].join(' ').replace(/\s+/g, ' ');
    expect(lines).toContain('(contested; source: Reuters, 2 March 2029)');
    expect(io.err).toBe('');
  });

  it('an unknown confidence is an error with a suggestion', async () => {
    const { parseScenario } = await import('../src/scenario/load.js');
    expect(() =>
      parseScenario(
        'x.yaml',
        'scenario: x\ntitle: X\nevents:\n  - { at: 2026-01-10, type: signature, party: UA, confidence: confirmd }\n',
        ruleSet,
      ),
    ).toThrow(/did you mean "confirmed"/);
  });
});
