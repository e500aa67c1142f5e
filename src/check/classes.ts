// Each event type's inputs in classes: the events that fire the same rules and agree on every fact the laws read,
// found by enumerating the type's domain once, depth-first, assigning only what an undecided rule reads.
import type { MachineEvent } from '../machine/machine.js';
import { JUDGEMENT_NEEDED } from '../plan/vocabulary.js';
import { compilePartial, UNDECIDED } from '../rules/compile.js';
import { factsRead } from '../rules/conditions.js';
import type { LoadedRule, RuleSet } from '../rules/load.js';
import { rulesFor } from '../rules/ruleSet.js';
import { leaves } from '../rules/validate.js';
import { ruleFactOf } from '../laws/facts.js';
import type { LoadedLaw } from '../laws/load.js';
import { ScenarioEvent } from '../scenario/schema.js';
import { assignments, eventFields, type Dimension, type Domain } from './domain.js';

const AT = '2030-01-01';
const byPriority = (a: LoadedRule, b: LoadedRule) => (b.priority ?? 1) - (a.priority ?? 1) || a.order - b.order;
export const isRef = (v: unknown): v is { fact: string } => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The rule-catalogue facts a law reads: event.X is the event fact X; the others keep their names. */
export function lawReads(law: LoadedLaw, ruleSet: RuleSet): string[] {
  const names = [...leaves(law.when), ...leaves(law.then)].flatMap((l) => [
    l.fact,
    ...(isRef(l.value) ? [l.value.fact] : []),
  ]);
  return [...new Set(names.flatMap((n) => ruleFactOf(n, ruleSet) ?? []))];
}

/**
 * A valid scenario event (without `at`) from an assignment: unstated
 * required fields take the first value that makes it valid.
 */
export function completeEvent(
  type: string,
  assignment: Record<string, unknown>,
  domain: Domain,
): Record<string, unknown> | undefined {
  const fields = eventFields(type);
  const event: Record<string, unknown> = { type };
  for (const [k, v] of Object.entries(assignment))
    if (
      fields.has(k) &&
      v !== null &&
      v !== UNDECIDED &&
      !(Array.isArray(v) && v.length === 0 && fields.get(k)!.optional)
    )
      event[k] = v;
  const missing = [...fields].filter(([k, f]) => !f.optional && !(k in event)).map(([k]) => k);
  const dims = domain
    .dimensions(
      type,
      missing.map((fact) => ({ fact })),
    )
    .map((d) => ({
      ...d,
      values: d.values.filter((v) =>
        Object.values(v).every((x) => x !== null && !(Array.isArray(x) && x.length === 0)),
      ),
    }));
  const tryFrom = (i: number): Record<string, unknown> | undefined => {
    if (i === dims.length) return ScenarioEvent.safeParse({ at: AT, ...event }).success ? { ...event } : undefined;
    for (const v of dims[i]!.values) {
      Object.assign(event, v);
      const done = tryFrom(i + 1);
      if (done) return done;
    }
    for (const k of dims[i]!.facts) delete event[k];
    return undefined;
  };
  return tryFrom(0);
}

/**
 * Every valid event of the types with few possible events
 * (signatures, withdrawals), naming only parties the rules name.
 */
export function smallTypes(types: readonly string[], domain: Domain): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (const type of types) {
    const fields = [...eventFields(type).keys()];
    if (fields.length === 0) {
      if (ScenarioEvent.safeParse({ at: AT, type }).success) out.push({ type });
      continue;
    }
    const dims = domain.dimensions(
      type,
      fields.map((fact) => ({ fact })),
    );
    if (dims.reduce((n, d) => n * d.values.length, 1) > 64) continue;
    for (const a of assignments(dims)) {
      if (Object.values(a).some((v) => typeof v === 'string' && /^[A-Z]{2,4}$/.test(v) && !domain.named.has(v)))
        continue;
      const event = { type, ...Object.fromEntries(Object.entries(a).filter(([, v]) => v !== null)) };
      if (ScenarioEvent.safeParse({ at: AT, ...event }).success) out.push(event);
    }
  }
  return out;
}

/**
 * Facts a class fixes: those the laws read (UNDECIDED where the
 * rules did not need them) and the assignment it came from.
 */
interface Projection {
  facts: Record<string, unknown>;
  assignment: Record<string, unknown>;
  /** the law dimensions left undecided */
  open: number[];
  count: number;
}

interface Class {
  fired: LoadedRule[];
  events: MachineEvent[];
  projections: Map<string, Projection>;
}

/** One event type's classes: its domain enumerated once, depth-first, assigning only what an undecided rule reads. */
export function classesOf(
  type: string,
  ruleSet: RuleSet,
  domain: Domain,
  lawRead: readonly string[],
  base: Record<string, unknown>,
): { classes: Map<string, Class>; dims: Dimension[]; lawDims: number[] } {
  const rules = rulesFor(ruleSet, type).slice().sort(byPriority);
  const tests = rules.map((r) => compilePartial(r.conditions));
  const dims = domain.dimensions(type, [
    ...rules.flatMap((r) => factsRead(r.conditions)),
    ...lawRead.map((fact) => ({ fact })),
  ]);
  const dimOf = new Map<string, number>();
  for (const [i, d] of dims.entries()) for (const f of d.facts) dimOf.set(f, i);
  const readsDims = rules.map(
    (r) =>
      new Set(factsRead(r.conditions).flatMap(({ fact }) => dimOf.get(ruleSet.facts.get(fact)?.setBy ?? fact) ?? [])),
  );
  const lawDims = [...new Set(lawRead.flatMap((f) => dimOf.get(f) ?? []))];
  const facts: Record<string, unknown> = { ...base, type };
  for (const d of dims) for (const k of d.facts) facts[k] = UNDECIDED;
  const assigned = dims.map(() => false);
  const classes = new Map<string, Class>();
  const partyOf = (r: LoadedRule): string | null => {
    const { params } = r.event;
    const from = params.partyFrom ? facts[params.partyFrom] : undefined;
    return params.party ?? (from === UNDECIDED ? 'UA' : ((from as string | null | undefined) ?? null));
  };
  const leaf = (outcome: Array<boolean | null>) => {
    // the class key first: the events and the projection are built only for a class or projection not met before
    let key = '';
    for (const [i, r] of rules.entries()) {
      if (outcome[i] !== true) continue;
      if (r.event.type === JUDGEMENT_NEEDED) return;
      key += `${key === '' ? '' : ','}${r.name}:${partyOf(r)}`;
    }
    let c = classes.get(key);
    if (!c) {
      const fired = rules.filter((_, i) => outcome[i] === true);
      const events = fired.map(
        (r): MachineEvent => ({
          type: r.event.type as MachineEvent['type'],
          at: AT,
          rule: r.name,
          clause: r.event.params.clause,
          party: partyOf(r),
          breach: r.event.params.breach ?? null,
        }),
      );
      classes.set(key, (c = { fired, events, projections: new Map() }));
    }
    const pkey = JSON.stringify(lawRead.map((f) => (facts[f] === UNDECIDED ? '?' : facts[f])));
    let count = 1;
    for (const [i, d] of dims.entries()) if (!assigned[i]) count *= d.values.length;
    const p = c.projections.get(pkey);
    if (p) p.count += count;
    else {
      const assignment: Record<string, unknown> = {};
      for (const [i, d] of dims.entries()) if (assigned[i]) for (const k of d.facts) assignment[k] = facts[k];
      const projected = Object.fromEntries(lawRead.map((f) => [f, facts[f]]));
      c.projections.set(pkey, { facts: projected, assignment, open: lawDims.filter((i) => !assigned[i]), count });
    }
  };
  const search = (): void => {
    if (facts.by !== UNDECIDED && facts.by !== null && facts.by === facts.against) return;
    const outcome = tests.map((t) => t(facts));
    let next = -1;
    for (let i = 0; i < dims.length && next < 0; i++)
      if (!assigned[i] && outcome.some((o, r) => o === null && readsDims[r]!.has(i))) next = i;
    if (next < 0) {
      leaf(outcome);
      return;
    }
    const dim = dims[next]!;
    assigned[next] = true;
    for (const values of dim.values) {
      Object.assign(facts, values);
      search();
    }
    assigned[next] = false;
    for (const k of dim.facts) facts[k] = UNDECIDED;
  };
  search();
  return { classes, dims, lawDims };
}
