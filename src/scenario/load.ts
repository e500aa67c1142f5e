// Loading a scenario file (the edge): size, type and encoding checks, then the pure parser in parse.ts.
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { decodeText } from '../input/decode.js';
import { InputError, type InputIssue } from '../input/issues.js';
import type { RuleSet } from '../rules/load.js';
import { parseScenario, type LoadedScenario } from './parse.js';

export { checkScenario, parseScenario, settingsVocabulary, type LoadedScenario } from './parse.js';

import { MAX_SCENARIO_BYTES } from '../input/sizes.js';

export { MAX_SCENARIO_BYTES } from '../input/sizes.js';

function fail(file: string, code: string, message: string, hint?: string, line = 0): never {
  const issue: InputIssue = { code, file, line, column: line ? 1 : 0, path: '', message, ...(hint ? { hint } : {}) };
  throw new InputError([issue]);
}

/** What a failed stat or read means, in words; the file has no lines to point at. */
function unreadable(file: string, error: unknown): never {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR')
    fail(file, 'not-found', 'no such file', 'check the path; bundled examples are in scenarios/');
  if (code === 'ELOOP')
    fail(
      file,
      'unreadable',
      'cannot be read: a symbolic link that points back to itself (a loop)',
      'pass the file the link should point to',
    );
  if (code === 'EACCES' || code === 'EPERM') fail(file, 'unreadable', 'cannot be read: permission denied');
  fail(file, 'unreadable', `cannot be read (${code ?? (error as Error).message})`);
}

/** Reads and parses a scenario file (the edge). */
export function loadScenario(file: string, ruleSet: RuleSet): LoadedScenario {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile())
      fail(
        file,
        'not-a-file',
        stat.isDirectory() ? 'a directory, not a scenario file' : 'not a regular file',
        'pass a .yaml, .yml or .json scenario file',
      );
    size = stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    unreadable(file, error);
  }
  if (size > MAX_SCENARIO_BYTES)
    fail(
      file,
      'too-large',
      `the file is ${(size / 1048576).toFixed(1)} MB (${size} bytes); at most ${MAX_SCENARIO_BYTES / 1048576} MB (${MAX_SCENARIO_BYTES} bytes) is read`,
      'split the timeline into several scenarios',
      1,
    );
  const ext = extname(file).toLowerCase();
  if (!['.yaml', '.yml', '.json'].includes(ext))
    fail(
      file,
      'unknown-format',
      `unknown file type "${ext || '(none)'}"`,
      'scenario files end in .yaml, .yml or .json',
    );
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    unreadable(file, error);
  }
  // a file that grew between the stat and the read is held to the same limit
  if (bytes.length > MAX_SCENARIO_BYTES)
    fail(
      file,
      'too-large',
      `the file is over ${MAX_SCENARIO_BYTES / 1048576} MB`,
      'split the timeline into several scenarios',
      1,
    );
  const decoded = decodeText(file, bytes);
  if ('issue' in decoded) throw new InputError([decoded.issue]);
  return matchesFileName(parseScenario(file, decoded.text, ruleSet), decoded.text);
}

/** A scenario's id is its file's name (without the extension), so a report's id always finds its file. */
function matchesFileName(loaded: LoadedScenario, text: string): LoadedScenario {
  const name = basename(loaded.file, extname(loaded.file));
  const id = loaded.scenario.scenario;
  if (id === name) return loaded;
  const line = text.split(/\r?\n/).findIndex((l) => /^\s*"?scenario"?\s*:/.test(l)) + 1;
  fail(
    loaded.file,
    'scenario-id',
    `scenario: ${id} is not the file's name (${name})`,
    `rename the file to ${id}${extname(loaded.file)}, or write scenario: ${name}`,
    line,
  );
}
