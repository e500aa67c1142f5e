// Laws proved by exhaustion: each event type's classes of inputs, combined with every reachable statechart snapshot.
import type { MachineEvent } from '../machine/machine.js';
import { nextSnapshot } from '../machine/step.js';
import { statusOf, type GuaranteeSnapshot } from '../machine/status.js';
import { DEADLINE_TYPES, type Status } from '../plan/vocabulary.js';
import { compilePartial } from '../rules/compile.js';
import { EVENT_FACTS } from '../rules/facts.js';
import type { RuleSet } from '../rules/load.js';
import { leaves } from '../rules/validate.js';
import { stepLawFacts } from '../laws/facts.js';
import type { LoadedLaw } from '../laws/load.js';
import { classesOf, completeEvent, isRef, lawReads, smallTypes } from './classes.js';
import { baseFacts } from './conflicts.js';
import { assignments, type Domain } from './domain.js';

export interface Violation {
  before: Omit<Status, 'breaches'>;
  after: Omit<Status, 'breaches'>;
  /** the event's stated fields (type included); a deadline has its type alone */
  event: Record<string, unknown>;
  /** the readings the violation was found under (the defaults for those it does not depend on) */
  readings: Record<string, string>;
  fired: string[];
}

export interface LawResult {
  name: string;
  description: string;
  points: string[];
  file: string;
  line: number;
  proved: boolean;
  /** combinations of reachable snapshot, event facts, history and readings examined */
  cases: number;
  /** of those, the ones where `when` held */
  applicable: number;
  /** the first violations found (distinct events and readings), the first one shown */
  violations: Violation[];
}

interface LawProof {
  results: LawResult[];
  /** one valid event per event type and set of rules it fires: the alphabet of the counterexample search */
  alphabet: Array<Record<string, unknown>>;
  /** every valid event of the types with few of them (signatures, withdrawals, …): the milestones a timeline needs */
  milestones: Array<Record<string, unknown>>;
  /** distinct (emitted events, facts the laws read) classes over all event types */
  classes: number;
}

/** Violations kept per law: the counterexample search starts from their events. */
const MAX_VIOLATIONS = 12;
const withoutBreaches = ({ breaches: _, ...rest }: Status) => rest;

/**
 * What each distinct (snapshot, emitted events) pair does: before
 * and after, deduplicated, with how many snapshots share it.
 */
function transitions(snapshots: readonly GuaranteeSnapshot[], events: readonly MachineEvent[]) {
  let cache = transitionsMemo.get(snapshots);
  if (!cache) transitionsMemo.set(snapshots, (cache = new Map()));
  const key = JSON.stringify(events.map((e) => [e.type, e.party, e.breach]));
  let out = cache.get(key);
  if (!out) cache.set(key, (out = transitionsOf(snapshots, events)));
  return out;
}

/** Per list of snapshots (the state space is explored once), per emitted events: what they do, kept across checks. */
const transitionsMemo = new WeakMap<readonly GuaranteeSnapshot[], Map<string, ReturnType<typeof transitionsOf>>>();

/** Each snapshot's successor per event (type, party, breach: all a law sees of it), shared by the classes' lists. */
const successors = new WeakMap<GuaranteeSnapshot, Map<string, GuaranteeSnapshot>>();

function successor(snapshot: GuaranteeSnapshot, event: MachineEvent): GuaranteeSnapshot {
  let known = successors.get(snapshot);
  if (!known) successors.set(snapshot, (known = new Map()));
  const key = `${event.type}|${event.party}|${event.breach}`;
  let next = known.get(key);
  if (!next) known.set(key, (next = nextSnapshot(snapshot, event)));
  return next;
}

/** A status without its breaches, as text: one per Status object (statusOf gives one per snapshot). */
const statusKeys = new WeakMap<Status, string>();
function statusKey(s: Status): string {
  let key = statusKeys.get(s);
  if (key === undefined) statusKeys.set(s, (key = JSON.stringify(withoutBreaches(s))));
  return key;
}

function transitionsOf(snapshots: readonly GuaranteeSnapshot[], events: readonly MachineEvent[]) {
  const out = new Map<string, { before: Status; after: Status; newBreachKinds: string[]; snapshots: number }>();
  for (const s of snapshots) {
    let snap = s;
    for (const e of events) snap = successor(snap, e);
    const before = statusOf(s);
    const after = statusOf(snap);
    const newBreachKinds = after.breaches.slice(before.breaches.length).map((b) => b.kind);
    const key = `${statusKey(before)}|${statusKey(after)}|${newBreachKinds.join(',')}`;
    const t = out.get(key);
    if (t) t.snapshots++;
    else out.set(key, { before, after, newBreachKinds, snapshots: 1 });
  }
  return [...out.values()];
}

const pick = (facts: Record<string, unknown>, keys: readonly string[]) =>
  Object.fromEntries(keys.map((k) => [k, facts[k]]));

/** Every law over every event type's classes × every reachable snapshot; the first violation of each law found. */
export function proveLaws(
  ruleSet: RuleSet,
  laws: readonly LoadedLaw[],
  snapshots: readonly GuaranteeSnapshot[],
  domain: Domain,
): LawProof {
  const compiled = laws.map((law) => ({ when: compilePartial(law.when), then: compilePartial(law.then) }));
  const results: LawResult[] = laws.map((l) => ({
    name: l.name,
    description: l.description,
    points: l.points,
    file: l.file,
    line: l.line,
    proved: true,
    cases: 0,
    applicable: 0,
    violations: [],
  }));
  const lawRead = [...new Set(laws.flatMap((l) => lawReads(l, ruleSet)))];
  const interpretations = ruleSet.settings.interpretations;
  const types = (EVENT_FACTS.find((f) => f.name === 'type')!.type as { values: readonly string[] }).values.map(String);
  const base = baseFacts(ruleSet);
  const alphabet = new Map<string, Record<string, unknown>>();
  // the law facts of a step split in two: what the statechart
  // gives (before, after, rules fired) and what the input gives
  const read = [
    ...new Set(
      laws.flatMap((l) =>
        [...leaves(l.when), ...leaves(l.then)].flatMap((x) => [x.fact, ...(isRef(x.value) ? [x.value.fact] : [])]),
      ),
    ),
  ];
  const stepKeys = read.filter((k) => /^(before|after|step)\./.test(k));
  const inputKeys = read.filter((k) => !stepKeys.includes(k));
  let classCount = 0;
  for (const type of types) {
    const { classes, dims } = classesOf(type, ruleSet, domain, lawRead, base);
    for (const [key, c] of classes) {
      classCount += c.projections.size;
      const fired = c.fired.map((r) => ({ name: r.name, emits: r.event.type }));
      const steps = transitions(snapshots, c.events).map((t) => ({
        ...t,
        facts: pick(stepLawFacts({ ...t, facts: {}, fired }, ruleSet.ambiguities), stepKeys),
      }));
      for (const p of c.projections.values()) {
        if (!alphabet.has(`${type}|${key}`)) {
          const event = completeEvent(type, p.assignment, domain);
          if (event) alphabet.set(`${type}|${key}`, event);
        }
        const facts = { ...base, ...p.assignment, ...p.facts, type };
        const inputs = (extra: Record<string, unknown>) =>
          pick(
            stepLawFacts(
              { before: {}, after: {}, newBreachKinds: [], facts: { ...facts, ...extra }, fired },
              ruleSet.ambiguities,
            ),
            inputKeys,
          );
        const stated = inputs({});
        // the law needs facts the rules did not: each value of those
        // (the rules' verdicts stay the same), enumerated on demand
        let expanded: Array<{ facts: Record<string, unknown>; assignment: Record<string, unknown> }> | undefined;
        const expand = () => {
          const open = p.open.map((d) => dims[d]!);
          return [...assignments(open)]
            .map((a) => ({ facts: inputs(a), assignment: { ...p.assignment, ...a } }))
            .filter((x) => x.facts['event.by'] === null || x.facts['event.by'] !== x.facts['event.against']);
        };
        const share = p.count / p.open.reduce((n, d) => n * dims[d]!.values.length, 1);
        const lf = { ...stated };
        // one law on one case: false while a fact it reads is undecided (the caller then expands them)
        const decide = (
          i: number,
          t: (typeof steps)[number],
          lf: Record<string, unknown>,
          count: number,
          assignment: Record<string, unknown>,
        ): boolean => {
          const law = compiled[i]!;
          const res = results[i]!;
          const w = law.when(lf);
          const th = w === false ? true : law.then(lf);
          if (w === null || th === null) return false;
          res.cases += count;
          if (!w) return true;
          res.applicable += count;
          if (th || res.violations.length >= MAX_VIOLATIONS) return true;
          res.proved = false;
          const readings = Object.fromEntries(
            interpretations.map((x) => [
              x.name,
              String(x.name in assignment ? assignment[x.name] : x.readings[0]!.value),
            ]),
          );
          const event = (DEADLINE_TYPES as readonly string[]).includes(type)
            ? { type }
            : (completeEvent(type, assignment, domain) ?? { type });
          const v = {
            before: withoutBreaches(t.before),
            after: withoutBreaches(t.after),
            event,
            readings,
            fired: fired.map((x) => x.name),
          };
          if (
            !res.violations.some(
              (x) =>
                JSON.stringify([x.event, x.readings, x.before]) === JSON.stringify([v.event, v.readings, v.before]),
            )
          )
            res.violations.push(v);
          return true;
        };
        for (const t of steps) {
          Object.assign(lf, t.facts);
          for (let i = 0; i < compiled.length; i++) {
            if (decide(i, t, lf, p.count * t.snapshots, p.assignment)) continue;
            for (const x of (expanded ??= expand())) {
              if (!decide(i, t, { ...x.facts, ...t.facts }, share * t.snapshots, x.assignment))
                throw new Error(`law ${laws[i]!.name} undecided on ${type}`);
            }
          }
        }
      }
    }
  }
  const milestones = smallTypes(types, domain);
  const events = [...milestones, ...alphabet.values()].filter(
    (e, i, all) => all.findIndex((x) => JSON.stringify(x) === JSON.stringify(e)) === i,
  );
  return { results, alphabet: events, milestones, classes: classCount };
}
