// Running a range of a model's timelines on the fast path and counting outcomes; tallies add up in any order.
import { daysBetween } from '../plan/dates.js';
import {
  BREACH_KINDS,
  GUARANTEE,
  REGION_VALUES,
  TERMINAL_GUARANTEE,
  VALUE_REGIONS,
  type Guarantee,
  type ValueRegion,
} from '../plan/vocabulary.js';
import type { RuleSet } from '../rules/load.js';
import { runOutcomes } from '../run/runner.js';
import type { OutcomeStep } from '../run/trace.js';
import type { LoadedModel } from './model.js';
import { timelineOf } from './timeline.js';

/** The guarantee's outcomes whose timing is reported: the first time each happened. */
const TIMED = ['invoked', ...TERMINAL_GUARANTEE] as const;
type Timed = (typeof TIMED)[number];

/** Counts over a set of runs; plain data, so worker threads can send it back. */
export interface Tally {
  runs: number;
  /** runs by final status, per region */
  final: Record<ValueRegion, Record<string, number>>;
  /** runs in which the guarantee entered into force */
  entered: number;
  /** for each timed outcome, days from entry into force to its first occurrence, one number per run that reached it */
  days: Record<Timed, number[]>;
  /** runs by the step that set the final status: `status|clause|rule` (`pending||` when it never entered into force) */
  decided: Record<string, number>;
  /** runs with at least one breach of each kind */
  breaches: Record<string, number>;
}

export function emptyTally(): Tally {
  return {
    runs: 0,
    final: Object.fromEntries(VALUE_REGIONS.map((r) => [r, {}])) as Tally['final'],
    entered: 0,
    days: Object.fromEntries(TIMED.map((t) => [t, [] as number[]])) as Tally['days'],
    decided: {},
    breaches: {},
  };
}

const add = (to: Record<string, number>, key: string, n = 1) => {
  to[key] = (to[key] ?? 0) + n;
};

/** Runs `from` ≤ i < `to` of the model and counts what happened. */
export function tallyRuns(
  loaded: LoadedModel,
  ruleSet: RuleSet,
  overrides: Record<string, string>,
  seed: number,
  from: number,
  to: number,
): Tally {
  const tally = emptyTally();
  for (let run = from; run < to; run++) {
    const first: Partial<Record<Guarantee, string>> = {};
    let decided = 'pending||';
    const onStep = (step: OutcomeStep) => {
      if (!step.changed.includes('guarantee')) return;
      const g = step.status.guarantee;
      first[g] ??= step.at;
      const by = step.fired.find((f) => f.changed.includes('guarantee'));
      decided = `${g}|${by?.clause ?? ''}|${by?.rule ?? ''}`;
    };
    const end = runOutcomes(timelineOf(loaded, seed, run), ruleSet, { set: overrides }, onStep);
    tally.runs++;
    for (const region of VALUE_REGIONS) add(tally.final[region], end.final[region]);
    add(tally.decided, decided);
    for (const kind of new Set(end.final.breaches.map((b) => b.kind))) add(tally.breaches, kind);
    const entry = end.milestones.entryIntoForce;
    if (entry === null) continue;
    tally.entered++;
    for (const outcome of TIMED) {
      const at = first[outcome];
      if (at !== undefined) tally.days[outcome].push(daysBetween(entry, at));
    }
  }
  return tally;
}

export function mergeTallies(into: Tally, more: Tally): Tally {
  into.runs += more.runs;
  into.entered += more.entered;
  for (const region of VALUE_REGIONS)
    for (const [k, n] of Object.entries(more.final[region])) add(into.final[region], k, n);
  for (const [k, n] of Object.entries(more.decided)) add(into.decided, k, n);
  for (const [k, n] of Object.entries(more.breaches)) add(into.breaches, k, n);
  for (const outcome of TIMED) for (const d of more.days[outcome]) into.days[outcome].push(d);
  return into;
}

const YEAR = 365.25;
const ordered = (counts: Record<string, number>, order: readonly string[]) =>
  order.filter((k) => counts[k]).map((value) => ({ value, runs: counts[value]! }));

/** The distribution, in a fixed order whatever order the runs were counted in. */
export function summarise(tally: Tally, years: number, ruleSet: RuleSet) {
  const quantile = (sorted: number[], q: number) =>
    sorted.length
      ? Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! / YEAR) * 100) / 100
      : null;
  const clauses = new Map(ruleSet.clauses.clauses.map((c) => [c.id, c]));
  return {
    runs: tally.runs,
    enteredIntoForce: tally.entered,
    final: Object.fromEntries(VALUE_REGIONS.map((r) => [r, ordered(tally.final[r], REGION_VALUES[r])])) as Record<
      ValueRegion,
      Array<{ value: string; runs: number }>
    >,
    timeTo: TIMED.map((outcome) => {
      const sorted = [...tally.days[outcome]].sort((a, b) => a - b);
      const byYear = Array.from({ length: years }, () => 0);
      for (const d of sorted) byYear[Math.min(years - 1, Math.floor(d / YEAR))]!++;
      return {
        outcome,
        runs: sorted.length,
        years: { p10: quantile(sorted, 0.1), median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9) },
        byYear,
      };
    }),
    decidedBy: Object.entries(tally.decided)
      .map(([key, runs]) => {
        const [status, clause, rule] = key.split('|') as [string, string, string];
        return { status, clause: clause || null, points: clauses.get(clause)?.points ?? [], rule: rule || null, runs };
      })
      .sort(
        (a, b) =>
          b.runs - a.runs ||
          GUARANTEE.indexOf(a.status as Guarantee) - GUARANTEE.indexOf(b.status as Guarantee) ||
          String(a.rule).localeCompare(String(b.rule)),
      ),
    breaches: ordered(tally.breaches, BREACH_KINDS),
  };
}
export type Summary = ReturnType<typeof summarise>;
