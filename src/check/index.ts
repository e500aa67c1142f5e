// casus check: static checks, the state space, the laws proved over it, and overlaps over the whole input domain.
import { machineParameters } from '../machine/parameters.js';
import { DEFAULT_LAWS_DIR, loadLaws, type LoadedLaw } from '../laws/load.js';
import type { RuleSet } from '../rules/load.js';
import { SEARCH_BOUNDS, type SearchBounds } from './bounds.js';
import { DomainSearch, type Overlap, type SearchStop } from './conflicts.js';
import { counterexampleYaml, findCounterexample, type Counterexample } from './counterexample.js';
import { Domain } from './domain.js';
import { proveLaws, type LawResult } from './laws.js';
import { exploreStateSpace } from './statespace.js';
import { staticChecks, type StaticCheck } from './static.js';

export interface Finding extends Overlap {
  /** the acknowledgement in ambiguities.json, if the overlap is a known ambiguity of the plan */
  acknowledged?: { points: string[]; question: string; rationale: string };
}

export interface CheckReport {
  ruleSet: { dir: string; rules: number; clauses: number; interpretationCombinations: number };
  static: StaticCheck[];
  stateSpace: { snapshots: number; transitions: number; statuses: number };
  laws: {
    dir: string;
    classes: number;
    results: CheckedLaw[] /** laws whose exceptPlans name this rule set's plan version */;
    excepted: string[];
  };
  findings: Finding[];
  /** acknowledged overlaps that no longer occur */
  stale: Array<[string, string]>;
  domain: { combinations: number; searchNodes: number };
  /** where the search for overlaps stopped at a bound (its findings are then incomplete, and the check not ok) */
  stopped?: SearchStop;
  ok: boolean;
}

export interface CheckedLaw extends LawResult {
  /** the shortest timeline from the start that breaks the law, as a scenario file casus run replays */
  counterexample?: Counterexample & { yaml: string };
  /** why a broken law comes without a timeline */
  unreached?: string;
}

const samePair = (a: readonly string[], b: readonly string[]) =>
  (a[0] === b[0] && a[1] === b[1]) || (a[0] === b[1] && a[1] === b[0]);

/** Every check; `laws` (the bundled laws/ unless given) are proved on the reachable snapshots. */
export function runCheck(
  ruleSet: RuleSet,
  laws: { dir: string; laws: readonly LoadedLaw[] } = { dir: DEFAULT_LAWS_DIR, laws: loadLaws(ruleSet) },
  bounds: SearchBounds = SEARCH_BOUNDS,
): CheckReport {
  const defaults = Object.fromEntries(ruleSet.settings.parameters.map((p) => [p.name, p.value]));
  const space = exploreStateSpace(machineParameters(defaults));
  const domain = new Domain(ruleSet);
  const search = new DomainSearch(ruleSet, domain);
  const reachable = {
    name: 'every declared state of the statechart is reachable',
    ok: space.unreachable.length === 0,
    details: space.unreachable.length
      ? space.unreachable.map((l) => `${l} is never reached`)
      : [`${space.snapshots.length} snapshots`],
  };
  const statics = [...staticChecks(ruleSet, search), reachable];
  // a law set aside for a version is set aside for the versions built on it too
  const lineage = ruleSet.plan ? [ruleSet.plan.version, ...ruleSet.plan.inherited.map((i) => i.version)] : [];
  const applicable = laws.laws.filter((l) => !lineage.some((v) => l.exceptPlans?.includes(v)));
  const proof = proveLaws(ruleSet, applicable, space.snapshots, domain);
  const results: CheckedLaw[] = proof.results.map((r, i) => {
    if (r.proved) return r;
    const found = findCounterexample(ruleSet, applicable[i]!, r.violations, proof, domain);
    return 'events' in found
      ? { ...r, counterexample: { ...found, yaml: counterexampleYaml(found) } }
      : { ...r, unreached: found.reason };
  });
  const findings: Finding[] = search.overlaps(bounds).map((o) => {
    const known = ruleSet.ambiguities.find((a) => samePair(a.rules, o.rules));
    return known
      ? { ...o, acknowledged: { points: known.points, question: known.question, rationale: known.rationale } }
      : o;
  });
  const stale = search.stopped
    ? []
    : ruleSet.ambiguities.filter((a) => !findings.some((f) => samePair(a.rules, f.rules))).map((a) => a.rules);
  const ok =
    !search.stopped &&
    statics.every((s) => s.ok) &&
    results.every((l) => l.proved) &&
    findings.every((f) => f.acknowledged);
  return {
    ruleSet: {
      dir: ruleSet.dir,
      rules: ruleSet.rules.length,
      clauses: ruleSet.clauses.clauses.length,
      interpretationCombinations: ruleSet.settings.interpretations.reduce((n, i) => n * i.readings.length, 1),
    },
    static: statics,
    stateSpace: { snapshots: space.snapshots.length, transitions: space.edges.length, statuses: space.statuses.length },
    laws: {
      dir: laws.dir,
      classes: proof.classes,
      results,
      excepted: laws.laws.filter((l) => !applicable.includes(l)).map((l) => l.name),
    },
    findings,
    stale,
    domain: { combinations: search.combinations, searchNodes: search.nodes },
    ...(search.stopped ? { stopped: search.stopped } : {}),
    ok,
  };
}
