// A scenario from text: YAML or JSON → a validated Scenario with
// the line of every event and expectation. Pure: no file system.
import { parseText, type ParsedText } from '../input/document.js';
import { InputError } from '../issues/issue.js';
import { extName } from '../files/paths.js';
import { zodToIssues } from '../issues/zod.js';
import type { RuleSet } from '../rules/ruleSet.js';
import { eventIdIssues } from './ids.js';
import { findPlace } from '../rules/places.js';
import { scenarioSchema, type Scenario, type SettingsVocabulary } from './schema.js';

export interface LoadedScenario {
  file: string;
  scenario: Scenario;
  /** 1-based line of each event and expectation in the file (0 when built in memory). */
  eventLines: number[];
  expectLines: number[];
  /** facts the scenario leaves open, stated for this run by --assume (EVENT-ID.FIELD → value) */
  assumed?: Record<string, boolean>;
}

export function settingsVocabulary(ruleSet: RuleSet): SettingsVocabulary {
  return {
    interpretations: Object.fromEntries(
      ruleSet.settings.interpretations.map((i) => [i.name, i.readings.map((r) => r.value)]),
    ),
    parameters: Object.fromEntries(ruleSet.settings.parameters.map((p) => [p.name, { minimum: p.minimum }])),
    renamed: Object.fromEntries(
      ruleSet.settings.interpretations.flatMap((i) => (i.replaces ?? []).map((old) => [old, i.name])),
    ),
    natoMembers: ruleSet.gazetteer.natoMembers.members,
    placeTerritory: (place) => findPlace(ruleSet.gazetteer, place)?.territory,
  };
}

/** zod compiles a schema to code on first use: worth it for a long timeline, not for a start-up on a short one. */
const isLong = (value: unknown) =>
  typeof value === 'object' && value !== null && ((value as { events?: unknown[] }).events?.length ?? 0) > 500;

function validate(file: string, parsed: ParsedText, ruleSet: RuleSet): LoadedScenario {
  const schema = scenarioSchema(settingsVocabulary(ruleSet));
  const result = schema.safeParse(parsed.value, { jitless: !isLong(parsed.value) });
  if (!result.success) throw new InputError(zodToIssues(result.error, schema, parsed, file));
  const scenario = result.data;
  const eventLines = scenario.events.map((_, i) => parsed.locate(['events', i]).line);
  const ids = eventIdIssues(file, scenario, eventLines, parsed);
  if (ids.length) throw new InputError(ids);
  return {
    file,
    scenario,
    eventLines,
    expectLines: (scenario.expect ?? []).map((_, i) => parsed.locate(['expect', i]).line),
  };
}

/** Parses scenario text; JSON when the name ends in .json, YAML otherwise. Throws InputError with every problem. */
export function parseScenario(file: string, text: string, ruleSet: RuleSet): LoadedScenario {
  const result = parseText(file, text, extName(file).toLowerCase() === '.json');
  if (!result.ok) throw new InputError(result.issues);
  return validate(file, result.parsed, ruleSet);
}

/** Validates a scenario built in code (no positions to report). */
export function checkScenario(value: unknown, ruleSet: RuleSet, file = '<scenario>'): LoadedScenario {
  return validate(file, { value, locate: () => ({ line: 0, column: 0 }) }, ruleSet);
}
