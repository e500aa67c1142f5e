// Every bundled scenario is a test: its expect blocks must hold, and each scenario must have some.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runBranches } from '../src/whatif/branches.js';
import { loadScenario } from '../src/scenario/load.js';
import { ruleSet } from './helpers.js';

const files = readdirSync('scenarios')
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .sort();

describe('bundled scenarios', () => {
  it('are at least twenty, each named after its scenario id', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
    for (const f of files)
      expect(loadScenario(`scenarios/${f}`, ruleSet).scenario.scenario).toBe(f.replace(/\.(ya?ml|json)$/, ''));
  });

  it.each(files)('%s holds', async (f) => {
    const run = await runBranches(loadScenario(`scenarios/${f}`, ruleSet), ruleSet);
    expect(run.expectations.length).toBeGreaterThan(0);
    const failed = run.expectations
      .filter((x) => !x.ok)
      .map((x) => ({ line: x.line, on: x.on, branch: x.branch, expected: x.expected, actual: x.actual }));
    expect(failed).toEqual([]);
  });

  it('exercise every rule at least once, and every clause', async () => {
    const fired = new Set<string>();
    for (const f of files) {
      const run = await runBranches(loadScenario(`scenarios/${f}`, ruleSet), ruleSet);
      for (const b of run.outcomes.flatMap((o) => o.branches))
        for (const step of b.trace.steps) for (const r of step.fired) fired.add(r.rule);
    }
    const unreached = ruleSet.rules
      .map((r) => r.name)
      .filter((n) => !fired.has(n) && n !== 'strike-cause-undetermined');
    expect(unreached).toEqual([]);
  });
});
