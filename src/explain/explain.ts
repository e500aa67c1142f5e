// Why every status is what it is on a date, and why events left the guarantee alone:
// an Explanation in data, read from the Trace (and, for what could have changed a
// guarantee in force, the statechart's own definition; nothing is re-run).
import { InputError, usageIssue } from '../issues/issue.js';
import { eventsHandledIn } from '../machine/status.js';
import { isIsoDate } from '../plan/dates.js';
import { REGIONS, type Breach, type Region, type Status } from '../plan/vocabulary.js';
import type { Clause, Source } from '../rules/schema.js';
import {
  NO_MILESTONES,
  type FiredRule,
  type Milestones,
  type NotFiredRule,
  type Step,
  type Trace,
} from '../run/trace.js';
import { failedWords } from './conditionWords.js';
import { decisiveFailures, heldConditions, type ConditionSeen } from './seen.js';
import { nearMisses } from './whyNot.js';
import { stepWords } from './words.js';

/** The status fields an explanation accounts for, one by one. */
type Explained = Exclude<Region, 'breaches'>;
const EXPLAINED = REGIONS.filter((r): r is Explained => r !== 'breaches');

export interface ClauseCitation {
  id: string;
  points: string[];
  title: string;
  paraphrase: string;
  consequence: string;
  planNamesConsequence: boolean;
  /** where the clause comes from: address, what it supports, how sure */
  sources: Source[];
  /** what casus assumes in encoding it */
  assumptions?: string[];
}

export interface StepRef {
  index: number;
  at: string;
  kind: 'event' | 'deadline';
  /** line of the event in the scenario file; null for deadlines */
  line: number | null;
  /** the event or deadline in words */
  words: string;
  note?: string;
}

export interface RegionReason {
  region: Explained;
  value: string | null;
  /** the date it took this value; null: the initial status */
  since: string | null;
  setBy: null | {
    step: StepRef;
    from: string | null;
    rule: string;
    emits: string;
    clause: ClauseCitation;
    /** the plan points the rule cites */
    points: string[];
    /** the conditions that held, with the values seen */
    conditions: ConditionSeen[];
  };
  /** other rules on the same step that would have changed this region, and why they did not */
  alsoFired: Array<{ rule: string; clause: ClauseCitation; points: string[]; reason: string }>;
  /** still in its initial status: the latest rule that would have moved it on, and what it lacked */
  notYet: null | {
    step: StepRef;
    rule: string;
    emits: string;
    clause: ClauseCitation;
    points: string[];
    failed: ConditionSeen[];
    reason: string;
  };
}

interface BreachReason extends Breach {
  clauseCitation: ClauseCitation;
  step: StepRef | null;
  rule: string | null;
}

export interface WhyNot {
  step: StepRef;
  /** the guarantee's status, which this step left unchanged */
  guarantee: string;
  /** condition-failed: the nearest rule did not fire; no-effect: it fired but the statechart had no transition */
  kind: 'condition-failed' | 'no-effect';
  rule: string;
  emits: string;
  clause: ClauseCitation;
  /** the plan points the rule cites */
  points: string[];
  /** the conditions that failed, each with the value it saw (condition-failed only) */
  failed: ConditionSeen[];
  /** interpretations under which the failed conditions were required */
  readings: Record<string, string>;
  /** the reason in words */
  reason: string;
}

export interface Explanation {
  scenario: string;
  title: string;
  file: string;
  /** the date explained */
  at: string;
  /** true when no date was asked: the end of the run */
  atEnd: boolean;
  /** the last step on or before the date; null: before the first event */
  afterStep: StepRef | null;
  firstEvent: string | null;
  horizon: string;
  /** the settings (interpretations and parameters) that differ from the defaults; the published field keeps its name */
  readings: Record<string, string | number>;
  assumptions: Record<string, number>;
  status: Status;
  regions: RegionReason[];
  breaches: BreachReason[];
  milestones: Milestones & { termExtendedOn: string | null };
  whyNot: WhyNot[];
}

const GUARANTEE_FIELDS: ReadonlySet<string> = new Set(['guarantee', 'guaranteePhase']);

function citation(trace: Trace, id: string, points: string[] = []): ClauseCitation {
  const c: Clause | undefined = trace.clauses.find((x) => x.id === id);
  return c
    ? {
        id: c.id,
        points: c.points,
        title: c.title,
        paraphrase: c.paraphrase,
        consequence: c.consequence,
        planNamesConsequence: c.planNamesConsequence,
        sources: c.sources,
        ...(c.assumptions ? { assumptions: c.assumptions } : {}),
      }
    : { id, points, title: id, paraphrase: '', consequence: '', planNamesConsequence: false, sources: [] };
}

function stepRef(step: Step): StepRef {
  const note = step.event?.note;
  return {
    index: step.index,
    at: step.at,
    kind: step.kind,
    line: step.line,
    words: stepWords(step),
    ...(note ? { note } : {}),
  };
}

/** The settings (interpretations and parameters) a run changed from the defaults. */
export function chosenSettings(trace: Trace): Record<string, string | number> {
  const all: Record<string, string | number> = { ...trace.interpretations, ...trace.parameters };
  return Object.fromEntries(Object.entries(all).filter(([k, v]) => trace.defaults[k] !== v));
}

function checkDate(trace: Trace, at: string): void {
  if (!isIsoDate(at))
    throw new InputError([
      usageIssue(`--at: expected a date as YYYY-MM-DD, got "${at}"`, 'for example --at 2029-03-01'),
    ]);
  if (at > trace.horizon) {
    throw new InputError([
      usageIssue(
        `--at ${at} is after the end of the run (${trace.horizon}); ` +
          `deadlines are only processed up to the last event or until`,
        `add until: ${at} to the scenario to run the clock that far`,
      ),
    ]);
  }
}

function regionReason(
  trace: Trace,
  steps: Step[],
  region: Explained,
  interpretations: ReadonlySet<string>,
): RegionReason {
  let before = trace.initial;
  let setting: { step: Step; from: string | null } | null = null;
  for (const step of steps) {
    if (before[region] !== step.status[region]) setting = { step, from: before[region] };
    before = step.status;
  }
  const value = before[region];
  if (!setting)
    return {
      region,
      value,
      since: null,
      setBy: null,
      alsoFired: [],
      notYet: notYet(trace, steps, region, interpretations),
    };
  const { step, from } = setting;
  const setter = step.fired.find((f) => f.changed.includes(region));
  const base = GUARANTEE_FIELDS.has(region) ? 'guarantee' : region;
  const alsoFired = step.fired
    .filter((f) => f !== setter)
    .flatMap((f) =>
      f.unaffected
        .filter((u) => u.region === base)
        .map((u) => ({
          rule: f.rule,
          clause: citation(trace, f.clause, f.points),
          points: f.points,
          reason: u.reason,
        })),
    );
  return {
    region,
    value,
    since: step.at,
    setBy: setter
      ? {
          step: stepRef(step),
          from,
          rule: setter.rule,
          emits: setter.emits,
          clause: citation(trace, setter.clause, setter.points),
          points: setter.points,
          conditions: heldConditions(setter.conditions, interpretations),
        }
      : null,
    alsoFired,
    notYet: null,
  };
}

/**
 * For a region still in its initial status: the most recent rule
 * that would have moved it on, with the conditions it lacked.
 */
function notYet(
  trace: Trace,
  steps: Step[],
  region: Explained,
  interpretations: ReadonlySet<string>,
): RegionReason['notYet'] {
  const base = GUARANTEE_FIELDS.has(region) ? 'guarantee' : region;
  const value = trace.initial[base];
  if (region === 'guaranteePhase' || typeof value !== 'string') return null;
  const moves = new Set(eventsHandledIn(base, [value]));
  for (const step of [...steps].reverse()) {
    const candidates = step.notFired
      .filter((n) => moves.has(n.emits))
      .map((n) => ({ n, ...decisiveFailures(n.conditions, interpretations) }))
      .filter((x) => x.failed.length > 0 && !x.failed.some((f) => f.fact === 'type'));
    const best = candidates.find((x) => x.n.emits === 'ENTRY_INTO_FORCE') ?? candidates[0];
    if (best)
      return {
        step: stepRef(step),
        rule: best.n.rule,
        emits: best.n.emits,
        clause: citation(trace, best.n.clause, best.n.points),
        points: best.n.points,
        failed: best.failed,
        reason: failedWords(best.n.conditions, interpretations).join('; '),
      };
  }
  return null;
}

function breachReason(trace: Trace, steps: Step[], b: Breach): BreachReason {
  const step = steps.find(
    (s) => s.at === b.at && s.fired.some((f) => f.clause === b.clause && f.changed.includes('breaches')),
  );
  const rule = step?.fired.find((f) => f.clause === b.clause && f.changed.includes('breaches'))?.rule ?? null;
  return { ...b, clauseCitation: citation(trace, b.clause), step: step ? stepRef(step) : null, rule };
}

function noEffect(trace: Trace, step: Step, f: FiredRule, reason: string): WhyNot {
  return {
    step: stepRef(step),
    guarantee: step.status.guarantee,
    kind: 'no-effect',
    rule: f.rule,
    emits: f.emits,
    clause: citation(trace, f.clause, f.points),
    points: f.points,
    failed: [],
    readings: {},
    reason,
  };
}

function conditionFailed(trace: Trace, step: Step, n: NotFiredRule, interpretations: ReadonlySet<string>): WhyNot {
  const { failed, under } = decisiveFailures(n.conditions, interpretations);
  return {
    step: stepRef(step),
    guarantee: step.status.guarantee,
    kind: 'condition-failed',
    rule: n.rule,
    emits: n.emits,
    clause: citation(trace, n.clause, n.points),
    points: n.points,
    failed,
    readings: under,
    reason: failedWords(n.conditions, interpretations).join('; '),
  };
}

/**
 * For every step that left the guarantee unchanged: the rules about it that fired to
 * no effect, or else each clause's nearest rule that did not fire, nearest first.
 */
export function whyNotOf(trace: Trace, step: Step): WhyNot[] {
  if (step.changed.includes('guarantee')) return [];
  const interpretations = new Set(Object.keys(trace.interpretations));
  const idle = step.fired.flatMap((f) =>
    f.unaffected.filter((u) => u.region === 'guarantee').map((u) => noEffect(trace, step, f, u.reason)),
  );
  if (idle.length) return idle;
  const nearest = new Map<string, NotFiredRule>();
  for (const miss of nearMisses(step)) if (!nearest.has(miss.clause)) nearest.set(miss.clause, miss);
  return [...nearest.values()].map((miss) => conditionFailed(trace, step, miss, interpretations));
}

/** Why each region has its status on `at` (default: the end of the run), from the trace alone. */
export function explain(trace: Trace, at?: string): Explanation {
  if (at !== undefined) checkDate(trace, at);
  const date = at ?? trace.horizon;
  const steps = trace.steps.filter((s) => s.at <= date);
  const last = steps[steps.length - 1];
  const interpretations = new Set(Object.keys(trace.interpretations));
  const status = last?.status ?? trace.initial;
  const shown = EXPLAINED.filter((r) => r !== 'guaranteePhase' || status.guaranteePhase !== null);
  const milestones = last?.milestones ?? NO_MILESTONES;
  const extension = [...steps]
    .reverse()
    .find((s) => s.fired.some((f) => f.emits === 'TERM_EXTENDED' && f.unaffected.length === 0));
  return {
    scenario: trace.scenario,
    title: trace.title,
    file: trace.file,
    at: date,
    atEnd: at === undefined,
    afterStep: last ? stepRef(last) : null,
    firstEvent: trace.steps[0]?.at ?? null,
    horizon: trace.horizon,
    readings: chosenSettings(trace),
    assumptions: Object.fromEntries(trace.assumptions.map((a) => [a, trace.parameters[a]!])),
    status,
    regions: shown.map((r) => regionReason(trace, steps, r, interpretations)),
    breaches: status.breaches.map((b) => breachReason(trace, steps, b)),
    milestones: { ...milestones, termExtendedOn: extension?.at ?? null },
    whyNot: steps.flatMap((s) => whyNotOf(trace, s)),
  };
}

export function explanationJson(e: Explanation): string {
  return `${JSON.stringify(e, null, 2)}\n`;
}
