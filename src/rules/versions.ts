// Plan versions: overlays that change parameters and rules of the base (us-28) rule set, each change citing its source.
import { parseText } from '../input/document.js';
import { InputError, pathText, type InputIssue } from '../issues/issue.js';
import { zodToIssues } from '../issues/zod.js';
import { didYouMean } from '../plan/suggest.js';
import type { LoadedRule, PlanInfo, RuleSet } from './ruleSet.js';
import { PlanVersion, type PlanChange, type RuleDef } from './schema.js';
import { checkRule, ruleEventTypes } from './validate.js';

/** The version the base rule files encode: a run without --plan is a run under it. */
export const BASE_PLAN = 'us-28';

/** A change in a few words: "force-cap = 800000", "rule nato-enlarges removed". */
export const changeName = (c: PlanChange): string =>
  'parameter' in c
    ? `${c.parameter} = ${c.value}`
    : 'removeRule' in c
      ? `rule ${c.removeRule} removed`
      : 'replaceRule' in c
        ? `rule ${c.replaceRule.name} replaced`
        : `rule ${c.addRule.name} added`;

/** An overlay file's name and text. */
export interface OverlayText {
  file: string;
  text: string;
}

/** Where the versions an overlay builds on are found: by name (the loader reads rules/versions/NAME.json). */
interface OverlaySource {
  names: readonly string[];
  read(name: string): OverlayText | undefined;
}

const NO_OVERLAYS: OverlaySource = { names: [], read: () => undefined };

interface ParsedOverlay {
  file: string;
  version: PlanVersion;
  locate: (path: PropertyKey[]) => { line: number; column: number };
}

function parseOverlay(file: string, text: string): ParsedOverlay {
  const parsed = parseText(file, text, true);
  if (!parsed.ok) throw new InputError(parsed.issues);
  const result = PlanVersion.safeParse(parsed.parsed.value);
  if (!result.success) throw new InputError(zodToIssues(result.error, PlanVersion, parsed.parsed, file));
  return { file, version: result.data, locate: (path) => parsed.parsed.locate(path) };
}

/**
 * The overlay and the ones it builds on, oldest first; an unknown version or a cycle is an error at the builds-on line.
 */
function lineage(overlay: ParsedOverlay, source: OverlaySource): ParsedOverlay[] {
  const chain = [overlay];
  for (let child = overlay; child.version['builds-on'] !== undefined; ) {
    const name = child.version['builds-on'];
    const issue = (message: string, hint?: string): InputError => {
      const { line, column } = child.locate(['builds-on']);
      return new InputError([
        {
          code: 'invalid-version',
          file: child.file,
          line,
          column,
          path: 'builds-on',
          message,
          ...(hint ? { hint } : {}),
        },
      ]);
    };
    if (chain.some((c) => c.version.version === name)) {
      throw issue(
        `builds-on "${name}" makes a cycle: ` +
          `${[...chain.map((c) => c.version.version)].reverse().join(' → ')} → ${name}`,
        'each version builds on an earlier one; the chain ends at a version without builds-on',
      );
    }
    const text = source.read(name);
    if (text === undefined)
      throw issue(
        `unknown plan version "${name}"`,
        didYouMean(name, source.names) ??
          (source.names.length ? `the versions are ${source.names.join(', ')}` : undefined),
      );
    const parent = parseOverlay(text.file, text.text);
    if (parent.version.version !== name)
      throw issue(`${text.file} is version "${parent.version.version}", not "${name}"`);
    chain.unshift(parent);
    child = parent;
  }
  return chain;
}

/**
 * Applies a plan version's overlay (file text) to a rule set, after the versions it builds on (found through `source`);
 * every problem is reported with file:line.
 */
export function applyPlanVersion(
  base: RuleSet,
  file: string,
  text: string,
  source: OverlaySource = NO_OVERLAYS,
): RuleSet {
  const chain = lineage(parseOverlay(file, text), source);
  let ruleSet = base;
  for (const overlay of chain) ruleSet = applyOverlay(ruleSet, overlay);
  return ruleSet;
}

/**
 * The rule set after the first `count` of a version's own changes, applied to the rule set of the version it builds on.
 */
export function applyFirstChanges(parent: RuleSet, plan: PlanInfo, count: number): RuleSet {
  const version: PlanVersion = {
    version: plan.version,
    title: plan.title,
    published: plan.published,
    ...(plan.buildsOn ? { 'builds-on': plan.buildsOn } : {}),
    sources: plan.sources,
    changes: plan.changes.slice(0, count),
  };
  return applyOverlay(parent, { file: plan.version, version, locate: () => ({ line: 0, column: 0 }) });
}

function applyOverlay(base: RuleSet, overlay: ParsedOverlay): RuleSet {
  const { file, version } = overlay;
  const issues: InputIssue[] = [];
  const at = (path: PropertyKey[], message: string, hint?: string) => {
    const { line, column } = overlay.locate(path);
    issues.push({
      code: 'invalid-version',
      file,
      line,
      column,
      path: pathText(path),
      message,
      ...(hint ? { hint } : {}),
    });
  };
  const parameters = base.settings.parameters.map((p) => ({ ...p }));
  let rules: LoadedRule[] = [...base.rules];
  const removed: PlanInfo['removed'] = [...(base.plan?.removed ?? [])];
  const names = () => rules.map((r) => r.name);
  const places = base.gazetteer.places.map((p) => p.name);
  const clauseIds = base.clauses.clauses.map((c) => c.id);
  const newRule = (def: RuleDef, family: string, path: PropertyKey[], like?: LoadedRule): LoadedRule => {
    for (const p of checkRule(def, path, base.facts, places)) at(p.path, p.message, p.hint);
    if (!clauseIds.includes(def.event.params.clause))
      at(
        [...path, 'event', 'params', 'clause'],
        `unknown clause "${def.event.params.clause}"`,
        didYouMean(def.event.params.clause, clauseIds),
      );
    return {
      ...def,
      file,
      family,
      order: like?.order ?? rules.length,
      line: overlay.locate(path).line,
      eventTypes: ruleEventTypes(def),
    };
  };
  version.changes.forEach((change, i) => {
    if ('parameter' in change) {
      const p = parameters.find((x) => x.name === change.parameter);
      if (!p)
        at(
          ['changes', i, 'parameter'],
          `unknown parameter "${change.parameter}"`,
          didYouMean(
            change.parameter,
            parameters.map((x) => x.name),
          ),
        );
      else if (change.value < p.minimum) at(['changes', i, 'value'], `${p.name} is at least ${p.minimum}`);
      else p.value = change.value;
    } else if ('removeRule' in change) {
      const gone = rules.find((r) => r.name === change.removeRule);
      if (!gone)
        at(['changes', i, 'removeRule'], `unknown rule "${change.removeRule}"`, didYouMean(change.removeRule, names()));
      else removed.push({ rule: gone.name, clause: gone.event.params.clause });
      rules = rules.filter((r) => r.name !== change.removeRule);
    } else if ('replaceRule' in change) {
      const old = rules.find((r) => r.name === change.replaceRule.name);
      if (!old)
        at(
          ['changes', i, 'replaceRule', 'name'],
          `unknown rule "${change.replaceRule.name}"`,
          didYouMean(change.replaceRule.name, names()),
        );
      else
        rules = rules.map((r) =>
          r === old ? newRule(change.replaceRule, old.family, ['changes', i, 'replaceRule'], old) : r,
        );
    } else {
      if (names().includes(change.addRule.name))
        at(
          ['changes', i, 'addRule', 'name'],
          `rule "${change.addRule.name}" already exists`,
          'use replaceRule to change it',
        );
      rules = [...rules, newRule(change.addRule, change.family, ['changes', i, 'addRule'])];
    }
  });
  if (issues.length > 0) throw new InputError(issues);
  const ordered = rules.map((r, order) => ({ ...r, order }));
  const present = new Set(names());
  const inherited = base.plan
    ? [...base.plan.inherited, { version: base.plan.version, changes: base.plan.changes }]
    : [];
  return {
    ...base,
    settings: { ...base.settings, parameters },
    rules: ordered,
    ambiguities: base.ambiguities.filter((a) => a.rules.every((n) => present.has(n))),
    plan: {
      version: version.version,
      title: version.title,
      published: version.published,
      buildsOn: version['builds-on'] ?? null,
      unpublished: version.unpublished ?? null,
      sources: version.sources,
      changes: version.changes,
      inherited,
      removed: removed.filter((r) => !present.has(r.rule)),
    },
  };
}
