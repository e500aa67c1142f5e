// Loading law files (laws/*.json): validated like rule files, with line numbers and a did-you-mean for unknown facts.
import { fileURLToPath } from 'node:url';
import { parseText } from '../input/document.js';
import { InputError, pathText, type InputIssue } from '../issues/issue.js';
import { joinPath } from '../files/paths.js';
import { zodToIssues } from '../issues/zod.js';
import { readRuleFiles, type RuleFile, type RuleSet } from '../rules/load.js';
import { checkCondition } from '../rules/validate.js';
import { lawFacts } from './facts.js';
import { LawFile, type Law } from './schema.js';

export const DEFAULT_LAWS_DIR = fileURLToPath(new URL('../../laws', import.meta.url));

export type LoadedLaw = Law & { file: string; line: number };

/** Laws from file texts (pure: the directory only names the files); every problem in every file reported at once. */
export function parseLaws(dir: string, files: readonly RuleFile[], ruleSet: RuleSet): LoadedLaw[] {
  const issues: InputIssue[] = [];
  const facts = lawFacts(ruleSet);
  const places = ruleSet.gazetteer.places.map((p) => p.name);
  const laws: LoadedLaw[] = [];
  if (files.length === 0)
    issues.push({
      code: 'missing-file',
      file: dir,
      line: 0,
      column: 0,
      path: '',
      message: 'no law files (*.json)',
      hint: 'a law file is { "laws": [ { "name", "description", "points", "when", "then" } ] }',
    });
  for (const f of files) {
    const file = joinPath(dir, f.name);
    const result = parseText(file, f.text, true);
    if (!result.ok) {
      issues.push(...result.issues);
      continue;
    }
    const checked = LawFile.safeParse(result.parsed.value);
    if (!checked.success) {
      issues.push(...zodToIssues(checked.error, LawFile, result.parsed, file));
      continue;
    }
    checked.data.laws.forEach((law, i) => {
      const at = (path: PropertyKey[], message: string, hint?: string): InputIssue => {
        const { line, column } = result.parsed.locate(path);
        return { code: 'invalid-law', file, line, column, path: pathText(path), message, ...(hint ? { hint } : {}) };
      };
      for (const part of ['when', 'then'] as const) {
        for (const p of checkCondition(law[part], ['laws', i, part], facts, places))
          issues.push(at(p.path, p.message, p.hint));
      }
      const twin = laws.find((l) => l.name === law.name);
      if (twin) issues.push(at(['laws', i, 'name'], `law name "${law.name}" is already used in ${twin.file}`));
      laws.push({ ...law, file, line: result.parsed.locate(['laws', i]).line });
    });
  }
  if (issues.length > 0) throw new InputError(issues);
  return laws;
}

/** Reads a law directory (the edge): its top-level *.json files, with the rule loader's size and link checks. */
export function loadLaws(ruleSet: RuleSet, dir: string = DEFAULT_LAWS_DIR): LoadedLaw[] {
  let files: RuleFile[];
  try {
    files = readRuleFiles(dir);
  } catch (error) {
    if (error instanceof InputError && error.issues.some((i) => i.code === 'not-found')) {
      throw new InputError([
        {
          code: 'not-found',
          file: dir,
          line: 0,
          column: 0,
          path: '',
          message: 'not a readable law directory',
          hint: 'pass --laws DIR, a directory of law files (*.json)',
        },
      ]);
    }
    throw error;
  }
  return parseLaws(dir, files, ruleSet);
}
