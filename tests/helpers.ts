// Shared test helpers: build scenarios in code and run them against the bundled rule set.
import { readdirSync, readFileSync } from 'node:fs';
import { runCheck, type CheckReport } from '../src/check/index.js';
import { loadRuleSet, type RuleSet } from '../src/rules/load.js';
import { runScenario } from '../src/run/runner.js';
import type { Trace } from '../src/run/trace.js';
import { checkScenario } from '../src/scenario/load.js';
import type { Io } from '../src/cli/io.js';
import { it } from 'vitest';

export const ruleSet: RuleSet = loadRuleSet();

let bundled: CheckReport | undefined;
/** casus check's report on the bundled rules and laws, made once for the test files of a worker that ask for it. */
export const bundledCheck = (): CheckReport => (bundled ??= runCheck(ruleSet));

/** Tests of huge inputs: they run under `npm run test:slow` (CI runs it beside `npm test`), not in `npm test`. */
export const slow = it.runIf(Boolean(process.env.CASUS_SLOW));

export type Ev = Record<string, unknown> & { at: string; type: string };

export const SIGN_ALL = (at: string): Ev[] =>
  ['UA', 'RU', 'US', 'EU', 'NATO'].map((party) => ({ at, type: 'signature', party }));
export const WITHDRAW_BOTH = (at: string): Ev[] =>
  ['UA', 'RU'].map((party) => ({ at, type: 'withdrawal-completed', party }));
/**
 * Signatures on 2026-01-10 and withdrawals on 2026-03-01: concluded
 * and in force on 2026-01-10, implementation from 2026-03-01.
 */
export const IN_FORCE: Ev[] = [
  ...SIGN_ALL('2026-01-10'),
  ...WITHDRAW_BOTH('2026-03-01'),
  { at: '2026-04-01', type: 'election-held', party: 'UA' },
];
export const ENTRY = '2026-01-10';
export const IMPLEMENTATION = '2026-03-01';

export const attack = (at: string, by: string, against: string, extra: Record<string, unknown> = {}): Ev => ({
  at,
  type: 'armed-attack',
  by,
  against,
  scale: 'large-scale',
  ...extra,
});
export const qualifying = (at: string, extra: Record<string, unknown> = {}): Ev =>
  attack(at, 'RU', 'UA', { crossesLine: true, deliberate: true, sustained: true, ...extra });

export interface RunSpec {
  interpretations?: Record<string, string>;
  parameters?: Record<string, number>;
  until?: string;
  set?: Record<string, string>;
}

export function scenarioOf(events: Ev[], spec: RunSpec = {}) {
  return checkScenario(
    {
      scenario: 'test-scenario',
      title: 'A scenario built in a test',
      ...(spec.interpretations ? { interpretations: spec.interpretations } : {}),
      ...(spec.parameters ? { parameters: spec.parameters } : {}),
      ...(spec.until ? { until: spec.until } : {}),
      events,
    },
    ruleSet,
  );
}

export function run(events: Ev[], spec: RunSpec = {}): Promise<Trace> {
  return runScenario(scenarioOf(events, spec), ruleSet, spec.set ? { set: spec.set } : {});
}

/** The status after the last step on or before `date`. */
export function statusOn(trace: Trace, date: string) {
  let found = trace.initial;
  for (const step of trace.steps) if (step.at <= date) found = step.status;
  return found;
}

export function stepOf(trace: Trace, date: string, type?: string) {
  const step = trace.steps.find(
    (s) => s.at === date && (type === undefined || (s.event?.type ?? s.deadline?.type) === type),
  );
  if (!step) throw new Error(`no step on ${date}${type ? ` of type ${type}` : ''}`);
  return step;
}

export const firedRules = (step: { fired: Array<{ rule: string }> }) => step.fired.map((f) => f.rule);

export interface CapturedIo extends Io {
  out: string;
  err: string;
}

export function captureIo(options: { isTTY?: boolean; env?: Record<string, string | undefined> } = {}): CapturedIo {
  const io: CapturedIo = {
    out: '',
    err: '',
    stdout: (t) => {
      io.out += t;
    },
    stderr: (t) => {
      io.err += t;
    },
    isTTY: options.isTTY ?? false,
    env: options.env ?? {},
  };
  return io;
}

/** A regular expression too long for one line, written in pieces: their sources in order. */
export const pattern = (...parts: RegExp[]) => new RegExp(parts.map((p) => p.source).join(''));

/** The conditional clauses casus was built to encode (a clause may be added; none of these may go). */
export const CLAUSE_IDS = [
  'guarantee-trigger',
  'snapback',
  'ukraine-invasion',
  'capital-strike',
  'no-force-borders',
  'ceasefire',
  'term',
  'force-cap',
  'elections',
  'no-nato-troops',
  'no-nato-accession',
  'non-nuclear',
  'buffer-zone',
  'non-aggression',
  'sanctions-relief',
  'compensation',
  'peace-council',
];

/** The bundled plan versions in the order casus lists them: by date, a version after the ones it builds on. */
export const VERSIONS: readonly string[] = (() => {
  const overlays = readdirSync('rules/versions').map(
    (f) =>
      JSON.parse(readFileSync(`rules/versions/${f}`, 'utf8')) as {
        version: string;
        published: string;
        'builds-on'?: string;
      },
  );
  const byName = new Map(overlays.map((o) => [o.version, o]));
  const depth = (name: string | undefined): number => (name ? 1 + depth(byName.get(name)?.['builds-on']) : 0);
  return overlays
    .sort((a, b) => a.published.localeCompare(b.published) || depth(a.version) - depth(b.version))
    .map((o) => o.version);
})();
