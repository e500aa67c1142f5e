// Reading the statechart: snapshot → Status, and which regions react to an event.
import type { AnyStateNode, SnapshotFrom } from 'xstate';
import type { MachineEventType, Region, Status } from '../plan/vocabulary.js';
import { guaranteeMachine } from './machine.js';

export type GuaranteeSnapshot = SnapshotFrom<typeof guaranteeMachine>;

type Value = string | { [key: string]: Value };

function leafPath(value: Value): string[] {
  if (typeof value === 'string') return [value];
  for (const key in value) return [key, ...leafPath(value[key]!)];
  return [];
}

/** One Status per snapshot: an event that changes nothing gives the same snapshot, and so the same Status. */
const statuses = new WeakMap<GuaranteeSnapshot, Status>();

export function statusOf(snapshot: GuaranteeSnapshot): Status {
  let status = statuses.get(snapshot);
  if (!status) statuses.set(snapshot, (status = readStatus(snapshot)));
  return status;
}

function readStatus(snapshot: GuaranteeSnapshot): Status {
  const value = snapshot.value as Record<string, Value>;
  const [guarantee, phase] = leafPath(value.guarantee!);
  return {
    agreement: value.agreement as Status['agreement'],
    guarantee: guarantee as Status['guarantee'],
    guaranteePhase: (phase ?? null) as Status['guaranteePhase'],
    ceasefire: value.ceasefire as Status['ceasefire'],
    sanctions: value.sanctions as Status['sanctions'],
    russiaBenefits: value.russiaBenefits as Status['russiaBenefits'],
    breaches: snapshot.context.breaches,
  };
}

/** A state node and every node under it. */
export function descendants(node: AnyStateNode): AnyStateNode[] {
  return [node, ...Object.values(node.states).flatMap((child) => descendants(child as AnyStateNode))];
}

const handling = new Map<MachineEventType, Region[]>();

/** The status regions that react to `type` somewhere (read from the machine definition). */
export function regionsHandling(type: MachineEventType): Region[] {
  const known = handling.get(type);
  if (known) return [...known];
  const regions: Region[] = Object.entries(guaranteeMachine.root.states)
    .filter(([, region]) => descendants(region as AnyStateNode).some((n) => n.ownEvents.includes(type)))
    .map(([name]) => name as Region);
  if (guaranteeMachine.root.ownEvents.includes(type)) regions.push('breaches');
  handling.set(type, regions);
  return [...regions];
}

/** The events a region reacts to while in one of `states` (e.g. what can change a guarantee in force). */
export function eventsHandledIn(region: string, states: readonly string[]): string[] {
  const node = guaranteeMachine.root.states[region] as AnyStateNode | undefined;
  if (!node) return [];
  const events = states.flatMap((s) => descendants(node.states[s] as AnyStateNode).flatMap((n) => n.ownEvents));
  return [...new Set(events)].sort();
}
