// Driving the statechart purely with one reused actor scope: XState's transition() builds a new scope every call.
import { createActor, initialTransition, type ActorScope } from 'xstate';
import type { GuaranteeSnapshot } from './status.js';
import { guaranteeMachine, type MachineEvent } from './machine.js';
import { machineParameters, parametersKey, type MachineParameters } from './parameters.js';

type Scope = ActorScope<GuaranteeSnapshot, MachineEvent>;

let shared: Scope | undefined;

/**
 * An inert scope like the one xstate's pure transition() makes:
 * no clock, no children, actions only recorded by the machine.
 */
function scope(): Scope {
  if (shared) return shared;
  // never started: its parameters are never read
  const self = createActor(guaranteeMachine, { input: { parameters: machineParameters({}) } });
  const noop = () => {};
  shared = {
    self,
    system: self.system,
    id: '',
    sessionId: '',
    logger: noop,
    defer: noop,
    stopChild: noop,
    emit: noop,
    actionExecutor: noop,
  } as unknown as Scope;
  return shared;
}

const initial = new Map<string, GuaranteeSnapshot>();

/** The snapshot before any event; shared between runs with the same parameters (snapshots are never mutated). */
export function initialSnapshot(parameters: MachineParameters): GuaranteeSnapshot {
  const key = parametersKey(parameters);
  let snapshot = initial.get(key);
  if (!snapshot) initial.set(key, (snapshot = initialTransition(guaranteeMachine, { parameters })[0]));
  return snapshot;
}

/** The next snapshot as xstate computes it: the reference the memoised step (step.ts) is tested against. */
export function xstateNext(snapshot: GuaranteeSnapshot, event: MachineEvent): GuaranteeSnapshot {
  return guaranteeMachine.transition(snapshot, event, scope());
}
