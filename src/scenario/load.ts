// Loading a scenario file (the edge): size, type and encoding checks, then the pure parser in parse.ts.
import { basename, extname } from 'node:path';
import { readInputText } from '../files/read.js';
import { InputError, type InputIssue } from '../issues/issue.js';
import type { RuleSet } from '../rules/load.js';
import { parseScenario, type LoadedScenario } from './parse.js';

export { checkScenario, parseScenario, settingsVocabulary, type LoadedScenario } from './parse.js';

import { MAX_SCENARIO_BYTES } from '../files/sizes.js';

export { MAX_SCENARIO_BYTES } from '../files/sizes.js';

/** Reads and parses a scenario file (the edge). */
export function loadScenario(file: string, ruleSet: RuleSet): LoadedScenario {
  const text = readInputText(file, {
    what: 'scenario',
    maxBytes: MAX_SCENARIO_BYTES,
    extensions: ['.yaml', '.yml', '.json'],
    example: 'check the path; bundled examples are in scenarios/',
    tooLarge: 'split the timeline into several scenarios',
  });
  return matchesFileName(parseScenario(file, text, ruleSet), text);
}

/** A scenario's id is its file's name (without the extension), so a report's id always finds its file. */
function matchesFileName(loaded: LoadedScenario, text: string): LoadedScenario {
  const name = basename(loaded.file, extname(loaded.file));
  const id = loaded.scenario.scenario;
  if (id === name) return loaded;
  const line = text.split(/\r?\n/).findIndex((l) => /^\s*"?scenario"?\s*:/.test(l)) + 1;
  const issue: InputIssue = {
    code: 'scenario-id',
    file: loaded.file,
    line,
    column: 1,
    path: 'scenario',
    message: `scenario: ${id} is not the file's name (${name})`,
    hint: `rename the file to ${id}${extname(loaded.file)}, or write scenario: ${name}`,
  };
  throw new InputError([issue]);
}
