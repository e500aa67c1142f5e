// A scenario under every combination of readings: whole outcomes grouped, and the readings each outcome depends on.
import { InputError, usageIssue } from '../issues/issue.js';
import { didYouMean } from '../plan/suggest.js';
import type { Status } from '../plan/vocabulary.js';
import { OpenReading } from '../rules/compile.js';
import type { RuleSet } from '../rules/load.js';
import { openFacts, type OpenFact } from '../run/openFacts.js';
import { runOutcomes } from '../run/runner.js';
import { JudgementNeeded } from '../run/stepper.js';
import type { LoadedScenario } from '../scenario/load.js';
import { MAX_BRANCHES, withAssumptions } from './branches.js';
import { outcomeChanges, outcomeKey, outcomeText } from './outcome.js';
import { decidingNames, describeReadings, type Combination } from './readings.js';

interface MatrixOutcome {
  /** the whole outcome in words: every region and the breaches */
  outcome: string;
  final: Status;
  count: number;
  /** the readings (and open facts) under which it happens, as short as the results allow */
  when: string;
  /** what differs from the most frequent outcome (empty for that one) */
  changes: string[];
  combinations: Combination[];
}

export interface Matrix {
  scenario: string;
  title: string;
  file: string;
  plan: string | null;
  /** facts the scenario leaves open, stated with --assume */
  assumed: Record<string, boolean>;
  varied: string[];
  /** facts the scenario leaves open, run both ways wherever they are open (EVENT-ID.FIELD) */
  facts: string[];
  /** the interpretations (and open facts) the outcome depends on: the smallest such set */
  dependsOn: string[];
  /** combinations of readings */
  combinations: number;
  /** runs counted: every combination, twice for each open fact where it is open */
  runs: number;
  outcomes: MatrixOutcome[];
  /** what an analyst should know to read the outcomes (e.g. a precondition no event of the scenario meets) */
  notes: string[];
}

/**
 * The value an open fact has in a combination of readings under which the scenario or the reading already decides it.
 */
export const DECIDED = 'decided by the reading';

/** Combinations a matrix lists at most: 2,304 take 0.04 s (the outcomes are searched, not run one by one). */
const MAX_COMBINATIONS = 65_536;

/** Why half the outcomes can wait for compensation: the outcome depends on it and the scenario never pays the US. */
export const compensationNotes = (dependsOn: readonly string[], loaded: LoadedScenario): string[] =>
  dependsOn.includes('compensation') && !loaded.scenario.events.some((e) => e.type === 'compensation-paid')
    ? [
        'no compensation-paid event: ' +
          'under compensation = precondition the guarantee waits for one (10a); add one if the US is paid',
      ]
    : [];

/** Every combination of the values of `names` (an odometer). */
export function combinations(values: Record<string, readonly string[]>, names: readonly string[]): Combination[] {
  let out: Combination[] = [{}];
  for (const name of names) out = out.flatMap((c) => values[name]!.map((v) => ({ ...c, [name]: v })));
  return out;
}

interface OutcomeRow {
  combination: Combination;
  final: Status;
}

/** Combinations that cannot differ: the readings fixed in `combination`, every value of the others. */
type OutcomeClass = OutcomeRow;

/**
 * Every combination of the `varied` readings, as classes of combinations with one final status each, on the fast path:
 * one run per class (readings stay open until a rule's verdict needs one), and both branches of a fact the scenario
 * leaves open wherever it is open (a class names every open fact: true, false or decided by the reading).
 */
export function searchOutcomes(
  loaded: LoadedScenario,
  ruleSet: RuleSet,
  varied: readonly string[],
  set: Record<string, string> = {},
): { classes: OutcomeClass[]; facts: OpenFact[]; values: Record<string, string[]> } {
  const values: Record<string, string[]> = Object.fromEntries(
    ruleSet.settings.interpretations.map((i) => [i.name, i.readings.map((r) => r.value)]),
  );
  const inFile = openFacts(loaded);
  const facts = [...inFile];
  const results: OutcomeClass[] = [];
  const search = (fixed: Combination) => {
    const unfixed = inFile.find((f) => !Object.hasOwn(fixed, f.key));
    if (unfixed) {
      for (const v of ['true', 'false']) search({ ...fixed, [unfixed.key]: v });
      return;
    }
    const open = varied.filter((n) => !Object.hasOwn(fixed, n));
    const readings = Object.fromEntries(Object.entries(fixed).filter(([k]) => Object.hasOwn(values, k)));
    const assumed = Object.fromEntries(
      Object.entries(fixed)
        .filter(([k]) => !Object.hasOwn(values, k))
        .map(([k, v]) => [k, v === 'true']),
    );
    try {
      results.push({
        combination: fixed,
        final: runOutcomes(withAssumptions(loaded, facts, assumed), ruleSet, { set: { ...set, ...readings }, open })
          .final,
      });
    } catch (error) {
      if (error instanceof OpenReading) {
        for (const value of values[error.name]!) search({ ...fixed, [error.name]: value });
        return;
      }
      if (!(error instanceof JudgementNeeded)) throw error;
      const line = loaded.eventLines[error.eventIndex] ?? 0;
      const key = `${loaded.scenario.events[error.eventIndex]!.id ?? `line-${line}`}.${error.field}`;
      if (!facts.some((f) => f.key === key)) facts.push({ event: error.eventIndex, line, field: error.field, key });
      if (facts.length > Math.log2(MAX_BRANCHES))
        throw new InputError([
          usageIssue(
            `${facts.length} open facts are too many to branch on (${facts.map((f) => f.key).join(', ')})`,
            'state some of them, or choose with --assume KEY=true|false',
          ),
        ]);
      for (const v of ['true', 'false']) search({ ...fixed, [key]: v });
    }
  };
  search({});
  const classes = results.map(({ combination, final }) => ({
    combination: {
      ...combination,
      ...Object.fromEntries(facts.filter((f) => !Object.hasOwn(combination, f.key)).map((f) => [f.key, DECIDED])),
    },
    final,
  }));
  for (const f of facts) values[f.key] = ['true', 'false', DECIDED];
  return { classes, facts, values };
}

/** Where a combination stands in the odometer of the `varied` readings (for a stable, readable order). */
export const odometer = (values: Record<string, readonly string[]>, varied: readonly string[]) => (c: Combination) =>
  JSON.stringify(varied.map((n) => values[n]!.indexOf(c[n]!)));

/** Every combination of every class, in odometer order. */
function outcomeRows(
  classes: readonly OutcomeClass[],
  varied: readonly string[],
  values: Record<string, readonly string[]>,
): OutcomeRow[] {
  const rows: OutcomeRow[] = [];
  for (const { combination, final } of classes) {
    const fixed = Object.entries(combination).filter(([, v]) => v !== DECIDED);
    const decided = Object.entries(combination).filter(([, v]) => v === DECIDED);
    const free = varied.filter((n) => !Object.hasOwn(combination, n));
    for (const r of combinations(values, free))
      rows.push({ combination: { ...Object.fromEntries(fixed), ...r, ...Object.fromEntries(decided) }, final });
  }
  const order = odometer(values, varied);
  const keyed = rows.map((row) => ({ row, key: order(row.combination) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.row);
}

export async function runMatrix(
  loaded: LoadedScenario,
  ruleSet: RuleSet,
  options: { only?: string[]; set?: Record<string, string> } = {},
): Promise<Matrix> {
  const all = ruleSet.settings.interpretations.map((i) => i.name);
  const varied = options.only ?? all;
  const unknown = varied.filter((n) => !all.includes(n));
  if (unknown.length)
    throw new InputError(
      unknown.map((n) =>
        usageIssue(
          `--only: unknown interpretation "${n}"`,
          didYouMean(n, all) ?? `the interpretations are ${all.join(', ')}`,
        ),
      ),
    );
  const count = ruleSet.settings.interpretations
    .filter((i) => varied.includes(i.name))
    .reduce((n, i) => n * i.readings.length, 1);
  if (count > MAX_COMBINATIONS)
    throw new InputError([
      usageIssue(`${count} combinations is more than ${MAX_COMBINATIONS}`, 'narrow them with --only'),
    ]);
  const { classes, facts, values } = searchOutcomes(loaded, ruleSet, varied, options.set);
  const names = [...varied, ...facts.map((f) => f.key)];
  const dependsOn = decidingNames(
    classes.map((c) => ({ combination: c.combination, outcome: outcomeKey(c.final) })),
    names,
  );
  const rows = outcomeRows(classes, varied, values);
  const keyed = rows.map((r) => ({ combination: r.combination, outcome: outcomeKey(r.final), final: r.final }));
  const groups = new Map<string, typeof keyed>();
  for (const r of keyed) groups.set(r.outcome, [...(groups.get(r.outcome) ?? []), r]);
  const possible = keyed.map((r) => r.combination);
  const sorted = [...groups.values()].sort(
    (a, b) => b.length - a.length || outcomeText(a[0]!.final).localeCompare(outcomeText(b[0]!.final)),
  );
  const outcomes = sorted.map((list) => ({
    outcome: outcomeText(list[0]!.final),
    final: list[0]!.final,
    count: list.length,
    when: describeReadings(
      list.map((r) => r.combination),
      dependsOn,
      values,
      possible,
    ).replace(new RegExp(`(\\S+) = ${DECIDED}`, 'g'), 'the reading decides $1'),
    changes: outcomeChanges(sorted[0]![0]!.final, list[0]!.final),
    combinations: list.map((r) => r.combination),
  }));
  const notes = compensationNotes(dependsOn, loaded);
  return {
    notes,
    scenario: loaded.scenario.scenario,
    title: loaded.scenario.title,
    file: loaded.file,
    plan: ruleSet.plan?.version ?? null,
    assumed: loaded.assumed ?? {},
    varied,
    facts: facts.map((f) => f.key),
    dependsOn,
    combinations: count,
    runs: rows.length,
    outcomes,
  };
}
