// The shortest timeline that breaks a law: a breadth-first search over real runs, one finite alphabet of events.
import { Document, isMap, isSeq } from 'yaml';
import { addDays } from '../plan/dates.js';
import { DEADLINE_TYPES, type Status } from '../plan/vocabulary.js';
import { compileCondition } from '../rules/compile.js';
import type { RuleSet } from '../rules/load.js';
import { stepLawFacts } from '../laws/facts.js';
import type { LoadedLaw } from '../laws/load.js';
import { openRun } from '../run/runner.js';
import { JudgementNeeded, type Stepper } from '../run/stepper.js';
import { checkScenario } from '../scenario/load.js';
import { uniq, type Domain } from './domain.js';
import type { Violation } from './laws.js';

export interface Counterexample {
  /** a scenario file's content: `casus run` replays it */
  scenario: {
    scenario: string;
    title: string;
    description: string;
    interpretations?: Record<string, string>;
    until?: string;
    events: Array<Record<string, unknown>>;
  };
  /** 0-based index of the step (events and deadlines) that breaks the law */
  step: number;
  events: number;
  /** where --out-dir wrote it */
  file?: string;
}

const START = '2026-01-01';
/** The search stops here; the report says so when it does. */
const MAX_STATES = 5_000;

interface Node {
  stepper: Stepper<'outcomes'>;
  date: string;
  steps: number;
  path: Array<Record<string, unknown>>;
}

/**
 * What a later step can tell apart: the status, the dates the statechart
 * keeps (whether set), the next deadline, the history the rules read.
 */
function stateKey(domain: Domain): (node: Node) => string {
  const thresholds = domain.thresholds('daysSinceRussianAttack');
  return (node) => {
    const s = node.stepper;
    const { breaches: _, ...status } = s.current;
    const m = s.milestones();
    const h = s.historyFacts(node.date);
    // days since the attack matter only up to the thresholds the rules compare them with
    const days =
      h.daysSinceRussianAttack === null
        ? null
        : thresholds.filter((t) => t < (h.daysSinceRussianAttack as number)).length;
    const named = (list: unknown) => (list as string[]).filter((p) => domain.named.has(p));
    const history = [
      named(h.signatories),
      named(h.withdrawn),
      h.compensationPaid,
      named(h.electionsHeldBy),
      h.hostilitiesUnderWay,
      days,
    ];
    return JSON.stringify([
      status,
      m.entryIntoForce !== null,
      m.termEnds !== null,
      m.electionsDue !== null,
      m.reliefStepsApplied,
      s.nextDeadline()?.type ?? null,
      history,
    ]);
  };
}

const MILESTONE_EVENTS: readonly string[] = ['AGREEMENT_CONCLUDED', 'IMPLEMENTATION_BEGINS', 'ENTRY_INTO_FORCE'];
const isDeadline = (e: Record<string, unknown>) => (DEADLINE_TYPES as readonly string[]).includes(String(e.type));

/**
 * The shortest timeline that breaks the law, searched breadth-first over real runs under each violation's
 * readings: with the violations' own events and the events that complete a milestone, then every milestone
 * event, then one event per class.
 */
export function findCounterexample(
  ruleSet: RuleSet,
  law: LoadedLaw,
  violations: readonly Violation[],
  proof: { alphabet: ReadonlyArray<Record<string, unknown>>; milestones: ReadonlyArray<Record<string, unknown>> },
  domain: Domain,
): Counterexample | { reason: string } {
  const stated = uniq(violations.map((v) => v.event).filter((e) => !isDeadline(e)));
  const readings = uniq(violations.map((v) => v.readings)).slice(0, 3);
  // the events that complete a milestone (conclusion, implementation,
  // entry into force) first, then every milestone event
  const completing = new Set(
    ruleSet.rules.filter((r) => MILESTONE_EVENTS.includes(r.event.type)).flatMap((r) => r.eventTypes),
  );
  const ladder = [proof.milestones.filter((e) => completing.has(String(e.type))), proof.milestones];
  for (const milestones of ladder) {
    for (const r of readings) {
      const found = search(ruleSet, law, r, uniq([...stated, ...milestones]), stated.length, domain, MAX_STATES, [1]);
      if ('events' in found) return found;
    }
  }
  const found = search(
    ruleSet,
    law,
    readings[0] ?? {},
    uniq([...stated, ...proof.alphabet]),
    Infinity,
    domain,
    MAX_STATES / 5,
    gapsOf(domain),
  );
  return 'events' in found
    ? found
    : {
        reason:
          `no timeline found among the first ${MAX_STATES.toLocaleString('en-US')} distinct states of real runs: ` +
          `the step domain may allow a history or a snapshot no run reaches`,
      };
}

/**
 * Days between events that the rules can tell apart: the next
 * day, and just past each threshold of the days since an attack.
 */
const gapsOf = (domain: Domain) =>
  [
    ...new Set([
      1,
      ...domain
        .thresholds('daysSinceRussianAttack')
        .filter((t) => t > 0)
        .map((t) => t + 1),
    ]),
  ].sort((a, b) => a - b);

/**
 * Breadth-first under one set of readings; the first `keep` events are
 * always tried, the others only if they change something from the start.
 */
function search(
  ruleSet: RuleSet,
  law: LoadedLaw,
  readings: Record<string, string>,
  events: ReadonlyArray<Record<string, unknown>>,
  keep: number,
  domain: Domain,
  maxStates: number,
  gaps: readonly number[],
): Counterexample | { reason: string } {
  const when = compileCondition(law.when);
  const then = compileCondition(law.then);
  const interpretations = Object.fromEntries(
    Object.entries(readings).filter(
      ([name, value]) => ruleSet.settings.interpretations.find((i) => i.name === name)?.readings[0]?.value !== value,
    ),
  );
  const seed = checkScenario(
    { scenario: 'search', title: 'search', interpretations, events: [{ at: START, ...events[0] }] },
    ruleSet,
  );
  const run = openRun(seed, ruleSet, { engine: 'compiled' }, 'outcomes');
  const constants = run.ctx.constants;
  const loaded = (list: Array<Record<string, unknown>>) => ({
    ...seed,
    scenario: { ...seed.scenario, events: list as never },
    eventLines: list.map(() => 0),
  });
  const root: Node = { stepper: run.stepper, date: addDays(START, -1), steps: 0, path: [] };
  const queue: Node[] = [root];
  const keyOf = stateKey(domain);
  const seen = new Set([keyOf(root)]);
  /** Takes the steps of one move; a law broken on one of them ends the search. */
  const move = (
    from: Node,
    event: Record<string, unknown> | undefined,
    date: string,
  ): Node | Counterexample | undefined => {
    const list = event ? [event] : [];
    const stepper = from.stepper.fork(loaded(list), date);
    let steps = from.steps;
    try {
      for (let p = stepper.next(); p; p = stepper.next()) {
        const before: Status = stepper.current;
        const step = stepper.apply(p, run.evaluate(p.facts, p.type) as never);
        const f = stepLawFacts(
          {
            before,
            after: step.status,
            newBreachKinds: step.status.breaches.slice(before.breaches.length).map((b) => b.kind),
            facts: { ...constants, ...p.facts },
            fired: step.fired.map((x) => ({ name: x.rule, emits: x.emits })),
          },
          ruleSet.ambiguities,
        );
        if (when(f) && !then(f)) {
          const path = [...from.path, ...list];
          return {
            scenario: {
              scenario: law.name,
              title: `A timeline that breaks the law "${law.name}"`,
              description: `Step ${steps + 1} (${p.at}, ${p.type}) breaks it: ${law.description}`,
              ...(Object.keys(interpretations).length ? { interpretations } : {}),
              ...(event ? {} : { until: date }),
              events: path,
            },
            step: steps,
            events: path.length,
          };
        }
        steps++;
      }
    } catch (error) {
      if (error instanceof JudgementNeeded) return undefined;
      throw error;
    }
    return { stepper, date, steps, path: [...from.path, ...list] };
  };
  // the milestones that change nothing from the start (a buffer-zone
  // entry before conclusion) are left out of the first search
  const useful = events.filter(
    (e, i) =>
      i < keep ||
      (() => {
        const next = move(root, { at: START, ...e }, START);
        return next !== undefined && (!('stepper' in next) || keyOf(next) !== keyOf(root));
      })(),
  );
  while (queue.length > 0) {
    const node = queue.shift()!;
    const deadline = node.stepper.nextDeadline();
    const moves: Array<[Record<string, unknown> | undefined, string]> = [];
    for (const gap of gaps) {
      const date = addDays(node.date, gap);
      if (deadline && date > deadline.on) continue;
      for (const e of useful) moves.push([{ at: date, ...e }, date]);
    }
    if (deadline) moves.push([undefined, deadline.on]);
    for (const [event, date] of moves) {
      const next = move(node, event, date);
      if (!next) continue;
      if (!('stepper' in next)) return next;
      const key = keyOf(next);
      if (seen.has(key)) continue;
      seen.add(key);
      if (seen.size > maxStates) return { reason: 'limit' };
      queue.push(next);
    }
  }
  return { reason: 'exhausted' };
}

/** The first line of every counterexample file: --out-dir replaces only files that begin with it. */
export const COUNTEREXAMPLE_MARK = '# A counterexample found by casus check';

/** A counterexample as a scenario file: one event per line, in the order `casus run` replays them. */
export function counterexampleYaml(c: Counterexample): string {
  const doc = new Document(c.scenario);
  const events = doc.get('events');
  if (isSeq(events)) for (const item of events.items) if (isMap(item)) item.flow = true;
  const interp = doc.get('interpretations');
  if (isMap(interp)) interp.flow = true;
  return (
    `${COUNTEREXAMPLE_MARK}: casus run FILE replays it; ` +
    `casus explain FILE says why each status is what it is\n${doc.toString({ lineWidth: 0 })}`
  );
}
