// A scenario under every combination of readings: outcomes grouped, and the readings each outcome depends on.
import { InputError, usageIssue } from '../input/issues.js';
import { didYouMean } from '../plan/suggest.js';
import { OpenReading } from '../rules/compile.js';
import type { RuleSet } from '../rules/load.js';
import { runOutcomes } from '../run/runner.js';
import type { LoadedScenario } from '../scenario/load.js';
import { decidingNames, describeReadings, type Combination } from './readings.js';

export interface MatrixOutcome {
  /** the final status of the guarantee (with its phase) */
  outcome: string;
  count: number;
  /** the readings under which it happens, as short as the results allow */
  when: string;
  combinations: Combination[];
}

export interface Matrix {
  scenario: string;
  title: string;
  file: string;
  plan: string | null;
  varied: string[];
  /** the interpretations the outcome depends on (the smallest such set) */
  dependsOn: string[];
  runs: number;
  outcomes: MatrixOutcome[];
}

const MAX_RUNS = 4096;

/** Every combination of the values of `names` (an odometer). */
export function combinations(values: Record<string, readonly string[]>, names: readonly string[]): Combination[] {
  let out: Combination[] = [{}];
  for (const name of names) out = out.flatMap((c) => values[name]!.map((v) => ({ ...c, [name]: v })));
  return out;
}

export async function runMatrix(loaded: LoadedScenario, ruleSet: RuleSet, options: { only?: string[]; set?: Record<string, string> } = {}): Promise<Matrix> {
  const values = Object.fromEntries(ruleSet.settings.interpretations.map((i) => [i.name, i.readings.map((r) => r.value)]));
  const all = Object.keys(values);
  const varied = options.only ?? all;
  const unknown = varied.filter((n) => !all.includes(n));
  if (unknown.length) throw new InputError(unknown.map((n) => usageIssue(`--only: unknown interpretation "${n}"`, didYouMean(n, all) ?? `the interpretations are ${all.join(', ')}`)));
  const combos = combinations(values, varied);
  if (combos.length > MAX_RUNS) throw new InputError([usageIssue(`${combos.length} combinations is more than ${MAX_RUNS}`, 'narrow them with --only')]);
  // one run per class of combinations that cannot differ: readings stay open until a rule's verdict needs one
  const outcomeOf = new Map<string, string>();
  const keyOf = (c: Combination) => JSON.stringify(varied.map((n) => c[n]));
  const search = (fixed: Combination) => {
    const open = varied.filter((n) => !Object.hasOwn(fixed, n));
    let outcome: string;
    try {
      const f = runOutcomes(loaded, ruleSet, { set: { ...options.set, ...fixed }, open }).final;
      outcome = f.guaranteePhase ? `${f.guarantee} (${f.guaranteePhase})` : f.guarantee;
    } catch (error) {
      if (!(error instanceof OpenReading)) throw error;
      for (const value of values[error.name]!) search({ ...fixed, [error.name]: value });
      return;
    }
    for (const rest of combinations(values, open)) outcomeOf.set(keyOf({ ...fixed, ...rest }), outcome);
  };
  search({});
  const rows = combos.map((combination) => ({ combination, outcome: outcomeOf.get(keyOf(combination))! }));
  const dependsOn = decidingNames(rows, varied);
  const groups = new Map<string, Combination[]>();
  for (const r of rows) groups.set(r.outcome, [...(groups.get(r.outcome) ?? []), r.combination]);
  const outcomes = [...groups].map(([outcome, list]) => ({ outcome, count: list.length, when: describeReadings(list, dependsOn, values), combinations: list })).sort((a, b) => b.count - a.count || a.outcome.localeCompare(b.outcome));
  return { scenario: loaded.scenario.scenario, title: loaded.scenario.title, file: loaded.file, plan: ruleSet.plan?.version ?? null, varied, dependsOn, runs: rows.length, outcomes };
}
