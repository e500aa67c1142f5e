// The runner: Scenario × RuleSet → Trace. Pure and deterministic; simulated time, deadlines injected as steps.
import { machineParameters } from '../machine/parameters.js';
import { compileOpenRuleSet, compileRuleSet, UNDECIDED, type CompiledRuleSet, type Verdict } from '../rules/compile.js';
import type { RuleSet } from '../rules/load.js';
import type { LoadedScenario } from '../scenario/load.js';
import { InputError } from '../issues/issue.js';
import { ExpectationTracker } from './expect.js';
import { BASE_PLAN } from '../rules/versions.js';
import { expectationApplies, openFacts } from './openFacts.js';
import { factContext, type FactContext } from './facts.js';
import { resolveSettings, type ResolvedSettings } from './settings.js';
import { Stepper, type Recording, type StepOf } from './stepper.js';
import type { OutcomeStep, Sensitivity, Step, Trace, TraceEnd, TraceHead } from './trace.js';

export interface RunOptions {
  /** interpretation and parameter overrides, as from repeated --set name=value */
  set?: Record<string, string>;
  /** the compiled closures (default) or json-rules-engine, the reference that defines what a rule means (same trace) */
  engine?: 'reference' | 'compiled';
  /** interpretations left open (compiled outcomes only): a step whose rules depend on one throws OpenReading */
  open?: readonly string[];
  /** computed beforehand (whatif/sensitivity), carried into the trace after the final status */
  sensitivity?: Sensitivity;
}

type Evaluate = (facts: Record<string, unknown>, type: string) => readonly Verdict[] | Promise<readonly Verdict[]>;

/** Compiled rule sets, per rule set and per settings (which they bake in). */
const compiled = new WeakMap<RuleSet, Map<string, CompiledRuleSet>>();

const MAX_COMPILED = 64;

function compiledFor(ruleSet: RuleSet, ctx: FactContext): CompiledRuleSet {
  let bySettings = compiled.get(ruleSet);
  if (!bySettings) compiled.set(ruleSet, (bySettings = new Map()));
  // the data lists are the rule set's own, so the readings and
  // parameters are the whole key (batch work asks once per run)
  const key = JSON.stringify([ctx.settings.interpretations, ctx.settings.parameters]);
  let rules = bySettings.get(key);
  if (!rules) {
    // a bounded cache: a matrix or a long-lived server meets thousands of settings, each compiled set a few hundred kB
    if (bySettings.size >= MAX_COMPILED) bySettings.delete(bySettings.keys().next().value!);
    bySettings.set(key, (rules = compileRuleSet(ruleSet, ctx.constants)));
  }
  return rules;
}

/** The pieces of one run: the stepper, the rules' evaluator, the heading and the expectation checks. */
interface OpenRun<R extends Recording> {
  settings: ResolvedSettings;
  ctx: FactContext;
  stepper: Stepper<R>;
  evaluate: Evaluate;
  head: TraceHead;
  tracker: ExpectationTracker<StepOf<R>>;
}

/** Sets a run up without taking a step; the drivers below (and the benchmark) take the steps. */
export function openRun<R extends Recording>(
  loaded: LoadedScenario,
  ruleSet: RuleSet,
  options: RunOptions,
  recording: R,
): OpenRun<R> {
  const { scenario } = loaded;
  const open = openFacts(loaded);
  if (open.length > 0) {
    throw new InputError(
      open.map((f) => ({
        code: 'open-fact',
        file: loaded.file,
        line: f.line,
        column: 1,
        path: `events[${f.event}].${f.field}`,
        message: `${f.field} is unknown, so this scenario has more than one outcome`,
        hint: `casus run and casus test show every branch; elsewhere choose one with --assume ${f.key}=true (or false)`,
      })),
    );
  }
  const settings = resolveSettings(ruleSet, scenario, options.set);
  const ctx = factContext(ruleSet, settings);
  const reference = options.engine === 'reference';
  let evaluate: Evaluate;
  if (reference) {
    // json-rules-engine is loaded only when asked for: the compiled path starts without it
    let engine: Promise<{ evaluate: (facts: Record<string, unknown>) => Promise<readonly Verdict[]> }> | undefined;
    evaluate = async (facts) =>
      (await (engine ??= import('../rules/engine.js').then((m) => m.createEvaluator(ruleSet)))).evaluate(facts);
  } else if (options.open?.length) {
    for (const name of options.open) {
      ctx.constants[name] = UNDECIDED;
      for (const [fact, spec] of ruleSet.facts) if (spec.setBy === name) ctx.constants[fact] = UNDECIDED;
    }
    evaluate = compileOpenRuleSet(ruleSet, ctx.constants);
  } else {
    const rules = compiledFor(ruleSet, ctx);
    evaluate =
      recording === 'full' ? (facts, type) => rules.explain(facts, type) : (facts, type) => rules.fire(facts, type);
  }
  const parameters = machineParameters(settings.parameters);
  const horizon = scenario.until ?? scenario.events[scenario.events.length - 1]!.at;
  const stepper = new Stepper(loaded, ctx, parameters, recording, reference, horizon);
  const head: TraceHead = {
    scenario: scenario.scenario,
    title: scenario.title,
    file: loaded.file,
    interpretations: settings.interpretations,
    parameters: settings.parameters,
    assumptions: settings.assumptions,
    assumed: loaded.assumed ?? {},
    defaults: settings.defaults,
    plan: ruleSet.plan
      ? {
          version: ruleSet.plan.version,
          title: ruleSet.plan.title,
          changes: ruleSet.plan.changes.length + ruleSet.plan.inherited.reduce((n, v) => n + v.changes.length, 0),
        }
      : null,
    initial: stepper.initial,
  };
  const applicable = (scenario.expect ?? [])
    .map((x, i) => ({ x, line: loaded.expectLines[i] ?? 0 }))
    .filter(
      ({ x }) =>
        expectationApplies(loaded, x.assuming) &&
        (x.plan === undefined || x.plan === (ruleSet.plan?.version ?? BASE_PLAN)),
    );
  const tracker = new ExpectationTracker<StepOf<R>>(
    applicable.map((a) => a.x),
    applicable.map((a) => a.line),
    stepper.initial,
  );
  return { settings, ctx, stepper, evaluate, head, tracker };
}

function endOf<R extends Recording>(p: OpenRun<R>, ruleSet: RuleSet, sensitivity?: Sensitivity): TraceEnd {
  const final = p.stepper.current;
  return {
    horizon: p.stepper.horizon,
    final,
    ...(sensitivity ? { sensitivity } : {}),
    milestones: p.stepper.milestones(),
    clauses: ruleSet.clauses.clauses,
    expectations: p.tracker.finish(final),
  };
}

type StreamEnd = TraceEnd & {
  /** the steps expectations were checked against, by index */ expectationSteps: Map<number, Step>;
};

/** A run whose steps are handed out one at a time, never held: for long scenarios and streaming reporters. */
export interface StepStream {
  head: TraceHead;
  /** the steps; when done, the rest of the trace */
  steps: AsyncGenerator<Step, StreamEnd>;
  /** the rest of the trace, once every step has been taken */
  end(): StreamEnd;
}

export function streamScenario(loaded: LoadedScenario, ruleSet: RuleSet, options: RunOptions = {}): StepStream {
  const p = openRun(loaded, ruleSet, options, 'full');
  let end: StreamEnd | undefined;
  async function* steps() {
    for (let pending = p.stepper.next(); pending; pending = p.stepper.next()) {
      const verdicts = p.evaluate(pending.facts, pending.type);
      // the compiled rules answer at once: awaiting them would cost a turn of the microtask queue per step
      const step = p.stepper.apply(pending, verdicts instanceof Promise ? await verdicts : verdicts);
      p.tracker.observe(step.index, step.at, step.status, step);
      yield step;
    }
    return (end = { ...endOf(p, ruleSet, options.sensitivity), expectationSteps: p.tracker.steps });
  }
  return {
    head: p.head,
    steps: steps(),
    end() {
      if (!end) throw new Error('the run has steps left');
      return end;
    },
  };
}

export async function runScenario(loaded: LoadedScenario, ruleSet: RuleSet, options: RunOptions = {}): Promise<Trace> {
  const { head, steps } = streamScenario(loaded, ruleSet, options);
  const all: Step[] = [];
  for (let r = await steps.next(); ; r = await steps.next()) {
    if (r.done) {
      const { horizon, final, sensitivity, milestones, clauses, expectations } = r.value;
      return {
        ...head,
        steps: all,
        horizon,
        final,
        ...(sensitivity ? { sensitivity } : {}),
        milestones,
        clauses,
        expectations,
      };
    }
    all.push(r.value);
  }
}

/** The fast path: compiled rules, outcomes only, synchronous. For batch work (simulate, matrix, sweep, check). */
export function runOutcomes(
  loaded: LoadedScenario,
  ruleSet: RuleSet,
  options: Pick<RunOptions, 'set' | 'open'> = {},
  onStep?: (step: OutcomeStep) => void,
): Omit<TraceEnd, 'clauses'> & { initial: TraceHead['initial'] } {
  const p = openRun(loaded, ruleSet, { ...options, engine: 'compiled' }, 'outcomes');
  for (let pending = p.stepper.next(); pending; pending = p.stepper.next()) {
    const step = p.stepper.apply(pending, p.evaluate(pending.facts, pending.type) as readonly Verdict[]);
    p.tracker.observe(step.index, step.at, step.status, step);
    onStep?.(step);
  }
  const { clauses: _, ...end } = endOf(p, ruleSet);
  return { initial: p.head.initial, ...end };
}
