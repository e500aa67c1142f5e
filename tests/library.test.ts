// The library as another tool uses it: the package's own entry point, as the README shows it.
import { describe, expect, it } from 'vitest';

describe('the casus package', () => {
  it('runs the README example through the package entry point (the compiled dist/index.js)', async () => {
    const casus = await import('casus');
    const rules = casus.loadRuleSet();
    const scenario = casus.loadScenario('scenarios/renewed-offensive-invokes-the-guarantee.yaml', rules);
    const trace = await casus.runScenario(scenario, rules, { set: { 'attack-test': 'large-scale' } });
    expect(trace.final.guarantee).toBe('invoked');
    expect(casus.runCheck(rules).ok).toBe(true);
    expect(casus.loadPlannedRuleSet(undefined, 'ua-20').plan?.version).toBe('ua-20');
    const open = await casus.runBranches(
      casus.loadScenario('scenarios/a-strike-on-moscow-of-disputed-cause-has-two-outcomes.yaml', rules),
      rules,
    );
    expect(open.outcomes).toHaveLength(2);
  });
});
