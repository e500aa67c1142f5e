// The engine in the browser: the rule files and bundled scenarios
// are built in; parse, validate and run with casus's own modules.
import { InputError, type InputIssue } from '../../src/issues/issue.js';
import { MAX_SCENARIO_BYTES, tooLargeMessage, utf8Bytes } from '../../src/files/sizes.js';
import { parseRuleSet, type RuleFile, type RuleSet } from '../../src/rules/ruleSet.js';
import { applyPlanVersion } from '../../src/rules/versions.js';
import { runScenario } from '../../src/run/runner.js';
import type { Trace } from '../../src/run/trace.js';
import { parseScenario, type LoadedScenario } from '../../src/scenario/parse.js';
import { PLANS, type PlanVersion } from './plans.js';

const fileName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const named = (texts: Record<string, string>): RuleFile[] =>
  Object.entries(texts).map(([path, text]) => ({ name: fileName(path), text }));

/** The bundled rules/ (top level only, as the CLI reads them). */
const BUNDLED_RULES: RuleFile[] = named(
  import.meta.glob<string>('../../rules/*.json', { query: '?raw', import: 'default', eager: true }),
);

interface BundledScenario {
  name: string;
  file: string;
  text: string;
}

export const BUNDLED_SCENARIOS: BundledScenario[] = Object.entries(
  import.meta.glob<string>('../../scenarios/*.{yaml,yml,json}', { query: '?raw', import: 'default', eager: true }),
)
  .map(([path, text]) => ({
    name: fileName(path).replace(/\.(ya?ml|json)$/, ''),
    file: `scenarios/${fileName(path)}`,
    text,
  }))
  .sort((a, b) => (a.name < b.name ? -1 : 1));

const ruleSets = new Map<string, RuleSet>();

/** The rule set of a plan version over the given rule files (the bundled ones unless casus serve was given --rules). */
export function ruleSetFor(plan: PlanVersion, files: readonly RuleFile[] = BUNDLED_RULES, dir = 'rules'): RuleSet {
  const key = `${dir}\u0000${plan.id}`;
  let ruleSet = ruleSets.get(key);
  if (!ruleSet) {
    const base = parseRuleSet(dir, files);
    const source = { names: PLANS.map((p) => p.id), read: (id: string) => PLANS.find((p) => p.id === id)?.overlay };
    ruleSet = plan.overlay ? applyPlanVersion(base, plan.overlay.file, plan.overlay.text, source) : base;
    ruleSets.set(key, ruleSet);
  }
  return ruleSet;
}

type Parsed = { ok: true; loaded: LoadedScenario } | { ok: false; issues: InputIssue[] };
type Ran = { ok: true; trace: Trace } | { ok: false; issues: InputIssue[] };

const internal = (file: string, error: unknown): InputIssue[] => [
  { code: 'internal', file, line: 0, column: 0, path: '', message: `internal error: ${(error as Error).message}` },
];

export function parse(file: string, text: string, ruleSet: RuleSet): Parsed {
  // an edit is held to the size the CLI reads from a file
  const bytes = utf8Bytes(text);
  if (bytes > MAX_SCENARIO_BYTES)
    return {
      ok: false,
      issues: [
        {
          code: 'too-large',
          file,
          line: 1,
          column: 1,
          path: '',
          message: tooLargeMessage(bytes),
          hint: 'split the timeline into several scenarios',
        },
      ],
    };
  try {
    return { ok: true, loaded: parseScenario(file, text, ruleSet) };
  } catch (error) {
    return { ok: false, issues: error instanceof InputError ? error.issues : internal(file, error) };
  }
}

export async function run(loaded: LoadedScenario, ruleSet: RuleSet, set: Record<string, string>): Promise<Ran> {
  try {
    return { ok: true, trace: await runScenario(loaded, ruleSet, { set }) };
  } catch (error) {
    return { ok: false, issues: error instanceof InputError ? error.issues : internal(loaded.file, error) };
  }
}
