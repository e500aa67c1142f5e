// casus check: the bundled rules are consistent, and each kind of inconsistency is caught.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { baseFacts, DomainSearch } from '../src/check/conflicts.js';
import { assignments, Domain } from '../src/check/domain.js';
import { factsRead } from '../src/rules/conditions.js';
import { runCheck, type CheckReport } from '../src/check/index.js';
import { exploreStateSpace } from '../src/check/statespace.js';
import { machineParameters } from '../src/machine/parameters.js';
import { compileCondition } from '../src/rules/compile.js';
import { parseRuleSet, type RuleFile } from '../src/rules/load.js';
import { captureIo, ruleSet } from './helpers.js';

const BUNDLED: RuleFile[] = readdirSync('rules')
  .filter((n) => n.endsWith('.json'))
  .map((name) => ({ name, text: readFileSync(join('rules', name), 'utf8') }));
const withFamily = (family: object) =>
  parseRuleSet('/rules', [...BUNDLED, { name: 'zz-extra.json', text: JSON.stringify(family) }]);
const family = (rule: object) => ({ family: 'extra', description: 'A rule added by a test.', rules: [rule] });

describe('casus check on the bundled rules', () => {
  // the report as casus check --format json prints it, exit 0: one run of the whole check serves every claim below
  let report: CheckReport;
  beforeAll(async () => {
    const io = captureIo();
    expect(await main(['check', '--format', 'json'], io)).toBe(0);
    report = JSON.parse(io.out) as CheckReport;
  });

  it('passes every static check and every invariant, far inside the bounds on its work', () => {
    expect(report.stopped).toBeUndefined();
    expect(report.static.filter((s) => !s.ok)).toEqual([]);
    expect(report.laws.results.filter((l) => !l.proved)).toEqual([]);
    expect(report.stateSpace.snapshots).toBeGreaterThan(100);
    expect(report.ok).toBe(true);
  });

  it('finds exactly the four overlaps the plan causes, each acknowledged', () => {
    const pairs = report.findings.map((f) => [...f.rules].sort().join(' + ')).sort();
    expect(pairs).toEqual([
      'border-change-voids-guarantee + qualifying-russian-attack',
      'border-change-voids-guarantee + strike-without-cause',
      'border-change-voids-guarantee + ukraine-invasion',
      'strike-without-cause + ukraine-invasion',
    ]);
    expect(report.findings.every((f) => f.acknowledged)).toBe(true);
  });

  it('says under which readings an overlap happens, with a minimal example', () => {
    const strike = report.findings.find(
      (f) => f.rules.includes('strike-without-cause') && f.rules.includes('ukraine-invasion'),
    )!;
    expect(strike.readings).toEqual({});
    expect(strike.exampleReadings).toEqual({ 'invasion-test': 'any-attack' });
    expect(strike.example).toEqual({
      by: 'UA',
      against: 'RU',
      territory: 'russia',
      scale: 'limited',
      means: 'missile',
      target: 'Moscow',
      hostilitiesUnderWay: false,
    });
    expect(strike.applied).toBe('revoked');
    const land = report.findings.find((f) => f.rules.includes('qualifying-russian-attack'))!;
    expect(land.readings).toEqual({ 'clause-22-scope': ['all-guarantees'] });
    expect(land.applied).toBe('void');
  });
});

describe('casus check catches', () => {
  // these cases are about rules and clauses: the laws, proved elsewhere, would only add seconds to each
  const withoutLaws = { dir: '(no laws)', laws: [] };

  it('a new rule that overlaps an existing one with an incompatible outcome', () => {
    const rules = withFamily(
      family({
        name: 'drone-raid-voids-guarantee',
        conditions: {
          all: [
            { fact: 'type', operator: 'equal', value: 'armed-attack' },
            { fact: 'by', operator: 'equal', value: 'UA' },
            { fact: 'means', operator: 'equal', value: 'drone' },
          ],
        },
        event: { type: 'GUARANTEE_VOID', params: { clause: 'no-force-borders', points: ['22'] } },
      }),
    );
    const report = runCheck(rules, withoutLaws);
    expect(report.ok).toBe(false);
    const found = report.findings.filter((f) => f.rules.includes('drone-raid-voids-guarantee') && !f.acknowledged);
    expect(found.map((f) => f.rules.find((r) => r !== 'drone-raid-voids-guarantee')).sort()).toEqual([
      'strike-without-cause',
      'ukraine-invasion',
    ]);
    expect(found.find((f) => f.rules.includes('strike-without-cause'))!.readings).toEqual({
      'strike-means': ['missile-or-drone'],
    });
  });

  it('a rule whose conditions can never all hold', () => {
    const rules = withFamily(
      family({
        name: 'impossible-attack',
        conditions: {
          all: [
            { fact: 'type', operator: 'equal', value: 'armed-attack' },
            { fact: 'scale', operator: 'equal', value: 'limited' },
            { fact: 'scale', operator: 'equal', value: 'large-scale' },
          ],
        },
        event: {
          type: 'BREACH',
          params: { clause: 'non-aggression', points: ['2'], breach: 'non-aggression', party: 'RU' },
        },
      }),
    );
    const never = runCheck(rules, withoutLaws).static.find((s) => s.name === 'every rule can fire')!;
    expect(never.ok).toBe(false);
    expect(never.details).toEqual([expect.stringMatching(/^impossible-attack can never fire/)]);
  });

  it('a clause no rule encodes, and a plan point nobody accounts for', () => {
    const clauses = JSON.parse(BUNDLED.find((f) => f.name === 'clauses.json')!.text);
    clauses.clauses.push({
      id: 'jets-in-poland',
      points: ['9'],
      kind: 'obligation',
      title: 'Jets in Poland',
      paraphrase: 'European jets are based in Poland.',
      consequence: 'None named.',
      planNamesConsequence: false,
      sources: [{ address: 'https://example.org/point-9', supports: 'Point 9.', confidence: 'reported' }],
    });
    clauses.notEncoded = clauses.notEncoded.filter(
      (n: { points: string[] }) => !n.points.includes('9') && !n.points.includes('26'),
    );
    const report = runCheck(
      parseRuleSet(
        '/rules',
        BUNDLED.map((f) => (f.name === 'clauses.json' ? { ...f, text: JSON.stringify(clauses) } : f)),
      ),
      withoutLaws,
    );
    expect(report.static.find((s) => s.name === 'every clause is encoded by a rule')!.details).toEqual([
      expect.stringMatching(/^clause jets-in-poland has no rule/),
    ]);
    expect(report.static.find((s) => s.name.startsWith('every plan point'))!.details).toEqual([
      'point 26 is neither encoded by a clause nor listed in notEncoded',
    ]);
  });

  it('an acknowledgement that no longer matches an overlap (reported, not failed)', () => {
    const known = JSON.parse(BUNDLED.find((f) => f.name === 'ambiguities.json')!.text);
    known.ambiguities.push({
      rules: ['force-cap-exceeded', 'nato-enlarges'],
      points: ['6', '7'],
      question: 'Q?',
      rationale: 'R.',
    });
    const report = runCheck(
      parseRuleSet(
        '/rules',
        BUNDLED.map((f) => (f.name === 'ambiguities.json' ? { ...f, text: JSON.stringify(known) } : f)),
      ),
      withoutLaws,
    );
    expect(report.stale).toEqual([['force-cap-exceeded', 'nato-enlarges']]);
    expect(report.ok).toBe(true);
  });
});

describe('the domain search', () => {
  const domain = new Domain(ruleSet);

  const pairs = [
    ['ukraine-invasion', 'border-change-voids-guarantee'],
    ['qualifying-russian-attack', 'border-change-voids-guarantee'],
    ['russia-invades-ukraine', 'border-change-voids-guarantee'],
  ] as const;
  for (const [a, b] of pairs)
    it(`prunes nothing that fires: ${a} with ${b} agrees with brute force`, () => {
      const rules = [a, b].map((n) => ruleSet.rules.find((r) => r.name === n)!);
      const dims = domain.dimensions(
        'armed-attack',
        rules.flatMap((r) => factsRead(r.conditions)),
      );
      const tests = rules.map((r) => compileCondition(r.conditions));
      // every assignment sets the same facts: one object, overwritten, not a copy of every fact per assignment
      const facts = { ...baseFacts(ruleSet), type: 'armed-attack' };
      let brute = 0;
      for (const assignment of assignments(dims)) {
        if (assignment.by === assignment.against) continue;
        if (tests.every((t) => t(Object.assign(facts, assignment)))) brute++;
      }
      const search = new DomainSearch(ruleSet, domain) as unknown as { firing(r: typeof rules): Iterable<unknown> };
      expect([...search.firing(rules)].length).toBe(brute);
    });
});

describe('the state space', () => {
  const mostReliefSteps = (steps: number) => {
    const parameters = machineParameters({ 'term-years': 10, 'extension-years': 10, 'election-deadline-days': 100 });
    const space = exploreStateSpace({ ...parameters, 'relief-steps': steps });
    return Math.max(...space.snapshots.map((s) => s.context.reliefStepsApplied));
  };

  it("is explored under the rule set's own parameters: with five relief steps, every step before the last", () => {
    expect(mostReliefSteps(3)).toBe(3);
    expect(mostReliefSteps(5)).toBe(5);
  });
});

describe('casus check on the command line', () => {
  it('exits 0 on the bundled rules and prints the findings', async () => {
    const io = captureIo();
    expect(await main(['check'], io)).toBe(0);
    expect(io.out).toContain('ok: 4 known ambiguities of the plan, no unacknowledged conflicts');
    for (const line of io.out.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
  });

  it('exits 1 on a rule set with an unacknowledged conflict', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casus-rules-'));
    for (const f of BUNDLED)
      writeFileSync(join(dir, f.name), f.name === 'ambiguities.json' ? '{ "ambiguities": [] }' : f.text);
    const io = captureIo();
    expect(await main(['check', '--rules', dir], io)).toBe(1);
    expect(io.out).toContain('failed: 0 checks failed, 4 unacknowledged conflicts');
  });
});
