// The bundled rule set as the build validated it: start-up skips the validation while every file reads the same.
import { readFileSync } from 'node:fs';
import type { FactSpec } from './facts.js';
import type { RuleFile, RuleSet } from './ruleSet.js';

/** Written by the build beside the compiled modules (dist/rules.validated.json); absent when running from source. */
export const VALIDATED_FILE = new URL('../rules.validated.json', import.meta.url);

interface Validated {
  dir: string;
  files: RuleFile[];
  ruleSet: Omit<RuleSet, 'facts'> & { facts: Array<[string, FactSpec]> };
}

/** What the build writes for a rule set it has just parsed from `files`. */
export function validatedText(files: readonly RuleFile[], ruleSet: RuleSet): string {
  const validated: Validated = {
    dir: ruleSet.dir,
    files: [...files],
    ruleSet: { ...ruleSet, facts: [...ruleSet.facts] },
  };
  return JSON.stringify(validated);
}

/** The rule set the build validated, if it was read from the same directory and every file's text is the same. */
export function fromValidated(dir: string, files: readonly RuleFile[], text: string): RuleSet | undefined {
  let validated: Validated;
  try {
    validated = JSON.parse(text) as Validated;
  } catch {
    return undefined;
  }
  const same =
    validated.dir === dir &&
    validated.files.length === files.length &&
    files.every((f, i) => validated.files[i]!.name === f.name && validated.files[i]!.text === f.text);
  return same ? { ...validated.ruleSet, facts: new Map(validated.ruleSet.facts) } : undefined;
}

/** The build's file, or undefined when there is none (running from source, or a build without it). */
export function readValidated(): string | undefined {
  try {
    return readFileSync(VALIDATED_FILE, 'utf8');
  } catch {
    return undefined;
  }
}
