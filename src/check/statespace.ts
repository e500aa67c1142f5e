// Every reachable statechart snapshot over the machine's event alphabet (the laws are proved on them).
import type { AnyStateNode } from 'xstate';
import { guaranteeMachine, type MachineEvent } from '../machine/machine.js';
import { parametersKey, type MachineParameters } from '../machine/parameters.js';
import { initialSnapshot } from '../machine/scope.js';
import { nextSnapshot } from '../machine/step.js';
import { statusOf, type GuaranteeSnapshot } from '../machine/status.js';
import { BREACH_KINDS, MACHINE_EVENTS, type BreachKind, type Status } from '../plan/vocabulary.js';

const sample = (type: MachineEvent['type'], party: string | null, breach: BreachKind | null): MachineEvent => ({
  type,
  at: '2030-01-01',
  rule: 'check',
  clause: 'check',
  party,
  breach,
});

/**
 * One sample of each machine event, and of a breach of every kind: a transition that turns on the kind is explored.
 * Breaches and ceasefire violations are Russia's; a transition that turns on who acted needs its own sample here.
 */
const ALPHABET: MachineEvent[] = MACHINE_EVENTS.flatMap((type) =>
  type === 'BREACH'
    ? BREACH_KINDS.map((kind) => sample(type, 'RU', kind))
    : [
        sample(
          type,
          type === 'CEASEFIRE_VIOLATED' ? 'RU' : null,
          type === 'CEASEFIRE_VIOLATED' ? 'ceasefire-violation' : null,
        ),
      ],
);

/** A snapshot up to what matters for behaviour: the state, whether it entered into force, and capped counters. */
function keyOf(s: GuaranteeSnapshot): string {
  const c = s.context;
  return JSON.stringify([
    s.value,
    c.concludedOn !== null,
    c.implementationOn !== null,
    c.entryIntoForceOn !== null,
    c.termEndsOn !== null,
    c.ceasefireBrokenBy,
    Math.min(c.reliefStepsApplied, c.parameters['relief-steps']),
    Math.min(c.breaches.length, 1),
  ]);
}

interface Edge {
  from: Status;
  to: Status;
  event: MachineEvent['type'];
  entered: boolean;
}

interface StateSpace {
  snapshots: GuaranteeSnapshot[];
  edges: Edge[];
  /** every status (without breaches) a run can be in, deduplicated */
  statuses: Array<Omit<Status, 'breaches'>>;
  /** leaf states of the machine (region.path) never visited */
  unreachable: string[];
}

const explored = new Map<string, StateSpace>();

/** The state space under a rule set's parameters, explored once per process for each (read-only). */
export function exploreStateSpace(parameters: MachineParameters): StateSpace {
  const key = parametersKey(parameters);
  let space = explored.get(key);
  if (!space) explored.set(key, (space = explore(parameters)));
  return space;
}

function explore(parameters: MachineParameters): StateSpace {
  const first = initialSnapshot(parameters);
  const seen = new Map<string, GuaranteeSnapshot>([[keyOf(first), first]]);
  const queue = [first];
  const edges: Edge[] = [];
  while (queue.length > 0) {
    const snap = queue.shift()!;
    for (const event of ALPHABET) {
      const next = nextSnapshot(snap, event);
      edges.push({
        from: statusOf(snap),
        to: statusOf(next),
        event: event.type,
        entered: snap.context.entryIntoForceOn !== null,
      });
      const key = keyOf(next);
      if (!seen.has(key)) {
        seen.set(key, next);
        queue.push(next);
      }
    }
  }
  const snapshots = [...seen.values()];
  const statuses = new Map<string, Omit<Status, 'breaches'>>();
  for (const s of snapshots) {
    const { breaches: _, ...rest } = statusOf(s);
    statuses.set(JSON.stringify(rest), rest);
  }
  const visited = new Set(snapshots.flatMap((s) => [...s._nodes].map((n) => n.path.join('.'))));
  const leaves: string[] = [];
  const walk = (n: AnyStateNode) => {
    const children = Object.values(n.states) as AnyStateNode[];
    if (children.length === 0 && n.path.length > 0) leaves.push(n.path.join('.'));
    children.forEach(walk);
  };
  walk(guaranteeMachine.root);
  return { snapshots, edges, statuses: [...statuses.values()], unreachable: leaves.filter((l) => !visited.has(l)) };
}
