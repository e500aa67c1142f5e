// What each step changed, in words, with the rule and clause behind it: shared by the Markdown and HTML reports.
import { dateWords } from '../plan/dates.js';
import { changeText, type Status, type ValueRegion } from '../plan/vocabulary.js';
import type { Step, Trace } from '../run/trace.js';
import { breachWords } from './words.js';

interface Change {
  /** the region in the Status contract (guarantee covers its phase) */
  region: ValueRegion | 'breaches' | 'term';
  text: string;
  rule: string;
  clause: string;
  points: string[];
}

/** The changes a step made, one per region and breach, each credited to the first rule that made it. */
function stepChanges(step: Step, before: Status, termBefore: string | null): Change[] {
  const out: Change[] = [];
  const shown = new Set<string>();
  for (const f of step.fired) {
    const cite = { rule: f.rule, clause: f.clause, points: f.points };
    for (const changed of f.changed) {
      if (changed === 'breaches') continue;
      const region = changed === 'guaranteePhase' ? 'guarantee' : changed;
      if (shown.has(region)) continue;
      shown.add(region);
      out.push({ region, text: changeText(region, before, step.status), ...cite });
    }
    if (f.changed.includes('breaches')) {
      for (const b of step.status.breaches
        .slice(before.breaches.length)
        .filter((x) => x.clause === f.clause && !shown.has(`${x.kind}:${x.party}`))) {
        shown.add(`${b.kind}:${b.party}`);
        out.push({ region: 'breaches', text: `breach: ${breachWords(b)}`, ...cite });
      }
    }
    if (f.emits === 'TERM_EXTENDED' && step.milestones.termEnds !== termBefore && step.milestones.termEnds) {
      out.push({
        region: 'term',
        text: `the term now ends ${dateWords(step.milestones.termEnds)} (was ${termBefore})`,
        ...cite,
      });
    }
  }
  return out;
}

/** Every step with the status before it and its changes, in order. */
export function timeline(trace: Trace): Array<{ step: Step; before: Status; changes: Change[] }> {
  let before = trace.initial;
  let term: string | null = null;
  return trace.steps.map((step) => {
    const row = { step, before, changes: stepChanges(step, before, term) };
    before = step.status;
    term = step.milestones.termEnds;
    return row;
  });
}

/** Everything a run took for granted beyond the plan: parameters marked as assumptions, then the cited clauses' own. */
export function assumptionTexts(
  head: Pick<Trace, 'assumptions' | 'parameters' | 'clauses'>,
  cited: ReadonlySet<string>,
): string[] {
  return [
    ...head.assumptions.map((a) => `${a}=${head.parameters[a]}`),
    ...head.clauses.filter((c) => cited.has(c.id)).flatMap((c) => c.assumptions ?? []),
  ];
}

/** The clauses a run cites (fired rules, near misses, breaches), in catalogue order. */
export function citedClauses(trace: Trace, extra: Iterable<string> = []): Trace['clauses'] {
  const ids = new Set<string>(extra);
  for (const s of trace.steps) for (const f of s.fired) ids.add(f.clause);
  for (const b of trace.final.breaches) ids.add(b.clause);
  return trace.clauses.filter((c) => ids.has(c.id));
}
