// Loading a scenario file (the edge): size and type checks, then the pure parser in parse.ts.
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { InputError, type InputIssue } from '../input/issues.js';
import type { RuleSet } from '../rules/load.js';
import { parseScenario, type LoadedScenario } from './parse.js';

export { checkScenario, parseScenario, settingsVocabulary, type LoadedScenario } from './parse.js';

export const MAX_SCENARIO_BYTES = 64 * 1024 * 1024;

function fail(file: string, code: string, message: string, hint?: string): never {
  const issue: InputIssue = { code, file, line: 0, column: 0, path: '', message, ...(hint ? { hint } : {}) };
  throw new InputError([issue]);
}

/** Reads and parses a scenario file (the edge). */
export function loadScenario(file: string, ruleSet: RuleSet): LoadedScenario {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) fail(file, 'not-a-file', 'not a file', 'pass a .yaml, .yml or .json scenario file');
    size = stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    fail(file, 'not-found', 'no such file', 'check the path; bundled examples are in scenarios/');
  }
  if (size > MAX_SCENARIO_BYTES) fail(file, 'too-large', `the file is ${(size / 1048576).toFixed(1)} MB; at most ${MAX_SCENARIO_BYTES / 1048576} MB is read`, 'split the timeline into several scenarios');
  const ext = extname(file).toLowerCase();
  if (!['.yaml', '.yml', '.json'].includes(ext)) fail(file, 'unknown-format', `unknown file type "${ext || '(none)'}"`, 'scenario files end in .yaml, .yml or .json');
  return parseScenario(file, readFileSync(file, 'utf8'), ruleSet);
}
