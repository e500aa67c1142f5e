// Open facts make a run branch: every assumption is run, identical outcomes merge, each named by what it assumes.
import { branchName } from '../explain/words.js';
import { InputError } from '../issues/issue.js';
import type { Status } from '../plan/vocabulary.js';
import type { RuleSet } from '../rules/load.js';
import { openFacts, type OpenFact } from '../run/openFacts.js';
import { runScenario, type RunOptions } from '../run/runner.js';
import { JudgementNeeded } from '../run/stepper.js';
import type { ExpectationResult, Trace } from '../run/trace.js';
import type { LoadedScenario } from '../scenario/parse.js';
import { OPEN_FACTS } from '../scenario/schema.js';
import { decidingNames, describeReadings } from './readings.js';

export const MAX_BRANCHES = 64;

type Assumptions = Record<string, boolean>;

export interface Branch {
  assumptions: Assumptions;
  trace: Trace;
}

export interface Outcome {
  final: Status;
  /** the assumptions that lead here, as briefly as the branches allow */
  when: string;
  branches: Branch[];
}

export interface BranchedRun {
  scenario: string;
  title: string;
  file: string;
  /** the open facts, found in the file (unknown) or asked for by a rule (a judgement nobody is named to make) */
  open: OpenFact[];
  outcomes: Outcome[];
  /** every expectation, per branch it applies to */
  expectations: Array<ExpectationResult & { branch: string }>;
}

export function withAssumptions(
  loaded: LoadedScenario,
  facts: readonly OpenFact[],
  assumptions: Assumptions,
): LoadedScenario {
  const events = loaded.scenario.events.map((e, i) => {
    const set = facts.filter((f) => f.event === i && f.key in assumptions);
    return set.length ? { ...e, ...Object.fromEntries(set.map((f) => [f.field, assumptions[f.key]])) } : e;
  });
  return { ...loaded, scenario: { ...loaded.scenario, events } as LoadedScenario['scenario'] };
}

function tooMany(loaded: LoadedScenario, facts: readonly OpenFact[]): InputError {
  return new InputError([
    {
      code: 'too-many-branches',
      file: loaded.file,
      line: facts[0]?.line ?? 0,
      column: 1,
      path: '',
      message:
        `${facts.length} open facts make more than ${MAX_BRANCHES} branches ` +
        `(${facts.map((f) => f.key).join(', ')})`,
      hint: `state some of them as true or false; at most ${Math.log2(MAX_BRANCHES)} can be left unknown together`,
    },
  ]);
}

/** Runs every branch of a scenario's open facts (a scenario with none has one branch). */
export async function runBranches(
  loaded: LoadedScenario,
  ruleSet: RuleSet,
  options: RunOptions = {},
): Promise<BranchedRun> {
  const facts = openFacts(loaded);
  if (2 ** facts.length > MAX_BRANCHES) throw tooMany(loaded, facts);
  let pending: Assumptions[] = [{}];
  for (const f of facts)
    pending = pending.flatMap((a) => [
      { ...a, [f.key]: true },
      { ...a, [f.key]: false },
    ]);
  const done: Branch[] = [];
  while (pending.length > 0) {
    const assumptions = pending.shift()!;
    try {
      done.push({
        assumptions,
        trace: await runScenario(withAssumptions(loaded, facts, assumptions), ruleSet, options),
      });
    } catch (error) {
      if (!(error instanceof JudgementNeeded)) throw error;
      const e = loaded.scenario.events[error.eventIndex]!;
      const line = loaded.eventLines[error.eventIndex] ?? 0;
      const fact: OpenFact = {
        event: error.eventIndex,
        line,
        field: error.field,
        key: `${e.id ?? `line-${line}`}.${error.field}`,
      };
      if (!facts.some((f) => f.key === fact.key)) facts.push(fact);
      pending.push({ ...assumptions, [fact.key]: true }, { ...assumptions, [fact.key]: false });
      if (done.length + pending.length > MAX_BRANCHES) throw tooMany(loaded, facts);
    }
  }
  return {
    scenario: loaded.scenario.scenario,
    title: loaded.scenario.title,
    file: loaded.file,
    open: facts,
    outcomes: merge(done),
    expectations: expectations(loaded, done),
  };
}

function merge(branches: Branch[]): Outcome[] {
  const groups = new Map<string, Branch[]>();
  for (const b of branches)
    groups.set(JSON.stringify(b.trace.final), [...(groups.get(JSON.stringify(b.trace.final)) ?? []), b]);
  const keys = [...new Set(branches.flatMap((b) => Object.keys(b.assumptions)))];
  const complete = branches.every((b) => Object.keys(b.assumptions).length === keys.length);
  const rows = branches.map((b) => ({
    combination: Object.fromEntries(Object.entries(b.assumptions).map(([k, v]) => [k, String(v)])),
    outcome: JSON.stringify(b.trace.final),
  }));
  const deciding = complete ? decidingNames(rows, keys) : keys;
  const values = Object.fromEntries(keys.map((k) => [k, ['true', 'false']]));
  return [...groups.values()].map((group) => ({
    final: group[0]!.trace.final,
    when:
      group.length === branches.length
        ? 'whatever is assumed'
        : complete
          ? describeReadings(
              group.map((b) => Object.fromEntries(Object.entries(b.assumptions).map(([k, v]) => [k, String(v)]))),
              deciding,
              values,
            )
          : group.map((b) => branchName(b.assumptions)).join('; or '),
    branches: group,
  }));
}

/** Each branch checks the expectations that apply to it; one whose assumptions no branch makes is a failure. */
function expectations(loaded: LoadedScenario, branches: Branch[]): BranchedRun['expectations'] {
  const out: BranchedRun['expectations'] = branches.flatMap((b) =>
    b.trace.expectations.map((x) => ({ ...x, branch: branchName(b.assumptions) })),
  );
  (loaded.scenario.expect ?? []).forEach((x, i) => {
    const assuming = x.assuming ?? {};
    if (branches.some((b) => Object.entries(assuming).every(([k, v]) => b.assumptions[k] === v))) return;
    out.push({
      on: x.on,
      line: loaded.expectLines[i] ?? 0,
      ok: false,
      expected: { assuming },
      actual: { branches: branches.map((b) => branchName(b.assumptions)) },
      step: null,
      branch: 'no branch makes these assumptions',
    });
  });
  return out.sort((a, b) => a.line - b.line);
}

/**
 * States facts the scenario leaves open (`unknown`, or left out) as the user assumes them; KEY =
 * EVENT-ID.FIELD or line-N.FIELD. A fact the scenario states is not open: assuming it otherwise is an error
 * naming the event and its value.
 */
export function assume(loaded: LoadedScenario, assumptions: Assumptions): LoadedScenario {
  if (Object.keys(assumptions).length === 0) return loaded;
  const facts = openFacts(loaded);
  const issues: InputError['issues'] = [];
  const stated: OpenFact[] = [];
  for (const key of Object.keys(assumptions)) {
    const [ref, field] = key.split('.') as [string, string];
    const event = loaded.scenario.events.findIndex((e, i) => e.id === ref || `line-${loaded.eventLines[i]}` === ref);
    const e = loaded.scenario.events[event];
    const line = loaded.eventLines[event] ?? 0;
    if (e?.type !== 'armed-attack' || !(OPEN_FACTS as readonly string[]).includes(field)) {
      const known = facts.map((f) => f.key);
      issues.push({
        code: 'usage',
        file: loaded.file,
        line: 0,
        column: 0,
        path: '',
        message: `--assume ${key}: no armed attack with that id (or line-N) has that open fact`,
        hint: known.length
          ? `this scenario's open facts: ${known.join(', ')}`
          : 'name an armed attack by its id: and a field such as justified',
      });
      continue;
    }
    const value = (e as Record<string, unknown>)[field];
    if (value !== undefined && value !== 'unknown') {
      issues.push({
        code: 'stated-fact',
        file: loaded.file,
        line,
        column: 1,
        path: `events[${event}].${field}`,
        message:
          `--assume ${key}=${assumptions[key]}: ` +
          `the scenario states ${field}: ${String(value)} for ${e.id ?? `the event on line ${line}`} (line ${line}); ` +
          `--assume only fills in facts the scenario leaves open`,
        hint:
          `to try the other value, edit line ${line} (or a copy of the file), ` +
          `or write ${field}: unknown there to see both branches`,
      });
      continue;
    }
    stated.push({ event, line, field: field as OpenFact['field'], key });
  }
  if (issues.length) throw new InputError(issues);
  return { ...withAssumptions(loaded, stated, assumptions), assumed: { ...loaded.assumed, ...assumptions } };
}
