// Loading a rule set from a directory (the edge); the parsing and validation are in ruleSet.ts.
// Rule files are untrusted: only the directory's own top-level *.json files (and versions/*.json) are read, never a
// file a symbolic link leads to outside it, and each is size-checked and decoded before anything parses it.
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeText } from '../files/read.js';
import { InputError, usageIssue, type InputIssue } from '../issues/issue.js';
import { didYouMean, listOf } from '../plan/suggest.js';
import { applyPlanVersion, type OverlayText } from './versions.js';
import { parseRuleSet, type RuleFile, type RuleSet } from './ruleSet.js';
import { fromValidated, readValidated } from './validated.js';

export { DATA_FILES, parseRuleSet, type LoadedRule, type RuleFile, type RuleSet } from './ruleSet.js';

export const DEFAULT_RULES_DIR = fileURLToPath(new URL('../../rules', import.meta.url));
export const MAX_RULE_FILE_BYTES = 1_000_000;
/** All of a rule set's files together (the bundled set is about 40 kB). */
export const MAX_RULE_SET_BYTES = 8_000_000;

/** Reads a rule directory (the edge); only its top-level *.json files are read, nothing else is touched. */
export function loadRuleSet(dir: string = DEFAULT_RULES_DIR): RuleSet {
  const files = readRuleFiles(dir);
  // the bundled rules as the build validated them, while their files are unchanged: a start-up without zod's pass
  const validated = dir === DEFAULT_RULES_DIR ? readValidated() : undefined;
  return (validated !== undefined && fromValidated(dir, files, validated)) || parseRuleSet(dir, files);
}

function notADirectory(dir: string): never {
  throw new InputError([
    {
      code: 'not-found',
      file: dir,
      line: 0,
      column: 0,
      path: '',
      message: 'not a readable rule directory',
      hint: 'pass --rules DIR with clauses.json, settings.json, gazetteer.json and rule files',
    },
  ]);
}

function realDir(dir: string): string {
  try {
    if (!statSync(dir).isDirectory()) notADirectory(dir);
    return realpathSync(dir);
  } catch {
    notADirectory(dir);
  }
}

/**
 * One file of a rule directory whose real path is `root`: its text, or the issue that says why it is not read.
 * `undefined` when it is not a regular file (a directory named x.json, a FIFO): such entries are skipped, as before.
 */
function readRuleFile(
  root: string,
  path: string,
  budget: { left: number },
): { text: string } | { issue: InputIssue } | undefined {
  const issue = (code: string, message: string, hint?: string, line = 0): { issue: InputIssue } => ({
    issue: { code, file: path, line, column: line ? 1 : 0, path: '', message, ...(hint ? { hint } : {}) },
  });
  try {
    // where the name really leads, through links in the name itself or in a directory on the way (versions/)
    const target = realpathSync(path);
    if (!target.startsWith(root.endsWith(sep) ? root : root + sep)) {
      const what = lstatSync(path).isSymbolicLink()
        ? 'a symbolic link to a file outside the rule directory'
        : 'outside the rule directory (through a linked directory)';
      return issue(
        'outside',
        `${what}: not read`,
        'rule files are read only from inside the rule directory; copy the file in instead of linking to it',
      );
    }
    const stat = statSync(path);
    if (!stat.isFile()) return undefined;
    if (stat.size > MAX_RULE_FILE_BYTES)
      return issue(
        'too-large',
        `larger than ${MAX_RULE_FILE_BYTES} bytes`,
        'rule files are small; split it or check it is the right file',
        1,
      );
    if (stat.size > budget.left)
      return issue(
        'too-large',
        `the rule set's files together are larger than ${MAX_RULE_SET_BYTES} bytes`,
        'a rule set is a few dozen small files; check it is the right directory',
        1,
      );
    const bytes = readFileSync(path);
    budget.left -= bytes.length;
    return decodeText(path, bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ELOOP'
        ? 'a symbolic link that points back to itself (a loop)'
        : code === 'ENOENT'
          ? 'a symbolic link to nothing'
          : code === 'EACCES' || code === 'EPERM'
            ? 'permission denied'
            : (code ?? 'unknown error');
    return issue('unreadable', `cannot be read: ${why}`);
  }
}

/** The texts of a rule directory's top-level *.json files, size-checked; what parseRuleSet takes. */
export function readRuleFiles(dir: string): RuleFile[] {
  const root = realDir(dir);
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort();
  } catch {
    notADirectory(dir);
  }
  const files: RuleFile[] = [];
  const issues: InputIssue[] = [];
  const budget = { left: MAX_RULE_SET_BYTES };
  for (const name of names) {
    const read = readRuleFile(root, join(dir, name), budget);
    if (read === undefined) continue;
    if ('issue' in read) issues.push(read.issue);
    else files.push({ name, text: read.text });
  }
  if (issues.length > 0) throw new InputError(issues);
  return files;
}

/** The plan versions a rule directory offers (rules/versions/NAME.json). */
export function planVersions(dir: string = DEFAULT_RULES_DIR): string[] {
  const versions = join(dir, 'versions');
  try {
    return readdirSync(versions)
      .filter((n) => n.endsWith('.json'))
      .map((n) => n.slice(0, -5))
      .sort();
  } catch {
    return [];
  }
}

/**
 * A rule set under a plan version: the base rules (us-28) with the
 * version's overlay applied; the base rules when none is named.
 */
export function loadPlannedRuleSet(dir: string = DEFAULT_RULES_DIR, plan?: string): RuleSet {
  const base = loadRuleSet(dir);
  if (plan === undefined) return base;
  const available = planVersions(dir);
  const name = plan;
  if (!available.includes(name)) {
    const hint =
      didYouMean(name, available) ??
      (available.length ? `the versions are ${listOf(available)}` : `${join(dir, 'versions')} holds no versions`);
    throw new InputError([usageIssue(`unknown plan version "${name}"`, hint)]);
  }
  const root = realDir(dir);
  const budget = { left: MAX_RULE_SET_BYTES };
  const overlay = (version: string): OverlayText => {
    const file = join(dir, 'versions', `${version}.json`);
    const read = readRuleFile(root, file, budget);
    if (read === undefined)
      throw new InputError([{ code: 'not-a-file', file, line: 0, column: 0, path: '', message: 'not a regular file' }]);
    if ('issue' in read) throw new InputError([read.issue]);
    return { file, text: read.text };
  };
  const { file, text } = overlay(name);
  return applyPlanVersion(base, file, text, {
    names: available,
    read: (v) => (available.includes(v) ? overlay(v) : undefined),
  });
}
