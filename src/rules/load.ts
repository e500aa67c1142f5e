// Loading a rule set: every file validated before the engine sees it; all problems reported at once.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { parseText, type ParsedText } from '../input/document.js';
import { InputError, pathText, type InputIssue } from '../input/issues.js';
import { zodToIssues } from '../input/zodIssues.js';
import { didYouMean } from '../plan/suggest.js';
import { factCatalogue, type FactSpec } from './facts.js';
import { ClauseCatalogue, Gazetteer, RuleFamily, Settings, type RuleDef } from './schema.js';
import { checkRule, ruleEventTypes } from './validate.js';

export const DEFAULT_RULES_DIR = fileURLToPath(new URL('../../rules', import.meta.url));
export const DATA_FILES = ['clauses.json', 'settings.json', 'gazetteer.json'] as const;
const MAX_RULE_FILE_BYTES = 1_000_000;
/** Parameters the statechart reads (term and deadlines); a rule set must define them. */
const MACHINE_PARAMETERS = ['term-years', 'extension-years', 'election-deadline-days'];

export type LoadedRule = RuleDef & { file: string; family: string; order: number; line: number; eventTypes: string[] };

export interface RuleSet {
  dir: string;
  clauses: ClauseCatalogue;
  settings: Settings;
  gazetteer: Gazetteer;
  rules: LoadedRule[];
  facts: Map<string, FactSpec>;
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
  const checked = schema.safeParse(result.parsed.value);
  if (!checked.success) {
    issues.push(...zodToIssues(checked.error, schema, result.parsed, file));
    return undefined;
  }
  return { value: checked.data, parsed: result.parsed };
}

/** Builds a rule set from file texts (pure: the directory is only used to name files). */
export function parseRuleSet(dir: string, files: readonly RuleFile[]): RuleSet {
  const issues: InputIssue[] = [];
  const named = (name: string) => join(dir, name);
  const text = (name: string) => files.find((f) => f.name === name)?.text;
  const data = <T>(name: string, schema: z.ZodType<T>): Checked<T> => {
    const t = text(name);
    if (t === undefined) {
      issues.push({ code: 'missing-file', file: named(name), line: 0, column: 0, path: '', message: 'missing: a rule set needs clauses.json, settings.json and gazetteer.json', hint: 'copy the bundled rules/ directory and edit it' });
      return undefined;
    }
    return parseFile(named(name), t, schema, issues);
  };
  const clauses = data('clauses.json', ClauseCatalogue);
  const settings = data('settings.json', Settings);
  const gazetteer = data('gazetteer.json', Gazetteer);
  if (!clauses || !settings || !gazetteer) throw new InputError(issues);

  const at = (file: string, parsed: ParsedText, path: PropertyKey[], message: string, hint?: string): InputIssue => {
    const { line, column } = parsed.locate(path);
    return { code: 'invalid-rule', file, line, column, path: pathText(path), message, ...(hint ? { hint } : {}) };
  };

  const paramNames = settings.value.parameters.map((p) => p.name);
  for (const name of MACHINE_PARAMETERS) {
    if (!paramNames.includes(name)) issues.push(at(named('settings.json'), settings.parsed, ['parameters'], `missing parameter "${name}": the statechart needs it`));
  }
  settings.value.parameters.forEach((p, i) => {
    if (p.value < p.minimum) issues.push(at(named('settings.json'), settings.parsed, ['parameters', i, 'value'], `${p.name} is ${p.value}, below its minimum ${p.minimum}`));
  });
  const clauseIds = clauses.value.clauses.map((c) => c.id);
  const facts = factCatalogue(settings.value);
  const places = gazetteer.value.places.map((p) => p.name);

  const rules: LoadedRule[] = [];
  const familyFiles = files.filter((f) => f.name.endsWith('.json') && !(DATA_FILES as readonly string[]).includes(f.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
  if (familyFiles.length === 0) issues.push({ code: 'missing-file', file: dir, line: 0, column: 0, path: '', message: 'no rule files (*.json besides clauses, settings and gazetteer)' });
  for (const f of familyFiles) {
    const file = named(f.name);
    const family = parseFile(file, f.text, RuleFamily, issues);
    if (!family) continue;
    family.value.rules.forEach((rule, i) => {
      const base: PropertyKey[] = ['rules', i];
      for (const p of checkRule(rule, base, facts, places)) issues.push(at(file, family.parsed, p.path, p.message, p.hint));
      if (!clauseIds.includes(rule.event.params.clause)) {
        issues.push(at(file, family.parsed, [...base, 'event', 'params', 'clause'], `unknown clause "${rule.event.params.clause}"`, didYouMean(rule.event.params.clause, clauseIds) ?? 'every rule cites a clause of clauses.json'));
      }
      const twin = rules.find((r) => r.name === rule.name);
      if (twin) issues.push(at(file, family.parsed, [...base, 'name'], `rule name "${rule.name}" is already used in ${relative(dir, twin.file)}`));
      const line = family.parsed.locate(base).line;
      rules.push({ ...rule, file, family: family.value.family, order: rules.length, line, eventTypes: ruleEventTypes(rule) });
    });
  }
  if (issues.length > 0) throw new InputError(issues);
  return { dir, clauses: clauses.value, settings: settings.value, gazetteer: gazetteer.value, rules, facts };
}

/** Reads a rule directory (the edge); only its top-level *.json files are read, nothing else is touched. */
export function loadRuleSet(dir: string = DEFAULT_RULES_DIR): RuleSet {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
    names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    throw new InputError([{ code: 'not-found', file: dir, line: 0, column: 0, path: '', message: 'not a readable rule directory', hint: 'pass --rules DIR with clauses.json, settings.json, gazetteer.json and rule files' }]);
  }
  const files: RuleFile[] = [];
  const issues: InputIssue[] = [];
  for (const name of names) {
    const path = join(dir, name);
    if (!statSync(path).isFile()) continue;
    if (statSync(path).size > MAX_RULE_FILE_BYTES) {
      issues.push({ code: 'too-large', file: path, line: 0, column: 0, path: '', message: `larger than ${MAX_RULE_FILE_BYTES} bytes`, hint: 'rule files are small; split it or check it is the right file' });
      continue;
    }
    files.push({ name, text: readFileSync(path, 'utf8') });
  }
  if (issues.length > 0) throw new InputError(issues);
  return parseRuleSet(dir, files);
}
