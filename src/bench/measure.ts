// What the benchmark times: json-rules-engine alone, the statechart alone, the reference runner, the fast path.
import type { MachineEvent } from '../machine/machine.js';
import { machineParameters } from '../machine/parameters.js';
import { initialSnapshot } from '../machine/scope.js';
import { nextSnapshot } from '../machine/step.js';
import { statusOf } from '../machine/status.js';
import { createEngine, createEvaluator } from '../rules/engine.js';
import type { RuleSet } from '../rules/load.js';
import { openRun, runOutcomes, streamScenario } from '../run/runner.js';
import { machineEvent } from '../run/stepper.js';
import type { LoadedScenario } from '../scenario/load.js';
import type { Status } from '../plan/vocabulary.js';

/** The inputs of the two engines on every step of a scenario, recorded once (untimed) from the fast path. */
interface Inputs {
  facts: Record<string, unknown>[];
  machineEvents: MachineEvent[];
  parameters: Parameters<typeof initialSnapshot>[0];
  final: Status;
}

export function recordInputs(loaded: LoadedScenario, ruleSet: RuleSet): Inputs {
  const run = openRun(loaded, ruleSet, { engine: 'compiled' }, 'outcomes');
  const byName = new Map(ruleSet.rules.map((r) => [r.name, r]));
  const facts: Record<string, unknown>[] = [];
  const machineEvents: MachineEvent[] = [];
  for (let p = run.stepper.next(); p; p = run.stepper.next()) {
    facts.push({ ...p.facts, ...run.ctx.constants });
    const step = run.stepper.apply(p, run.evaluate(p.facts, p.type) as never);
    for (const f of step.fired) {
      machineEvents.push(machineEvent(byName.get(f.rule)!, step.at, p.event));
    }
  }
  return {
    facts,
    machineEvents,
    parameters: machineParameters(run.settings.parameters),
    final: run.stepper.current,
  };
}

/** (a) json-rules-engine alone: a new engine with our rules (as every run makes one), run on each step's facts. */
export async function engineAlone(ruleSet: RuleSet, inputs: Inputs): Promise<void> {
  const engine = createEngine(ruleSet);
  for (const facts of inputs.facts) await engine.run(facts);
}

/**
 * (a') json-rules-engine as the reference path runs it: one
 * engine per event type, holding only the rules that can fire.
 */
export async function indexedEngineAlone(ruleSet: RuleSet, inputs: Inputs): Promise<void> {
  const evaluator = createEvaluator(ruleSet);
  for (const facts of inputs.facts) await evaluator.evaluate(facts);
}

/** (b) the statechart alone: the machine events the rules emitted, through the same reused-scope transition. */
export function statechartAlone(inputs: Inputs): Status {
  let snapshot = initialSnapshot(inputs.parameters);
  for (const event of inputs.machineEvents) snapshot = nextSnapshot(snapshot, event);
  return statusOf(snapshot);
}

/** (c) a runner with full explanations (json-rules-engine or the compiled rules), steps streamed and dropped. */
export async function referencePath(
  loaded: LoadedScenario,
  ruleSet: RuleSet,
  engine: 'reference' | 'compiled' = 'reference',
): Promise<void> {
  const { steps } = streamScenario(loaded, ruleSet, { engine });
  for (let r = await steps.next(); !r.done; r = await steps.next());
}

/** (d) the fast path: compiled rules, outcomes only. */
export function fastPath(loaded: LoadedScenario, ruleSet: RuleSet): void {
  runOutcomes(loaded, ruleSet);
}

/**
 * Median seconds per call of `fn`, repeated until `budget` seconds
 * have passed (at least `min` times), after a warm-up call.
 */
export async function timeIt(fn: () => unknown, budget: number, min = 3, warm = true): Promise<number> {
  if (warm) await fn();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < min || (performance.now() - start) / 1000 < budget) {
    const t0 = performance.now();
    await fn();
    times.push((performance.now() - t0) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
