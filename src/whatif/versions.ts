// One scenario under every version of the plan, in the order
// they were published, and the change that altered each outcome.
import type { Region, Status } from '../plan/vocabulary.js';
import type { RuleSet } from '../rules/load.js';
import type { Source } from '../rules/schema.js';
import { applyFirstChanges, changeName } from '../rules/versions.js';
import type { PlanChange } from '../rules/schema.js';
import { runOutcomes, runScenario, type RunOptions } from '../run/runner.js';
import type { LoadedScenario } from '../scenario/parse.js';
import { compareTraces } from './compare.js';
import { differingRegions } from './outcome.js';

/** The change of a version that first altered the scenario's outcome from the version it builds on. */
export interface DecidingChange {
  /**
   * its position among the version's own changes (1-based) and what it does, e.g. "rule nato-troops-stationed replaced"
   */
  index: number;
  change: string;
  /** the rule it acts on or, for a parameter, the first rule that fired differently because of it */
  rule: string | null;
  clause: string | null;
  points: string[];
  confidence: PlanChange['confidence'];
  note: string;
  sources: Source[];
  /** the first date on which the runs part */
  at: string | null;
}

export interface VersionOutcome {
  version: string;
  title: string;
  published: string;
  buildsOn: string | null;
  final: Status;
  /** the final regions that differ from the version it builds on (empty for the first) */
  differs: Region[];
  /** null when nothing differs, or the version builds on none */
  decidedBy: DecidingChange | null;
}

export interface VersionsReport {
  scenario: string;
  title: string;
  file: string;
  versions: VersionOutcome[];
}

/** Published first; on the same day a version after the ones it builds on. */
function chronological(ruleSets: readonly RuleSet[]): RuleSet[] {
  const depth = (rs: RuleSet) => rs.plan?.inherited.length ?? 0;
  const key = (rs: RuleSet) => rs.plan?.published ?? '';
  return [...ruleSets].sort((a, b) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : depth(a) - depth(b) || (a.plan!.version < b.plan!.version ? -1 : 1),
  );
}

function ruleOf(change: PlanChange): string | null {
  if ('removeRule' in change) return change.removeRule;
  if ('replaceRule' in change) return change.replaceRule.name;
  if ('addRule' in change) return change.addRule.name;
  return null;
}

/** The final status only: the compiled fast path, unless the run asked for json-rules-engine. */
async function finalOf(loaded: LoadedScenario, ruleSet: RuleSet, options: RunOptions): Promise<Status> {
  return options.engine === 'reference'
    ? (await runScenario(loaded, ruleSet, options)).final
    : runOutcomes(loaded, ruleSet, { ...(options.set ? { set: options.set } : {}) }).final;
}

/** Applies a version's own changes one by one on its parent's rules until the outcome departs from the parent's. */
async function decidingChange(
  loaded: LoadedScenario,
  parent: RuleSet,
  planned: RuleSet,
  parentFinal: Status,
  options: RunOptions,
): Promise<DecidingChange | null> {
  const plan = planned.plan!;
  const withChanges = (k: number) =>
    k === plan.changes.length ? planned : k === 0 ? parent : applyFirstChanges(parent, plan, k);
  for (let k = 1; k <= plan.changes.length; k++) {
    const ruleSet = withChanges(k);
    if (differingRegions(parentFinal, await finalOf(loaded, ruleSet, options)).length === 0) continue;
    // whole traces only for the runs just before and just after this change
    const before = await runScenario(loaded, withChanges(k - 1), options);
    const trace = await runScenario(loaded, ruleSet, options);
    const change = plan.changes[k - 1]!;
    // the runs just before and just after this change: where they part is where the change acts
    const comparison = compareTraces(
      { label: `${plan.version} without change ${k}`, trace: before },
      { label: plan.version, trace },
    );
    const named = ruleOf(change);
    const moved = comparison.divergence ? [...comparison.divergence.onlyRight, ...comparison.divergence.onlyLeft] : [];
    const acting = moved.find((f) => f.rule === named) ?? moved[0];
    const rule = named ?? acting?.rule ?? null;
    const clause =
      ('replaceRule' in change
        ? change.replaceRule.event.params.clause
        : 'addRule' in change
          ? change.addRule.event.params.clause
          : null) ??
      (named ? parent.rules.find((r) => r.name === named)?.event.params.clause : undefined) ??
      acting?.clause ??
      null;
    return {
      index: k,
      change: changeName(change),
      rule,
      clause,
      points: change.points,
      confidence: change.confidence,
      note: change.note,
      sources: change.sources,
      at: comparison.divergence?.at ?? null,
    };
  }
  return null;
}

/**
 * The scenario under each rule set (one per plan version), in
 * published order, with the change that decided each difference.
 */
export async function runVersions(
  loaded: LoadedScenario,
  ruleSets: readonly RuleSet[],
  options: RunOptions = {},
): Promise<VersionsReport> {
  const ordered = chronological(ruleSets.filter((rs) => rs.plan));
  const byName = new Map(ordered.map((rs) => [rs.plan!.version, rs]));
  const finals = new Map<string, Status>();
  const finalFor = async (rs: RuleSet): Promise<Status> => {
    const name = rs.plan!.version;
    if (!finals.has(name)) finals.set(name, await finalOf(loaded, rs, options));
    return finals.get(name)!;
  };
  const versions: VersionOutcome[] = [];
  for (const rs of ordered) {
    const plan = rs.plan!;
    const final = await finalFor(rs);
    const parent = plan.buildsOn ? byName.get(plan.buildsOn) : undefined;
    const parentFinal = parent ? await finalFor(parent) : undefined;
    const differs = parentFinal ? differingRegions(parentFinal, final) : [];
    const decidedBy =
      parent && parentFinal && differs.length ? await decidingChange(loaded, parent, rs, parentFinal, options) : null;
    versions.push({
      version: plan.version,
      title: plan.title,
      published: plan.published,
      buildsOn: plan.buildsOn,
      final,
      differs,
      decidedBy,
    });
  }
  return { scenario: loaded.scenario.scenario, title: loaded.scenario.title, file: loaded.file, versions };
}
