// Open facts: a run branches on what the scenario leaves unknown, and every branch is named by what it assumes.
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { InputError } from '../src/issues/issue.js';
import { runScenario } from '../src/run/runner.js';
import { parseScenario } from '../src/scenario/load.js';
import { assume, MAX_BRANCHES, runBranches } from '../src/whatif/branches.js';
import { captureIo, ruleSet } from './helpers.js';

const HEAD = `scenario: open
title: Open facts
events:
${['UA', 'RU', 'US', 'EU', 'NATO'].map((p) => `  - { at: 2026-01-10, type: signature, party: ${p} }`).join('\n')}
  - { at: 2026-03-01, type: withdrawal-completed, party: UA }
  - { at: 2026-03-01, type: withdrawal-completed, party: RU }
  - { at: 2026-04-01, type: election-held, party: UA }
`;
const load = (events: string, extra = '') => parseScenario('open.yaml', `${extra}${HEAD}${events}`, ruleSet);

describe('a run with open facts', () => {
  it('runs both values of an unknown fact and names each outcome by what it assumes', async () => {
    const run = await runBranches(
      load(
        '  - { id: strike, at: 2028-01-01, type: armed-attack, by: UA, against: RU, scale: limited, ' +
          'means: missile, target: Moscow, justified: unknown }\n',
      ),
      ruleSet,
    );
    expect(run.open.map((f) => f.key)).toEqual(['strike.justified']);
    expect(run.outcomes.map((o) => [o.final.guarantee, o.when])).toEqual([
      ['in-force', 'strike.justified = true'],
      ['lapsed', 'strike.justified = false'],
    ]);
  });

  it('merges branches that end the same way', async () => {
    const run = await runBranches(
      load(
        '  - { at: 2028-01-01, type: armed-attack, by: RU, against: UA, scale: large-scale, crossesLine: true, ' +
          'deliberate: unknown }\n',
      ),
      ruleSet,
    );
    expect(run.outcomes).toHaveLength(1);
    expect(run.outcomes[0]!.when).toBe('whatever is assumed');
    expect(run.outcomes[0]!.branches).toHaveLength(2);
  });

  it('says which open fact an outcome depends on when there are several', async () => {
    const run = await runBranches(
      load(
        '  - { id: offensive, at: 2028-01-01, type: armed-attack, by: RU, against: UA, scale: large-scale, ' +
          'crossesLine: true, deliberate: unknown, sustained: unknown }\n',
        'interpretations: { attack-test: significant-deliberate-sustained }\n',
      ),
      ruleSet,
    );
    expect(run.outcomes.map((o) => [o.final.guarantee, o.when])).toEqual([
      ['invoked', 'offensive.deliberate = true and offensive.sustained = true'],
      ['in-force', 'offensive.deliberate = false, or offensive.sustained = false'],
    ]);
  });

  it('branches where a rule asks for a judgement nobody is named to make (strike-cause = unknown)', async () => {
    const run = await runBranches(
      load(
        '  - { id: strike, at: 2028-01-01, type: armed-attack, by: UA, against: RU, scale: limited, ' +
          'means: missile, target: Moscow }\n',
        'interpretations: { strike-cause: unknown }\n',
      ),
      ruleSet,
    );
    expect(run.open.map((f) => f.key)).toEqual(['strike.justified']);
    expect(run.outcomes.map((o) => o.final.guarantee).sort()).toEqual(['in-force', 'lapsed']);
  });

  it(`refuses more than ${MAX_BRANCHES} branches with a clear error`, async () => {
    const attack = (i: number) =>
      `  - { at: 2028-01-0${i}, type: armed-attack, by: RU, against: UA, scale: large-scale, crossesLine: unknown, ` +
      `deliberate: unknown }\n`;
    await expect(runBranches(load([1, 2, 3, 4].map(attack).join('')), ruleSet)).rejects.toThrow(
      /8 open facts make more than 64 branches/,
    );
  });

  it('checks an expectation only in the branches it names', async () => {
    const events =
      '  - { id: strike, at: 2028-01-01, type: armed-attack, by: UA, against: RU, scale: limited, means: missile, ' +
      'target: Moscow, justified: unknown }\n';
    const expect1 =
      'expect:\n  - { on: end, assuming: { strike.justified: false }, guarantee: lapsed }\n' +
      '  - { on: end, ceasefire: violated }\n';
    const run = await runBranches(parseScenario('open.yaml', `${HEAD}${events}${expect1}`, ruleSet), ruleSet);
    expect(run.expectations.map((x) => [x.line, x.branch, x.ok])).toEqual([
      [14, 'strike.justified = false', true],
      [15, 'strike.justified = true', true],
      [15, 'strike.justified = false', true],
    ]);
  });

  it('rejects an expectation naming an event id that does not exist', () => {
    const text =
      `${HEAD}  - { id: strike, at: 2028-01-01, type: armed-attack, by: UA, against: RU, scale: limited, ` +
      `justified: unknown }\n` +
      `expect:\n  - { on: end, assuming: { strik.justified: false }, guarantee: lapsed }\n`;
    expect(() => parseScenario('open.yaml', text, ruleSet)).toThrow(
      /no event has the id "strik"[\s\S]*did you mean "strike"/,
    );
  });

  it('is refused by the single-run API with a hint to choose a branch', async () => {
    const loaded = load(
      '  - { id: strike, at: 2028-01-01, type: armed-attack, by: UA, against: RU, scale: limited, ' +
        'justified: unknown }\n',
    );
    await expect(runScenario(loaded, ruleSet)).rejects.toThrow(InputError);
    await expect(runScenario(loaded, ruleSet)).rejects.toThrow(/--assume strike\.justified=true/);
    expect((await runScenario(assume(loaded, { 'strike.justified': false }), ruleSet)).final.guarantee).toBe(
      'in-force',
    );
  });
});

describe('on the command line', () => {
  it('casus run shows every outcome, and --assume picks one', async () => {
    const file = 'scenarios/a-strike-on-moscow-of-disputed-cause-has-two-outcomes.yaml';
    const all = captureIo();
    expect(await main(['run', file], all)).toBe(0);
    expect(all.out).toContain('Outcome 1 of 2');
    const one = captureIo();
    expect(await main(['explain', file, '--assume', 'moscow-strike.justified=false'], one)).toBe(0);
    expect(one.out).toContain('The guarantee is lapsed');
    const bad = captureIo();
    expect(await main(['explain', file, '--assume', 'moscow.justified=false'], bad)).toBe(2);
    expect(bad.err).toContain("this scenario's open facts: moscow-strike.justified");
  });

  it('casus run --format json gives every branch with its assumptions', async () => {
    const io = captureIo();
    await main(
      ['run', 'scenarios/when-nobody-decides-the-cause-of-a-strike-both-branches-run.yaml', '--format', 'json'],
      io,
    );
    const json = JSON.parse(io.out);
    expect(json.branched).toBe(true);
    expect(json.outcomes.map((o: { when: string }) => o.when).sort()).toEqual([
      'petersburg-strike.justified = false',
      'petersburg-strike.justified = true',
    ]);
  });
});
