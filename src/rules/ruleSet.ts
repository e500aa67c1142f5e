// A rule set from file texts: every file validated before the engine
// sees it; all problems reported at once. Pure: no file system.
import type { z } from 'zod';
import { parseText, type ParsedText } from '../input/document.js';
import { InputError, pathText, type InputIssue } from '../issues/issue.js';
import { MACHINE_PARAMETERS } from '../machine/parameters.js';
import { joinPath } from '../files/paths.js';
import { zodToIssues } from '../issues/zod.js';
import { didYouMean } from '../plan/suggest.js';
import { factCatalogue, type FactSpec } from './facts.js';
import {
  Ambiguities,
  ClauseCatalogue,
  Gazetteer,
  RuleFamily,
  Settings,
  type PlanChange,
  type PlanVersion,
  type RuleDef,
} from './schema.js';
import { checkRule, ruleEventTypes } from './validate.js';

export const DATA_FILES = ['clauses.json', 'settings.json', 'gazetteer.json', 'ambiguities.json'] as const;

export type LoadedRule = RuleDef & { file: string; family: string; order: number; line: number; eventTypes: string[] };

/** What a run was evaluated under: the base plan, or a version and its changes. */
export interface PlanInfo {
  version: string;
  title: string;
  published: string;
  /** the version it builds on (null: the base rule files) */
  buildsOn: string | null;
  unpublished: string | null;
  sources: PlanVersion['sources'];
  /** this version's own changes, from the version it builds on */
  changes: PlanChange[];
  /** the changes of the versions it builds on, oldest first: with `changes`, everything that differs from the base */
  inherited: Array<{ version: string; changes: PlanChange[] }>;
  /** rules the version (or one it builds on) removes, with the clause each encoded */
  removed: Array<{ rule: string; clause: string }>;
}

export interface RuleSet {
  dir: string;
  clauses: ClauseCatalogue;
  settings: Settings;
  gazetteer: Gazetteer;
  rules: LoadedRule[];
  facts: Map<string, FactSpec>;
  /** overlaps acknowledged in ambiguities.json (optional file) */
  ambiguities: Ambiguities['ambiguities'];
  /** the plan version applied (rules/versions/NAME.json), if any */
  plan?: PlanInfo;
}

/**
 * The rules that can fire on an event of `type`: those whose leading type condition admits it, and those without one.
 */
export function rulesFor(ruleSet: Pick<RuleSet, 'rules'>, type: string): LoadedRule[] {
  return ruleSet.rules.filter((r) => r.eventTypes.length === 0 || r.eventTypes.includes(type));
}

export interface RuleFile {
  name: string;
  text: string;
}

type Checked<T> = { value: T; parsed: ParsedText } | undefined;

function parseFile<T>(file: string, text: string, schema: z.ZodType<T>, issues: InputIssue[]): Checked<T> {
  const result = parseText(file, text, true);
  if (!result.ok) {
    issues.push(...result.issues);
    return undefined;
  }
  const checked = schema.safeParse(result.parsed.value, { jitless: true });
  if (!checked.success) {
    issues.push(...zodToIssues(checked.error, schema, result.parsed, file));
    return undefined;
  }
  return { value: checked.data, parsed: result.parsed };
}

/** Builds a rule set from file texts (pure: the directory is only used to name files). */
export function parseRuleSet(dir: string, files: readonly RuleFile[]): RuleSet {
  const issues: InputIssue[] = [];
  const named = (name: string) => joinPath(dir, name);
  const text = (name: string) => files.find((f) => f.name === name)?.text;
  const data = <T>(name: string, schema: z.ZodType<T>): Checked<T> => {
    const t = text(name);
    if (t === undefined) {
      issues.push({
        code: 'missing-file',
        file: named(name),
        line: 0,
        column: 0,
        path: '',
        message: 'missing: a rule set needs clauses.json, settings.json and gazetteer.json',
        hint: 'copy the bundled rules/ directory and edit it',
      });
      return undefined;
    }
    return parseFile(named(name), t, schema, issues);
  };
  const clauses = data('clauses.json', ClauseCatalogue);
  const settings = data('settings.json', Settings);
  const gazetteer = data('gazetteer.json', Gazetteer);
  const ambiguities = text('ambiguities.json') === undefined ? undefined : data('ambiguities.json', Ambiguities);
  if (!clauses || !settings || !gazetteer) throw new InputError(issues);

  const at = (file: string, parsed: ParsedText, path: PropertyKey[], message: string, hint?: string): InputIssue => {
    const { line, column } = parsed.locate(path);
    return { code: 'invalid-rule', file, line, column, path: pathText(path), message, ...(hint ? { hint } : {}) };
  };

  const paramNames = settings.value.parameters.map((p) => p.name);
  for (const name of MACHINE_PARAMETERS) {
    if (!paramNames.includes(name))
      issues.push(
        at(
          named('settings.json'),
          settings.parsed,
          ['parameters'],
          `missing parameter "${name}": the statechart needs it`,
        ),
      );
  }
  settings.value.parameters.forEach((p, i) => {
    if (p.value < p.minimum)
      issues.push(
        at(
          named('settings.json'),
          settings.parsed,
          ['parameters', i, 'value'],
          `${p.name} is ${p.value}, below its minimum ${p.minimum}`,
        ),
      );
  });
  const clauseIds = clauses.value.clauses.map((c) => c.id);
  const facts = factCatalogue(settings.value);
  const places = gazetteer.value.places.map((p) => p.name);

  const rules: LoadedRule[] = [];
  const fileOf = new Map<string, string>();
  let unreadable = false;
  const familyFiles = files
    .filter((f) => f.name.endsWith('.json') && !(DATA_FILES as readonly string[]).includes(f.name))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  if (familyFiles.length === 0)
    issues.push({
      code: 'missing-file',
      file: dir,
      line: 0,
      column: 0,
      path: '',
      message: 'no rule files (*.json besides clauses, settings and gazetteer)',
    });
  for (const f of familyFiles) {
    const file = named(f.name);
    const family = parseFile(file, f.text, RuleFamily, issues);
    if (!family) {
      unreadable = true;
      continue;
    }
    family.value.rules.forEach((rule, i) => {
      const base: PropertyKey[] = ['rules', i];
      for (const p of checkRule(rule, base, facts, places))
        issues.push(at(file, family.parsed, p.path, p.message, p.hint));
      if (!clauseIds.includes(rule.event.params.clause)) {
        issues.push(
          at(
            file,
            family.parsed,
            [...base, 'event', 'params', 'clause'],
            `unknown clause "${rule.event.params.clause}"`,
            didYouMean(rule.event.params.clause, clauseIds) ?? 'every rule cites a clause of clauses.json',
          ),
        );
      }
      const twin = rules.find((r) => r.name === rule.name);
      if (twin)
        issues.push(
          at(
            file,
            family.parsed,
            [...base, 'name'],
            `rule name "${rule.name}" is already used in ${fileOf.get(twin.name)}`,
          ),
        );
      const line = family.parsed.locate(base).line;
      if (!twin) fileOf.set(rule.name, f.name);
      rules.push({
        ...rule,
        file,
        family: family.value.family,
        order: rules.length,
        line,
        eventTypes: ruleEventTypes(rule),
      });
    });
  }
  // a rule file that could not be read hides its rule names, and its own issues already say why
  if (!unreadable)
    ambiguities?.value.ambiguities.forEach((a, i) => {
      a.rules.forEach((name, j) => {
        if (!rules.some((r) => r.name === name))
          issues.push(
            at(
              named('ambiguities.json'),
              ambiguities.parsed,
              ['ambiguities', i, 'rules', j],
              `unknown rule "${name}"`,
              didYouMean(
                name,
                rules.map((r) => r.name),
              ),
            ),
          );
      });
    });
  if (issues.length > 0) throw new InputError(issues);
  return {
    dir,
    clauses: clauses.value,
    settings: settings.value,
    gazetteer: gazetteer.value,
    rules,
    facts,
    ambiguities: ambiguities?.value.ambiguities ?? [],
  };
}
