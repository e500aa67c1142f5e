// The runner: Scenario × RuleSet → Trace. Pure and deterministic; simulated time, deadlines injected as steps.
import { initialTransition, transition } from 'xstate';
import { InputError } from '../input/issues.js';
import { guaranteeMachine, type MachineEvent, type MachineParameters } from '../machine/machine.js';
import { statusOf, unaffectedRegions, type GuaranteeSnapshot } from '../machine/status.js';
import { partyName } from '../plan/parties.js';
import { DEADLINE_TYPES, JUDGEMENT_NEEDED, REGIONS, type DeadlineType, type Region, type Status } from '../plan/vocabulary.js';
import { createCompiledEvaluator } from '../rules/compile.js';
import { createEvaluator, type RuleOutcome } from '../rules/engine.js';
import type { RuleSet } from '../rules/load.js';
import type { LoadedScenario } from '../scenario/load.js';
import type { ScenarioEvent } from '../scenario/schema.js';
import { checkExpectations } from './expect.js';
import { emptyHistory, factContext, recordEvent, stepFacts } from './facts.js';
import { resolveSettings } from './settings.js';
import type { Deadline, FiredRule, Milestones, Step, Trace } from './trace.js';

export interface RunOptions {
  /** interpretation and parameter overrides, as from repeated --set name=value */
  set?: Record<string, string>;
  /** json-rules-engine (the reference, default) or the compiled closures (same trace, for batch work) */
  engine?: 'reference' | 'compiled';
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const changedRegions = (before: Status, after: Status): Region[] => REGIONS.filter((r) => !same(before[r], after[r]));

function milestonesOf(snapshot: GuaranteeSnapshot): Milestones {
  const c = snapshot.context;
  return { entryIntoForce: c.entryIntoForceOn, termEnds: c.termEndsOn, electionsDue: c.electionsDueBy, reliefStepsApplied: c.reliefStepsApplied };
}

function dueDeadlines(snapshot: GuaranteeSnapshot): Array<{ type: DeadlineType; on: string; basis: string }> {
  const c = snapshot.context;
  const out: Array<{ type: DeadlineType; on: string; basis: string }> = [];
  if (c.termEndsOn) out.push({ type: 'term-end', on: c.termEndsOn, basis: `the term that began on entry into force (${c.entryIntoForceOn})` });
  if (c.electionsDueBy) out.push({ type: 'election-deadline', on: c.electionsDueBy, basis: `${c.parameters['election-deadline-days']} days after entry into force (${c.entryIntoForceOn})` });
  return out.sort((a, b) => (a.on === b.on ? DEADLINE_TYPES.indexOf(a.type) - DEADLINE_TYPES.indexOf(b.type) : a.on < b.on ? -1 : 1));
}

export async function runScenario(loaded: LoadedScenario, ruleSet: RuleSet, options: RunOptions = {}): Promise<Trace> {
  const { scenario } = loaded;
  const settings = resolveSettings(ruleSet, scenario, options.set);
  const ctx = factContext(ruleSet, settings);
  const evaluator = options.engine === 'compiled' ? createCompiledEvaluator(ruleSet) : createEvaluator(ruleSet);
  const parameters: MachineParameters = {
    'term-years': settings.parameters['term-years']!,
    'extension-years': settings.parameters['extension-years']!,
    'election-deadline-days': settings.parameters['election-deadline-days']!,
  };
  let [snapshot] = initialTransition(guaranteeMachine, { parameters });
  const initial = statusOf(snapshot);
  const history = emptyHistory();
  const steps: Step[] = [];
  const processed = new Set<string>();

  const applyStep = async (at: string, type: string, source: { event?: ScenarioEvent; deadline?: Deadline; line: number | null }) => {
    const before = statusOf(snapshot);
    const outcomes = await evaluator.evaluate(stepFacts(ctx, { at, type, ...(source.event ? { event: source.event } : {}) }, history, before, snapshot.context.reliefStepsApplied));
    const fired = outcomes.filter((o) => o.fired).sort((a, b) => (b.rule.priority ?? 1) - (a.rule.priority ?? 1) || a.rule.order - b.rule.order);
    const judgement = fired.find((o) => o.rule.event.type === JUDGEMENT_NEEDED);
    if (judgement) throw judgementError(loaded, source.line, judgement, source.event);
    const firedRules: FiredRule[] = fired.map((o) => {
      const { params } = o.rule.event;
      const party = params.party ?? (params.partyFrom && source.event ? ((source.event as Record<string, unknown>)[params.partyFrom] as string | undefined) : undefined) ?? null;
      const event: MachineEvent = { type: o.rule.event.type as MachineEvent['type'], at, rule: o.rule.name, clause: params.clause, party, breach: params.breach ?? null };
      const was = snapshot;
      [snapshot] = transition(guaranteeMachine, snapshot, event);
      const now = statusOf(snapshot);
      return {
        rule: o.rule.name,
        clause: params.clause,
        points: params.points,
        priority: o.rule.priority ?? 1,
        emits: o.rule.event.type,
        ...(party !== null && params.breach ? { party } : {}),
        conditions: o.conditions,
        changed: changedRegions(statusOf(was), now),
        unaffected: unaffectedRegions(was, event),
      };
    });
    for (const o of fired) history.lastEmitted.set(o.rule.event.type, at);
    const status = statusOf(snapshot);
    steps.push({
      index: steps.length,
      at,
      kind: source.deadline ? 'deadline' : 'event',
      ...(source.event ? { event: source.event } : {}),
      ...(source.deadline ? { deadline: source.deadline } : {}),
      line: source.line,
      fired: firedRules,
      notFired: outcomes.filter((o) => !o.fired && o.rule.eventTypes.includes(type)).map((o) => ({ rule: o.rule.name, emits: o.rule.event.type, clause: o.rule.event.params.clause, points: o.rule.event.params.points, conditions: o.conditions })),
      status,
      changed: changedRegions(before, status),
      milestones: milestonesOf(snapshot),
    });
  };

  const flushDeadlines = async (isDue: (on: string) => boolean) => {
    for (;;) {
      const next = dueDeadlines(snapshot).find((d) => isDue(d.on) && !processed.has(`${d.type}@${d.on}`));
      if (!next) return;
      processed.add(`${next.type}@${next.on}`);
      await applyStep(next.on, next.type, { deadline: { type: next.type, basis: next.basis }, line: null });
    }
  };

  for (const [i, event] of scenario.events.entries()) {
    await flushDeadlines((on) => on < event.at);
    recordEvent(history, event);
    await applyStep(event.at, event.type, { event, line: loaded.eventLines[i] ?? null });
  }
  const horizon = scenario.until ?? scenario.events[scenario.events.length - 1]!.at;
  await flushDeadlines((on) => on <= horizon);

  const final = statusOf(snapshot);
  return {
    scenario: scenario.scenario,
    title: scenario.title,
    file: loaded.file,
    interpretations: settings.interpretations,
    parameters: settings.parameters,
    assumptions: settings.assumptions,
    defaults: settings.defaults,
    initial,
    steps,
    horizon,
    final,
    milestones: milestonesOf(snapshot),
    clauses: ruleSet.clauses.clauses,
    expectations: checkExpectations(scenario.expect ?? [], loaded.expectLines, initial, steps, final),
  };
}

function judgementError(loaded: LoadedScenario, line: number | null, outcome: RuleOutcome, event: ScenarioEvent | undefined): InputError {
  const target = event && 'target' in event ? event.target : 'the capital';
  const by = event && 'by' in event ? partyName(event.by) : 'the attacker';
  return new InputError([
    {
      code: 'judgement-needed',
      file: loaded.file,
      line: line ?? 0,
      column: 1,
      path: '',
      message: `whether ${by}'s strike on ${target} was without cause decides the outcome (rule ${outcome.rule.name}, point ${outcome.rule.event.params.points.join(', ')}), and the scenario leaves it open`,
      hint: 'set justified: true or false on the event, or choose a reading with --set strike-cause=strict or --set strike-cause=retaliation-window',
    },
  ]);
}
