// Coverage per clause: which scenarios fire each rule, read from their traces.
import { JUDGEMENT_NEEDED } from '../plan/vocabulary.js';
import type { RuleSet } from '../rules/load.js';
import type { Trace } from '../run/trace.js';
import { wrap } from './text.js';

interface Coverage {
  clauses: Array<{ id: string; points: string[]; rules: Array<{ rule: string; scenarios: string[] }> }>;
  /** rules no scenario fires (rules that stop a run for a judgement are listed apart) */
  unreached: string[];
  stopsTheRun: string[];
}

export function coverageOf(ruleSet: RuleSet, traces: ReadonlyArray<{ file: string; trace: Trace }>): Coverage {
  const firedIn = new Map<string, Set<string>>();
  for (const { file, trace } of traces)
    for (const step of trace.steps)
      for (const f of step.fired) (firedIn.get(f.rule) ?? firedIn.set(f.rule, new Set()).get(f.rule)!).add(file);
  const clauses = ruleSet.clauses.clauses.map((c) => ({
    id: c.id,
    points: c.points,
    rules: ruleSet.rules
      .filter((r) => r.event.params.clause === c.id)
      .map((r) => ({ rule: r.name, scenarios: [...(firedIn.get(r.name) ?? [])].sort() })),
  }));
  const stops = ruleSet.rules.filter((r) => r.event.type === JUDGEMENT_NEEDED).map((r) => r.name);
  const unreached = ruleSet.rules.filter((r) => !firedIn.has(r.name) && !stops.includes(r.name)).map((r) => r.name);
  return { clauses, unreached, stopsTheRun: stops };
}

export function* coverageLines(coverage: Coverage): Generator<string> {
  yield '';
  yield 'Coverage: the scenarios that fire each rule, clause by clause';
  for (const c of coverage.clauses) {
    yield `  ${c.id} (${c.points.join(', ')})`;
    for (const r of c.rules) {
      const mark = r.scenarios.length || coverage.stopsTheRun.includes(r.rule) ? ' ' : '✗';
      const which = coverage.stopsTheRun.includes(r.rule)
        ? 'stops the run (needs a judgement), not counted'
        : r.scenarios.length
          ? `${r.scenarios.length}: ${r.scenarios.map((s) => s.replace(/^.*\//, '')).join(', ')}`
          : 'never fired';
      yield* wrap(`${mark} ${r.rule}: ${which}`, 80, '        ', '    ');
    }
  }
  yield coverage.unreached.length
    ? `✗ ${coverage.unreached.length} rule(s) never fired: ${coverage.unreached.join(', ')}`
    : '✓ every rule is fired by at least one scenario';
}
