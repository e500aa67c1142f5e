// Loading a scenario: YAML or JSON text → a validated Scenario with the line of every event and expectation.
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { parseText, type ParsedText } from '../input/document.js';
import { InputError, type InputIssue } from '../input/issues.js';
import { zodToIssues } from '../input/zodIssues.js';
import type { RuleSet } from '../rules/load.js';
import { scenarioSchema, type Scenario, type SettingsVocabulary } from './schema.js';

export const MAX_SCENARIO_BYTES = 64 * 1024 * 1024;

export interface LoadedScenario {
  file: string;
  scenario: Scenario;
  /** 1-based line of each event and expectation in the file (0 when built in memory). */
  eventLines: number[];
  expectLines: number[];
}

export function settingsVocabulary(ruleSet: RuleSet): SettingsVocabulary {
  return {
    interpretations: Object.fromEntries(ruleSet.settings.interpretations.map((i) => [i.name, i.readings.map((r) => r.value)])),
    parameters: Object.fromEntries(ruleSet.settings.parameters.map((p) => [p.name, { minimum: p.minimum }])),
  };
}

function validate(file: string, parsed: ParsedText, ruleSet: RuleSet): LoadedScenario {
  const schema = scenarioSchema(settingsVocabulary(ruleSet));
  const result = schema.safeParse(parsed.value);
  if (!result.success) throw new InputError(zodToIssues(result.error, schema, parsed, file));
  const scenario = result.data;
  return {
    file,
    scenario,
    eventLines: scenario.events.map((_, i) => parsed.locate(['events', i]).line),
    expectLines: (scenario.expect ?? []).map((_, i) => parsed.locate(['expect', i]).line),
  };
}

/** Parses scenario text; JSON when the name ends in .json, YAML otherwise. Throws InputError with every problem. */
export function parseScenario(file: string, text: string, ruleSet: RuleSet): LoadedScenario {
  const result = parseText(file, text, extname(file).toLowerCase() === '.json');
  if (!result.ok) throw new InputError(result.issues);
  return validate(file, result.parsed, ruleSet);
}

/** Validates a scenario built in code (no positions to report). */
export function checkScenario(value: unknown, ruleSet: RuleSet, file = '<scenario>'): LoadedScenario {
  return validate(file, { value, locate: () => ({ line: 0, column: 0 }) }, ruleSet);
}

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
