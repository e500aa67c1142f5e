// Plan versions: overlays that change parameters and rules of the base (us-28) rule set, each change citing its source.
import { z } from 'zod';
import { parseText } from '../input/document.js';
import { InputError, pathText, type InputIssue } from '../input/issues.js';
import { zodToIssues } from '../input/zodIssues.js';
import { didYouMean } from '../plan/suggest.js';
import type { LoadedRule, RuleSet } from './ruleSet.js';
import { SOURCE_CONFIDENCE } from '../plan/legend.js';
import { RuleDef, Sources } from './schema.js';
import { checkRule, ruleEventTypes } from './validate.js';

const Cited = {
  points: z.array(z.string().regex(/^(\d{1,2}[a-d]?|SG)$/)).min(1),
  /** how sure the sources are of this change */
  confidence: z.enum(SOURCE_CONFIDENCE),
  note: z.string().min(1),
  sources: Sources,
};

export const PlanChange = z.union([
  z.strictObject({ parameter: z.string(), value: z.number().refine(Number.isSafeInteger, { error: 'expected a whole number' }), ...Cited }),
  z.strictObject({ removeRule: z.string(), ...Cited }),
  z.strictObject({ replaceRule: RuleDef, ...Cited }),
  z.strictObject({ addRule: RuleDef, family: z.string().min(1), ...Cited }),
]);
export type PlanChange = z.infer<typeof PlanChange>;

/** A change in a few words: "force-cap = 800000", "rule nato-enlarges removed". */
export const changeName = (c: PlanChange): string =>
  'parameter' in c ? `${c.parameter} = ${c.value}` : 'removeRule' in c ? `rule ${c.removeRule} removed` : 'replaceRule' in c ? `rule ${c.replaceRule.name} replaced` : `rule ${c.addRule.name} added`;

export const PlanVersion = z.strictObject({
  version: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  title: z.string().min(1),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  sources: Sources,
  changes: z.array(PlanChange),
});
export type PlanVersion = z.infer<typeof PlanVersion>;

/** What a run was evaluated under: the base plan, or a version and its changes. */
export interface PlanInfo {
  version: string;
  title: string;
  sources: PlanVersion['sources'];
  changes: PlanChange[];
  /** rules the version removes, with the clause each encoded */
  removed: Array<{ rule: string; clause: string }>;
}

/** Applies a plan version's overlay (file text) to a rule set; every problem is reported with file:line. */
export function applyPlanVersion(base: RuleSet, file: string, text: string): RuleSet {
  const parsed = parseText(file, text, true);
  if (!parsed.ok) throw new InputError(parsed.issues);
  const result = PlanVersion.safeParse(parsed.parsed.value);
  if (!result.success) throw new InputError(zodToIssues(result.error, PlanVersion, parsed.parsed, file));
  const version = result.data;
  const issues: InputIssue[] = [];
  const at = (path: PropertyKey[], message: string, hint?: string) => {
    const { line, column } = parsed.parsed.locate(path);
    issues.push({ code: 'invalid-version', file, line, column, path: pathText(path), message, ...(hint ? { hint } : {}) });
  };
  const parameters = base.settings.parameters.map((p) => ({ ...p }));
  let rules: LoadedRule[] = [...base.rules];
  const removed: PlanInfo['removed'] = [];
  const names = () => rules.map((r) => r.name);
  const places = base.gazetteer.places.map((p) => p.name);
  const clauseIds = base.clauses.clauses.map((c) => c.id);
  const newRule = (def: z.infer<typeof RuleDef>, family: string, path: PropertyKey[], like?: LoadedRule): LoadedRule => {
    for (const p of checkRule(def, path, base.facts, places)) at(p.path, p.message, p.hint);
    if (!clauseIds.includes(def.event.params.clause)) at([...path, 'event', 'params', 'clause'], `unknown clause "${def.event.params.clause}"`, didYouMean(def.event.params.clause, clauseIds));
    return { ...def, file, family, order: like?.order ?? rules.length, line: parsed.parsed.locate(path).line, eventTypes: ruleEventTypes(def) };
  };
  version.changes.forEach((change, i) => {
    if ('parameter' in change) {
      const p = parameters.find((x) => x.name === change.parameter);
      if (!p) at(['changes', i, 'parameter'], `unknown parameter "${change.parameter}"`, didYouMean(change.parameter, parameters.map((x) => x.name)));
      else if (change.value < p.minimum) at(['changes', i, 'value'], `${p.name} is at least ${p.minimum}`);
      else p.value = change.value;
    } else if ('removeRule' in change) {
      const gone = rules.find((r) => r.name === change.removeRule);
      if (!gone) at(['changes', i, 'removeRule'], `unknown rule "${change.removeRule}"`, didYouMean(change.removeRule, names()));
      else removed.push({ rule: gone.name, clause: gone.event.params.clause });
      rules = rules.filter((r) => r.name !== change.removeRule);
    } else if ('replaceRule' in change) {
      const old = rules.find((r) => r.name === change.replaceRule.name);
      if (!old) at(['changes', i, 'replaceRule', 'name'], `unknown rule "${change.replaceRule.name}"`, didYouMean(change.replaceRule.name, names()));
      else rules = rules.map((r) => (r === old ? newRule(change.replaceRule, old.family, ['changes', i, 'replaceRule'], old) : r));
    } else {
      if (names().includes(change.addRule.name)) at(['changes', i, 'addRule', 'name'], `rule "${change.addRule.name}" already exists`, 'use replaceRule to change it');
      rules = [...rules, newRule(change.addRule, change.family, ['changes', i, 'addRule'])];
    }
  });
  if (issues.length > 0) throw new InputError(issues);
  const ordered = rules.map((r, order) => ({ ...r, order }));
  return {
    ...base,
    settings: { ...base.settings, parameters },
    rules: ordered,
    ambiguities: base.ambiguities.filter((a) => a.rules.every((n) => names().includes(n))),
    plan: { version: version.version, title: version.title, sources: version.sources, changes: version.changes, removed },
  };
}
