// casus test --coverage: which scenarios fire each rule; a rule no scenario reaches fails the run.
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { captureIo } from './helpers.js';

describe('casus test --coverage', () => {
  it('lists every clause with the scenarios that fire its rules, and passes on the bundled scenarios', async () => {
    const io = captureIo();
    expect(await main(['test', 'scenarios', '--coverage'], io)).toBe(0);
    expect(io.out).toContain('Coverage: the scenarios that fire each rule, clause by clause');
    expect(io.out).toMatch(/ {2}guarantee-trigger \(SG\)\n {4}qualifying-russian-attack: \d+:/);
    expect(io.out).toContain('strike-cause-undetermined: stops the run (needs a judgement), not counted');
    expect(io.out).toContain('✓ every rule is fired by at least one scenario');
  });

  it('fails and names the rules that no scenario fires', async () => {
    const io = captureIo();
    expect(await main(['test', 'scenarios/a-force-level-above-600000-breaches-the-cap.yaml', '--coverage'], io)).toBe(
      1,
    );
    expect(io.out).toMatch(/✗ qualifying-russian-attack: never fired/);
    expect(io.out).toMatch(/✗ \d+ rule\(s\) never fired: .*ukraine-invasion/);
    expect(io.out).toContain('1 passed, 0 failed');
  });

  it('adds the coverage to the JSON results', async () => {
    const io = captureIo();
    await main(['test', 'scenarios', '--coverage', '--format', 'json'], io);
    const { coverage } = JSON.parse(io.out);
    expect(coverage.unreached).toEqual([]);
    expect(
      coverage.clauses.find((c: { id: string }) => c.id === 'term').rules.map((r: { rule: string }) => r.rule),
    ).toEqual(['term-ends', 'term-extended']);
  });
});
