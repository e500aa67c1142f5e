// Loading a rule set from a directory (the edge); the parsing and validation are in ruleSet.ts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, usageIssue, type InputIssue } from '../input/issues.js';
import { didYouMean, listOf } from '../plan/suggest.js';
import { applyPlanVersion } from './versions.js';
import { parseRuleSet, type RuleFile, type RuleSet } from './ruleSet.js';

export { DATA_FILES, parseRuleSet, type LoadedRule, type RuleFile, type RuleSet } from './ruleSet.js';

export const DEFAULT_RULES_DIR = fileURLToPath(new URL('../../rules', import.meta.url));
const MAX_RULE_FILE_BYTES = 1_000_000;

/** Reads a rule directory (the edge); only its top-level *.json files are read, nothing else is touched. */
export function loadRuleSet(dir: string = DEFAULT_RULES_DIR): RuleSet {
  return parseRuleSet(dir, readRuleFiles(dir));
}

/** The texts of a rule directory's top-level *.json files, size-checked; what parseRuleSet takes. */
export function readRuleFiles(dir: string): RuleFile[] {
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
  return files;
}

/** The plan versions a rule directory offers (rules/versions/NAME.json). */
export function planVersions(dir: string = DEFAULT_RULES_DIR): string[] {
  const versions = join(dir, 'versions');
  try {
    return readdirSync(versions).filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5)).sort();
  } catch {
    return [];
  }
}

/** A rule set under a plan version: the base rules (us-28) with the version's overlay applied; the base rules when none is named. */
export function loadPlannedRuleSet(dir: string = DEFAULT_RULES_DIR, plan?: string): RuleSet {
  const base = loadRuleSet(dir);
  if (plan === undefined) return base;
  const available = planVersions(dir);
  const name = plan;
  if (!available.includes(name)) {
    const hint = didYouMean(name, available) ?? (available.length ? `the versions are ${listOf(available)}` : `${join(dir, 'versions')} holds no versions`);
    throw new InputError([usageIssue(`unknown plan version "${name}"`, hint)]);
  }
  const file = join(dir, 'versions', `${name}.json`);
  return applyPlanVersion(base, file, readFileSync(file, 'utf8'));
}
