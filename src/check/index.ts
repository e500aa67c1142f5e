// casus check: static checks, the state space and its invariants, and overlaps over the whole input domain.
import type { RuleSet } from '../rules/load.js';
import { DomainSearch, SEARCH_BOUNDS, type Overlap, type SearchBounds, type SearchStop } from './conflicts.js';
import { Domain } from './domain.js';
import { checkInvariants, exploreStateSpace, type Invariant } from './statespace.js';
import { staticChecks, type StaticCheck } from './static.js';

export interface Finding extends Overlap {
  /** the acknowledgement in ambiguities.json, if the overlap is a known ambiguity of the plan */
  acknowledged?: { points: string[]; question: string; rationale: string };
}

export interface CheckReport {
  ruleSet: { dir: string; rules: number; clauses: number; interpretationCombinations: number };
  static: StaticCheck[];
  stateSpace: { snapshots: number; transitions: number; statuses: number; invariants: Invariant[] };
  findings: Finding[];
  /** acknowledged overlaps that no longer occur */
  stale: Array<[string, string]>;
  domain: { combinations: number; searchNodes: number };
  /** where the search for overlaps stopped at a bound (its findings are then incomplete, and the check not ok) */
  stopped?: SearchStop;
  ok: boolean;
}

const samePair = (a: readonly string[], b: readonly string[]) => (a[0] === b[0] && a[1] === b[1]) || (a[0] === b[1] && a[1] === b[0]);

export function runCheck(ruleSet: RuleSet, bounds: SearchBounds = SEARCH_BOUNDS): CheckReport {
  const space = exploreStateSpace();
  const invariants = checkInvariants(space);
  const search = new DomainSearch(ruleSet, new Domain(ruleSet));
  const statics = staticChecks(ruleSet, search);
  const findings: Finding[] = search.overlaps(bounds).map((o) => {
    const known = ruleSet.ambiguities.find((a) => samePair(a.rules, o.rules));
    return known ? { ...o, acknowledged: { points: known.points, question: known.question, rationale: known.rationale } } : o;
  });
  const stale = search.stopped ? [] : ruleSet.ambiguities.filter((a) => !findings.some((f) => samePair(a.rules, f.rules))).map((a) => a.rules);
  const ok = !search.stopped && statics.every((s) => s.ok) && invariants.every((i) => i.ok) && findings.every((f) => f.acknowledged);
  return {
    ruleSet: {
      dir: ruleSet.dir,
      rules: ruleSet.rules.length,
      clauses: ruleSet.clauses.clauses.length,
      interpretationCombinations: ruleSet.settings.interpretations.reduce((n, i) => n * i.readings.length, 1),
    },
    static: statics,
    stateSpace: { snapshots: space.snapshots.length, transitions: space.edges.length, statuses: space.statuses.length, invariants },
    findings,
    stale,
    domain: { combinations: search.combinations, searchNodes: search.nodes },
    ...(search.stopped ? { stopped: search.stopped } : {}),
    ok,
  };
}
