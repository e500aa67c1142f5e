// What-ifs that say what they assume, compare whole outcomes, and tell whether an answer is the plan's or a reading's.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { captureIo, pattern } from './helpers.js';

const cli = async (argv: string[]) => {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
};
const NOT_SUSTAINED = 'scenarios/an-attack-that-is-not-sustained-does-not-invoke-the-guarantee.yaml';
const DISPUTED = 'scenarios/a-strike-on-moscow-of-disputed-cause-has-two-outcomes.yaml';
const UNDECIDED = 'scenarios/when-nobody-decides-the-cause-of-a-strike-both-branches-run.yaml';
const FORCE_CAP = 'scenarios/a-force-level-above-600000-breaches-the-cap.yaml';
const LAND_GRAB = 'scenarios/a-russian-land-grab-is-a-breach-but-does-not-void-the-guarantee.yaml';
const dir = mkdtempSync(join(tmpdir(), 'casus-whatif-'));

describe('--assume fills in only facts the scenario leaves open', () => {
  it('refuses a fact the scenario states, naming the event, its line and the stated value', async () => {
    const file = join(dir, 'barrage.yaml');
    writeFileSync(
      file,
      (await import('node:fs'))
        .readFileSync(NOT_SUSTAINED, 'utf8')
        .replace('scenario: an-attack-that-is-not-sustained-does-not-invoke-the-guarantee', 'scenario: barrage')
        .replace('{ at: 2029-01-20,', '{ id: barrage, at: 2029-01-20,'),
    );
    const { code, out, err } = await cli(['run', file, '--assume', 'barrage.sustained=true']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('line 21');
    expect(err).toContain('states sustained: false for barrage (line 21)');
  });

  it('lists the assumption in the header of the run, the matrix, the sweep and the comparison', async () => {
    const assume = ['--assume', 'moscow-strike.justified=false'];
    expect((await cli(['run', DISPUTED, ...assume])).out).toMatch(
      /assumed: moscow-strike\.justified = false \(with --assume/,
    );
    expect((await cli(['run', DISPUTED, ...assume, '--format', 'md'])).out).toContain(
      '**Assumed:** moscow-strike.justified = false',
    );
    expect((await cli(['matrix', DISPUTED, ...assume, '--only', 'strike-means'])).out).toContain(
      'assumed: moscow-strike.justified = false',
    );
    expect((await cli(['sweep', DISPUTED, ...assume, '--param', 'force-cap=1,2'])).out).toContain(
      'assumed: moscow-strike.justified = false',
    );
    expect((await cli(['compare', DISPUTED, ...assume, '--set', 'strike-means=missile-or-drone'])).out).toContain(
      'assumed: moscow-strike.justified = false',
    );
  });
});

describe('casus matrix on a scenario with open facts', () => {
  it('shows each outcome per branch of a fact the file leaves unknown, instead of refusing', async () => {
    const { code, out } = await cli(['matrix', DISPUTED, '--only', 'strike-means']);
    expect(code).toBe(0);
    expect(out).toMatch(/lapsed +2 of 4 +when moscow-strike\.justified = false/);
    expect(out).toMatch(/in-force +2 of 4 +when moscow-strike\.justified = true/);
  });

  it('branches on a judgement only where the reading leaves it open (strike-cause = unknown)', async () => {
    const { code, out } = await cli(['matrix', UNDECIDED, '--only', 'strike-cause']);
    expect(code).toBe(0);
    expect(out).toContain('open facts, run both ways');
    expect(out).toMatch(/in-force +1 of 4 +when petersburg-strike\.justified = true/);
    expect(out).toMatch(
      pattern(
        /lapsed +3 of 4 +when petersburg-strike\.justified = false, /,
        /or the reading\s+decides petersburg-strike\.justified/,
      ),
    );
  });
});

describe('sweep and matrix compare whole outcomes', () => {
  it('sweep names the breaches that flip though the guarantee stays the same', async () => {
    const { out } = await cli(['sweep', FORCE_CAP, '--param', 'force-cap=500000,600000,640000,700000']);
    expect(out).not.toContain('is the same over this range');
    expect(out).toMatch(/flips between 500000 and 600000: no force-cap by Ukraine on 2027-01-15/);
    expect(out).toMatch(/flips between 600000 and 640000: no force-cap by Ukraine on 2027-07-15/);
  });

  it('matrix says what differs in each outcome besides the most frequent', async () => {
    const { out } = await cli(['matrix', LAND_GRAB, '--only', 'clause-22-scope']);
    expect(out).toContain('differs from the first: guarantee in-force → void');
    expect(out).toMatch(/border-change by\s+Russia on 2028-09-03/);
  });

  it('matrix warns when half its outcomes wait for a compensation no event pays', async () => {
    expect((await cli(['matrix', LAND_GRAB, '--only', 'compensation'])).out).toContain(
      'note: no compensation-paid event',
    );
  });
});

describe('casus compare', () => {
  it('marks only the column that differs, shows the breaches, and keeps each label on its line', async () => {
    const { out } = await cli([
      'compare',
      FORCE_CAP,
      'scenarios/a-force-level-of-exactly-600000-is-within-the-cap.yaml',
    ]);
    expect(out).not.toMatch(/left:\s*\n/);
    expect(out).toContain(`  left:  ${FORCE_CAP}`);
    expect(out).toMatch(/2027-07-15 +in-force +force-cap \(UA\) ≠ none/);
    expect(out).not.toMatch(/in-force ≠ in-force/);
  });
});

describe("casus run says whether the outcome is the plan's or a reading's", () => {
  it('prints, after the final status, the readings that change it and what they change', async () => {
    const { out } = await cli(['run', LAND_GRAB]);
    expect(out).toMatch(/Final: guarantee in-force\n {2}depends on: clause-22-scope, compensation \(/);
    expect(out).toMatch(/under all-guarantees: guarantee\s+in-force → void/);
  });

  it('prints "holds under all N readings" when no reading changes it', async () => {
    const { out } = await cli(['run', 'scenarios/a-ukrainian-ground-incursion-revokes-the-guarantee.yaml']);
    expect(out).toMatch(/\n {2}holds under all 2304 readings\n/);
  });

  it('carries the same in the JSON trace as sensitivity, and --no-sensitivity skips it', async () => {
    const json = JSON.parse((await cli(['run', LAND_GRAB, '--format', 'json'])).out);
    expect(json.sensitivity.readings).toBe(2304);
    expect(json.sensitivity.dependsOn).toEqual(['clause-22-scope', 'compensation']);
    expect(json.sensitivity.alternatives).toContainEqual({
      under: { 'clause-22-scope': 'all-guarantees' },
      guarantee: 'void',
      changes: ['guarantee in-force → void'],
    });
    expect(json.final.guarantee).toBe('in-force');
    const skipped = await cli(['run', LAND_GRAB, '--no-sensitivity']);
    expect(skipped.out).not.toContain('depends on');
    expect(
      JSON.parse((await cli(['run', LAND_GRAB, '--format', 'json', '--no-sensitivity'])).out).sensitivity,
    ).toBeUndefined();
  });
});
