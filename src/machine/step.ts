// Stepping the statechart fast: a memo of xstate's own results, held to xstate by tests/properties/statechart.test.ts;
// and why a step left a region as it was.
import type { Region } from '../plan/vocabulary.js';
import { guaranteeMachine, type MachineEvent } from './machine.js';
import { xstateNext } from './scope.js';
import { descendants, regionsHandling, statusOf, type GuaranteeSnapshot } from './status.js';

/** The event types each state node has its own transitions for (xstate computes ownEvents anew on every read). */
const ownEvents = new WeakMap<object, ReadonlySet<string>>();

/** Whether some active state node (the root included) has a transition for `type`. */
function handles(snapshot: GuaranteeSnapshot, type: string): boolean {
  for (const node of snapshot._nodes) {
    let types = ownEvents.get(node);
    if (!types) ownEvents.set(node, (types = new Set(node.ownEvents)));
    if (types.has(type)) return true;
  }
  return false;
}

/**
 * The next snapshot: the machine has no side effects (assign only), so nothing is lost by not collecting actions. An
 * event no active state handles leaves the snapshot as it is, without the cost of a macrostep; otherwise see `step`.
 */
export function nextSnapshot(snapshot: GuaranteeSnapshot, event: MachineEvent): GuaranteeSnapshot {
  if (!handles(snapshot, event.type)) return snapshot;
  return PLAIN ? step(snapshot, event) : xstateNext(snapshot, event);
}

type Node = GuaranteeSnapshot['_nodes'][number];
type Transition = ReturnType<typeof guaranteeMachine.getTransitionData>[number];
type Assignment = Record<string, unknown> | ((args: { context: unknown; event: MachineEvent }) => object);
type Guard = (args: { context: unknown; event: MachineEvent }) => boolean;

const GUARDS = guaranteeMachine.implementations.guards as unknown as Record<string, Guard>;

/** The assign actions the machine names, by name (the only kind of action it has, see PLAIN). */
const ASSIGNMENTS = new Map<string, Assignment>(
  Object.entries(guaranteeMachine.implementations.actions).map(([name, action]) => [
    name,
    (action as unknown as { assignment: Assignment }).assignment,
  ]),
);

/**
 * Regions side by side under the root, no eventless, done or wildcard transitions, no history, named guards and named
 * assign actions only: a step is its transitions, nothing more.
 */
const PLAIN = (descendants(guaranteeMachine.root) as Node[]).every(
  (n) =>
    n.always === undefined &&
    n.type !== 'history' &&
    (n.type !== 'parallel' || n === guaranteeMachine.root) &&
    [...n.transitions.keys()].every((type) => !type.startsWith('xstate.') && !type.includes('*')) &&
    [...n.transitions.values()]
      .flat()
      .every((t) => t.guard === undefined || (typeof t.guard === 'string' && t.guard in GUARDS)) &&
    [...n.entry, ...n.exit, ...[...n.transitions.values()].flat().flatMap((t) => t.actions)].every(
      (a) => typeof a === 'string' && ASSIGNMENTS.has(a),
    ),
);

/** A configuration change xstate computed once: the snapshot it made, and the assignments that change the context. */
interface Template {
  result: GuaranteeSnapshot;
  assignments: Assignment[];
}

/** What is known of one configuration (shared by every snapshot in it): its key and its candidates per event type. */
interface Configuration {
  key: string;
  /** each region's active nodes with transitions for the event type, deepest first; then the root's */
  candidates: Map<string, { regions: Transition[][][]; root: Transition[] }>;
}

const configurations = new Map<string, Configuration>();
const byNodes = new WeakMap<object, Configuration>();
const templates = new Map<string, Template | null>();

function configurationOf(snapshot: GuaranteeSnapshot): Configuration {
  let found = byNodes.get(snapshot._nodes);
  if (!found) {
    const key = snapshot._nodes.map((n) => n.id).join(' ');
    found = configurations.get(key);
    if (!found) configurations.set(key, (found = { key, candidates: new Map() }));
    byNodes.set(snapshot._nodes, found);
  }
  return found;
}

function candidatesFor(snapshot: GuaranteeSnapshot, type: string) {
  const configuration = configurationOf(snapshot);
  let found = configuration.candidates.get(type);
  if (!found) {
    const regions = Object.keys(snapshot.value).map((region) =>
      snapshot._nodes
        .filter((n) => n.path[0] === region)
        .sort((a, b) => b.path.length - a.path.length)
        .map((n) => n.transitions.get(type) ?? [])
        .filter((list) => list.length > 0),
    );
    configuration.candidates.set(type, (found = { regions, root: guaranteeMachine.root.transitions.get(type) ?? [] }));
  }
  return found;
}

let transitionsNumbered = 0;
const ids = new WeakMap<Transition, number>();

/** A number per transition of the machine, for memo keys. */
function idOf(t: Transition): number {
  let id = ids.get(t);
  if (id === undefined) ids.set(t, (id = transitionsNumbered++));
  return id;
}

const enabled = (t: Transition, context: unknown, event: MachineEvent) =>
  t.guard === undefined || GUARDS[t.guard as unknown as string]!({ context, event });

/** xstate's choice: each region's deepest active node with an enabled transition; the root's only if none has one. */
function select(snapshot: GuaranteeSnapshot, event: MachineEvent): Transition[] {
  const { regions, root } = candidatesFor(snapshot, event.type);
  const chosen: Transition[] = [];
  for (const nodes of regions)
    for (const list of nodes) {
      const t = list.find((c) => enabled(c, snapshot.context, event));
      if (t) {
        chosen.push(t);
        break;
      }
    }
  if (chosen.length > 0) return chosen;
  const t = root.find((c) => enabled(c, snapshot.context, event));
  return t ? [t] : [];
}

/**
 * One macrostep, memoised: the transitions enabled are chosen as xstate chooses them, and what they do to the
 * configuration depends on nothing else, so xstate makes that snapshot once per configuration and transitions; the
 * context is then the machine's own assignments applied in xstate's order (exits, transitions, entries).
 */
function step(snapshot: GuaranteeSnapshot, event: MachineEvent): GuaranteeSnapshot {
  const transitions = select(snapshot, event);
  if (transitions.length === 0) return snapshot;
  let key = configurationOf(snapshot).key;
  for (const t of transitions) key += ` ${idOf(t)}`;
  let template = templates.get(key);
  if (template === undefined) {
    const result = xstateNext(snapshot, event);
    templates.set(
      key,
      (template =
        independent(transitions) && result.status === 'active'
          ? {
              result,
              assignments: assignmentsOf(snapshot._nodes, result._nodes, transitions),
            }
          : null),
    );
    return result;
  }
  if (template === null) return xstateNext(snapshot, event);
  let context = snapshot.context as unknown as Record<string, unknown>;
  for (const assignment of template.assignments) context = { ...context, ...assigned(assignment, context, event) };
  return { ...template.result, context: context as unknown as GuaranteeSnapshot['context'] };
}

/** Transitions in different regions that re-enter nothing: none can cancel another, and their order does not matter. */
function independent(transitions: readonly Transition[]): boolean {
  const regions = transitions.filter((t) => t.target?.length).map((t) => t.source.path[0]);
  return (
    transitions.every((t) => !t.reenter && (t.source.path.length > 0 || !t.target?.length)) &&
    new Set(regions).size === regions.length
  );
}

function assignmentsOf(
  before: readonly Node[],
  after: readonly Node[],
  transitions: readonly Transition[],
): Assignment[] {
  const exited = before.filter((n) => !after.includes(n)).sort((a, b) => b.order - a.order);
  const entered = after.filter((n) => !before.includes(n)).sort((a, b) => a.order - b.order);
  const names = [
    ...exited.flatMap((n) => n.exit),
    ...transitions.flatMap((t) => t.actions),
    ...entered.flatMap((n) => n.entry),
  ] as string[];
  return names.map((name) => ASSIGNMENTS.get(name)!);
}

function assigned(assignment: Assignment, context: Record<string, unknown>, event: MachineEvent): object {
  if (typeof assignment === 'function') return assignment({ context, event });
  return Object.fromEntries(
    Object.entries(assignment).map(([k, v]) => [k, typeof v === 'function' ? v({ context, event }) : v]),
  );
}

export interface Unaffected {
  region: Region;
  reason: string;
}

/** What is unaffected, per configuration (the node list the snapshots of one template share) and key below. */
const unaffectedMemo = new WeakMap<object, Map<string, readonly Unaffected[]>>();

/**
 * The regions that react to `event` somewhere but have no transition for it now, each with the statechart's reason.
 * The same configuration, event type, acting regions and ceasefire breaker give the same (shared, read-only) list.
 */
export function unaffectedRegions(before: GuaranteeSnapshot, event: MachineEvent): readonly Unaffected[] {
  const taken = !handles(before, event.type)
    ? []
    : PLAIN
      ? select(before, event)
      : guaranteeMachine.getTransitionData(before, event);
  const acting = new Set(taken.map((t) => (t.source.path.length === 0 ? 'breaches' : t.source.path[0])));
  let memo = unaffectedMemo.get(before._nodes);
  if (!memo) unaffectedMemo.set(before._nodes, (memo = new Map()));
  const key = `${event.type} ${[...acting].join(' ')} ${before.context.ceasefireBrokenBy ?? ''}`;
  let found = memo.get(key);
  if (!found) memo.set(key, (found = Object.freeze(unaffectedNow(before, event, acting).map((u) => Object.freeze(u)))));
  return found;
}

function unaffectedNow(before: GuaranteeSnapshot, event: MachineEvent, acting: ReadonlySet<unknown>): Unaffected[] {
  const was = statusOf(before);
  const out: Unaffected[] = [];
  for (const region of regionsHandling(event.type)) {
    if (acting.has(region)) continue;
    if (region === 'breaches') {
      const reasons = (guaranteeMachine.root.on[event.type] ?? []).map((t) => t.description).filter(Boolean);
      out.push({ region, reason: reasons.join('; ') || 'not recorded' });
      continue;
    }
    const active = [...before._nodes]
      .filter((n) => n.path[0] === region && n.path.length > 1)
      .sort((a, b) => a.path.length - b.path.length);
    const guarded = active
      .flatMap((n) => n.on[event.type] ?? [])
      .map((t) => t.description)
      .filter(Boolean);
    const described = guarded.length ? guarded : active.map((n) => n.description).filter(Boolean);
    const by =
      region === 'ceasefire' && was.ceasefire === 'violated' && before.context.ceasefireBrokenBy
        ? ` (broken by ${before.context.ceasefireBrokenBy})`
        : '';
    out.push({
      region,
      reason: `${region} is ${String(was[region])}: ${described.join('; ') || 'no transition for this event'}${by}`,
    });
  }
  return out;
}
