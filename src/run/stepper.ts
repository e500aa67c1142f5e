// The one implementation of a run's steps, driven by every path: reference or compiled rules, full or outcomes only.
import { InputError } from '../issues/issue.js';
import type { MachineEvent } from '../machine/machine.js';
import type { MachineParameters } from '../machine/parameters.js';
import { initialSnapshot } from '../machine/scope.js';
import { nextSnapshot, unaffectedRegions } from '../machine/step.js';
import { statusOf, type GuaranteeSnapshot } from '../machine/status.js';
import { partyName } from '../plan/parties.js';
import {
  DEADLINE_TYPES,
  JUDGEMENT_NEEDED,
  REGIONS,
  type DeadlineType,
  type Region,
  type RuleEmit,
  type Status,
} from '../plan/vocabulary.js';
import type { Verdict } from '../rules/compile.js';
import { PARTY_FIELDS } from '../rules/facts.js';
import type { ConditionTrace } from '../rules/conditions.js';
import type { LoadedRule } from '../rules/load.js';
import type { LoadedScenario } from '../scenario/load.js';
import type { ScenarioEvent } from '../scenario/schema.js';
import {
  cloneHistory,
  emptyHistory,
  recordEvent,
  recordOutcome,
  stepFacts,
  type FactContext,
  type History,
} from './facts.js';
import type { Deadline, FiredOutcome, FiredRule, Milestones, NotFiredRule, OutcomeStep, Step } from './trace.js';

/** What a run records of each step: everything (explanations included), or only what happened. */
export type Recording = 'full' | 'outcomes';
export type StepOf<R extends Recording> = R extends 'full' ? Step : OutcomeStep;

/** A step about to be evaluated: its facts are ready for the rules. */
interface PendingStep {
  at: string;
  type: string;
  event?: ScenarioEvent;
  deadline?: Deadline;
  line: number | null;
  facts: Record<string, unknown>;
}

/** Breaches only grow, so their count says whether they changed. */
function changedRegions(a: Status, b: Status): Region[] {
  if (a === b) return [];
  return REGIONS.filter((r) => (r === 'breaches' ? a.breaches.length !== b.breaches.length : a[r] !== b[r]));
}

const byPriority = (a: Verdict, b: Verdict) =>
  (b.rule.priority ?? 1) - (a.rule.priority ?? 1) || a.rule.order - b.rule.order;

export class Stepper<R extends Recording> {
  readonly initial: Status;
  private snapshot: GuaranteeSnapshot;
  private status: Status;
  private milestoneCache: { context: unknown; milestones: Milestones } | undefined;
  private readonly history: History = emptyHistory();
  private readonly processed = new Set<string>();
  private nextEvent = 0;
  private index = 0;

  constructor(
    private readonly loaded: LoadedScenario,
    private readonly ctx: FactContext,
    parameters: MachineParameters,
    private readonly recording: R,
    /** whether facts carry the settings (json-rules-engine needs them; compiled rules have them baked in) */
    private readonly withConstants: boolean,
    readonly horizon: string,
  ) {
    this.snapshot = initialSnapshot(parameters);
    this.initial = this.status = statusOf(this.snapshot);
  }

  /** The next step: a deadline that falls due before the next event (or by the horizon), else the next event. */
  next(): PendingStep | undefined {
    const event = this.loaded.scenario.events[this.nextEvent];
    const deadline = this.dueDeadline(event ? (on) => on < event.at : (on) => on <= this.horizon);
    if (deadline) {
      this.processed.add(`${deadline.type}@${deadline.on}`);
      return this.pending(deadline.on, deadline.type, undefined, { type: deadline.type, basis: deadline.basis }, null);
    }
    if (!event) return undefined;
    recordEvent(this.history, event);
    return this.pending(event.at, event.type, event, undefined, this.loaded.eventLines[this.nextEvent++] ?? null);
  }

  private pending(
    at: string,
    type: string,
    event: ScenarioEvent | undefined,
    deadline: Deadline | undefined,
    line: number | null,
  ): PendingStep {
    const facts = stepFacts(this.ctx, { at, type, event }, this.history, this.withConstants);
    return { at, type, ...(event ? { event } : {}), ...(deadline ? { deadline } : {}), line, facts };
  }

  private dueDeadline(isDue: (on: string) => boolean): { type: DeadlineType; on: string; basis: string } | undefined {
    const c = this.snapshot.context;
    let best: { type: DeadlineType; on: string; basis: string } | undefined;
    const consider = (type: DeadlineType, on: string | null, basis: () => string) => {
      if (on === null || !isDue(on) || this.processed.has(`${type}@${on}`)) return;
      if (!best || on < best.on || (on === best.on && DEADLINE_TYPES.indexOf(type) < DEADLINE_TYPES.indexOf(best.type)))
        best = { type, on, basis: basis() };
    };
    consider('term-end', c.termEndsOn, () => `the term that began on entry into force (${c.entryIntoForceOn})`);
    consider(
      'election-deadline',
      c.electionsDueBy,
      () =>
        `${c.parameters['election-deadline-days']} days after conclusion ` +
        `(${c.concludedOn}; the plan names no start: an assumption)`,
    );
    return best;
  }

  /** Applies the rules' verdicts on `p` to the statechart and records the step. */
  apply(p: PendingStep, verdicts: readonly Verdict[]): StepOf<R> {
    const full = this.recording === 'full';
    const before = this.status;
    const fired = verdicts.filter((v) => v.fired).sort(byPriority);
    const judgement = fired.find((o) => o.rule.event.type === JUDGEMENT_NEEDED);
    if (judgement)
      throw judgementError(
        this.loaded.file,
        p.line,
        judgement,
        p.event,
        p.event ? this.loaded.scenario.events.indexOf(p.event) : -1,
      );
    let now = before;
    const firedRules: Array<FiredRule | FiredOutcome> = [];
    for (const o of fired) {
      const { params } = o.rule.event;
      const event = machineEvent(o.rule, p.at, p.event);
      const { party } = event;
      const was = this.snapshot;
      const wasStatus = now;
      this.snapshot = nextSnapshot(was, event);
      now = statusOf(this.snapshot);
      // properties set in a fixed order, the optional ones only when present (the JSON trace keeps this order)
      const rule: Record<string, unknown> = {
        rule: o.rule.name,
        clause: params.clause,
        points: params.points,
        priority: o.rule.priority ?? 1,
        emits: o.rule.event.type,
      };
      if (party !== null && params.breach) rule.party = party;
      if (params.note) rule.note = params.note;
      if (full) rule.conditions = o.conditions!;
      rule.changed = changedRegions(wasStatus, now);
      if (full) rule.unaffected = unaffectedRegions(was, event);
      firedRules.push(rule as unknown as FiredRule | FiredOutcome);
    }
    recordOutcome(
      this.history,
      p.event,
      fired.map((o) => o.rule.event.type as RuleEmit),
      p.at,
    );
    this.status = now;
    const step: Record<string, unknown> = { index: this.index++, at: p.at, kind: p.deadline ? 'deadline' : 'event' };
    if (p.event) step.event = p.event;
    if (p.deadline) step.deadline = p.deadline;
    step.line = p.line;
    step.fired = firedRules;
    if (full) step.notFired = notFired(verdicts, p.type);
    step.status = now;
    step.changed = changedRegions(before, now);
    step.milestones = this.milestones();
    return step as unknown as StepOf<R>;
  }

  /** The dates the statechart keeps; the same object while they do not change. */
  milestones(): Milestones {
    const c = this.snapshot.context;
    const cached = this.milestoneCache;
    if (cached && (cached.context === c || sameMilestones(cached.milestones, c))) return cached.milestones;
    const milestones = {
      concluded: c.concludedOn,
      implementation: c.implementationOn,
      entryIntoForce: c.entryIntoForceOn,
      termEnds: c.termEndsOn,
      electionsDue: c.electionsDueBy,
      reliefStepsApplied: c.reliefStepsApplied,
    };
    this.milestoneCache = { context: c, milestones };
    return milestones;
  }

  get current(): Status {
    return this.status;
  }

  /** The earliest deadline not yet processed, whenever it falls due. */
  nextDeadline(): { type: DeadlineType; on: string } | undefined {
    return this.dueDeadline(() => true);
  }

  /** The history facts the rules would see on a step on `at` (nothing is recorded). */
  historyFacts(at: string): Record<string, unknown> {
    return stepFacts(this.ctx, { at, type: '' }, this.history, false);
  }

  /** This run so far, continued with the events of `loaded` instead: a search branches a run at every step. */
  fork(loaded: LoadedScenario, horizon: string): Stepper<R> {
    const history = cloneHistory(this.history);
    return Object.assign(Object.create(Stepper.prototype) as Stepper<R>, this, {
      loaded,
      horizon,
      history,
      processed: new Set(this.processed),
      nextEvent: 0,
    });
  }
}

/** What a fired rule tells the statechart: its event, the clause, and the party it names (fixed or from the event). */
export function machineEvent(rule: LoadedRule, at: string, scenarioEvent: ScenarioEvent | undefined): MachineEvent {
  const { params } = rule.event;
  const from =
    params.partyFrom && scenarioEvent ? (scenarioEvent as Record<string, unknown>)[params.partyFrom] : undefined;
  const party = params.party ?? (typeof from === 'string' ? from : null);
  return {
    type: rule.event.type as MachineEvent['type'],
    at,
    rule: rule.name,
    clause: params.clause,
    party,
    breach: params.breach ?? null,
  };
}

const sameMilestones = (m: Milestones, c: GuaranteeSnapshot['context']) =>
  m.concluded === c.concludedOn &&
  m.implementation === c.implementationOn &&
  m.entryIntoForce === c.entryIntoForceOn &&
  m.termEnds === c.termEndsOn &&
  m.electionsDue === c.electionsDueBy &&
  m.reliefStepsApplied === c.reliefStepsApplied;

/** Facts that say who did what to whom: a rule that fails on one of them is about another event, not a near miss. */
const WHO = new Set<string>(PARTY_FIELDS);

/** Whether one of the rule's own requirements (a top-level condition) on who did what failed. */
const aboutAnotherEvent = (c: ConditionTrace | undefined) =>
  c !== undefined && 'all' in c && c.all.some((x) => 'fact' in x && WHO.has(x.fact) && x.result === false);

/** Near misses by their tree: a tree the compiled rules give again (rules/compile.ts) gives the same entry again. */
const nearMisses = new WeakMap<ConditionTrace, NotFiredRule | null>();

/** The rules about this event type that did not fire and that were about this very event: the near misses. */
function notFired(verdicts: readonly Verdict[], type: string): NotFiredRule[] {
  const out: NotFiredRule[] = [];
  for (const o of verdicts) {
    if (o.fired || !o.rule.eventTypes.includes(type)) continue;
    const conditions = o.conditions!;
    let entry = nearMisses.get(conditions);
    // a tree is one rule's (rules/compile.ts remembers trees per rule): null says it is about another event
    if (entry === undefined || (entry !== null && entry.rule !== o.rule.name)) {
      const { clause, points } = o.rule.event.params;
      entry = aboutAnotherEvent(conditions)
        ? null
        : Object.freeze({ rule: o.rule.name, emits: o.rule.event.type, clause, points, conditions });
      nearMisses.set(conditions, entry);
    }
    if (entry) out.push(entry);
  }
  return out;
}

/**
 * The run needs a judgement the scenario leaves open: a branching run answers with both branches (see whatif/branches).
 */
export class JudgementNeeded extends InputError {
  constructor(
    issues: InputError['issues'],
    readonly eventIndex: number,
    readonly field: 'justified',
  ) {
    super(issues);
  }
}

function judgementError(
  file: string,
  line: number | null,
  outcome: Verdict,
  event: ScenarioEvent | undefined,
  eventIndex: number,
): InputError {
  const target = event && 'target' in event ? event.target : 'the capital';
  const by = event && 'by' in event ? partyName(event.by) : 'the attacker';
  return new JudgementNeeded(
    [
      {
        code: 'judgement-needed',
        file,
        line: line ?? 0,
        column: 1,
        path: '',
        message:
          `whether ${by}'s strike on ${target} was without cause decides the outcome ` +
          `(rule ${outcome.rule.name}, point ${outcome.rule.event.params.points.join(', ')}), ` +
          `and the scenario leaves it open`,
        hint:
          `casus run and casus test show both branches; ` +
          `elsewhere choose one with --assume ${event?.id ?? `line-${line ?? 0}`}.justified=false (or true), ` +
          `or a reading with --set strike-cause=strict`,
      },
    ],
    eventIndex,
    'justified',
  );
}
