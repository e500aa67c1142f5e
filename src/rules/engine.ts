// json-rules-engine set up safely: a plain property-walk path resolver, one custom operator, explanations as data.
import { Engine, Operator, type RuleResult } from 'json-rules-engine';
import { rulesFor, type LoadedRule, type RuleSet } from './ruleSet.js';
import { combine, factsRead, type ConditionTrace } from './conditions.js';
import { plainPath } from './plainPath.js';

export interface RuleOutcome {
  rule: LoadedRule;
  fired: boolean;
  conditions: ConditionTrace;
}

/** json-rules-engine's Condition objects after a run, read in place (toJSON would copy the tree first). */
type Raw = {
  all?: Raw[];
  any?: Raw[];
  not?: Raw;
  fact?: string;
  path?: string;
  operator?: string;
  value?: unknown;
  factResult?: unknown;
  valueResult?: unknown;
  result?: boolean;
};

function toTrace(raw: Raw): ConditionTrace {
  if (raw.all) {
    const all = raw.all.map(toTrace);
    return { all, result: combine(all, true) };
  }
  if (raw.any) {
    const any = raw.any.map(toTrace);
    return { any, result: combine(any, false) };
  }
  if (raw.not) {
    const not = toTrace(raw.not);
    return { not, result: not.result === null ? null : !not.result };
  }
  const isRef = raw.value !== null && typeof raw.value === 'object' && !Array.isArray(raw.value);
  const factValue = raw.factResult === undefined ? null : raw.factResult;
  const result = typeof raw.result === 'boolean' ? raw.result : null;
  const { fact, path, operator, value } = raw as Required<Raw>;
  if (path)
    return isRef
      ? { fact, path, operator, value, factValue, valueFactValue: raw.valueResult ?? null, result }
      : { fact, path, operator, value, factValue, result };
  return isRef
    ? { fact, operator, value, factValue, valueFactValue: raw.valueResult ?? null, result }
    : { fact, operator, value, factValue, result };
}

/** json-rules-engine with our rules (or some of them), set up safely (the benchmark measures this engine alone). */
export function createEngine(ruleSet: RuleSet, rules: readonly LoadedRule[] = ruleSet.rules): Engine {
  const engine = new Engine([], {
    allowUndefinedFacts: false,
    pathResolver: plainPath,
    replaceFactsInEventParams: false,
  });
  engine.addOperator(
    new Operator<unknown[], unknown[]>(
      'containsAll',
      (a, b) => Array.isArray(b) && b.every((x) => a.includes(x)),
      Array.isArray,
    ),
  );
  for (const rule of rules) {
    engine.addRule({
      name: rule.name,
      priority: rule.priority ?? 1,
      conditions: rule.conditions as never,
      event: { type: rule.event.type, params: rule.event.params },
    });
  }
  return engine;
}

interface Evaluator {
  evaluate(facts: Record<string, unknown>): Promise<RuleOutcome[]>;
}

/**
 * Engines per run, one per event type with only the rules that can fire on it (an alpha-node index: a
 * rule whose leading type condition fails cannot fire); outcomes (fired, or about this step's event type)
 * come back in rule-set order.
 */
export function createEvaluator(ruleSet: RuleSet): Evaluator {
  const engines = new Map<string, { engine: Engine; reads: string[] }>();
  const byName = new Map(ruleSet.rules.map((r) => [r.name, r]));
  return {
    async evaluate(facts) {
      const type = facts.type as string;
      let entry = engines.get(type);
      if (!entry) {
        const rules = rulesFor(ruleSet, type);
        engines.set(
          type,
          (entry = {
            engine: createEngine(ruleSet, rules),
            reads: [...new Set(rules.flatMap((r) => factsRead(r.conditions).map((read) => read.fact)))],
          }),
        );
      }
      // the engine makes an object per fact it is given: only those its rules read
      const given: Record<string, unknown> = {};
      for (const name of entry.reads) if (Object.hasOwn(facts, name)) given[name] = facts[name];
      const { results, failureResults } = await entry.engine.run(given);
      const outcome = (r: RuleResult, fired: boolean): RuleOutcome => ({
        rule: byName.get(r.name as string)!,
        fired,
        conditions: toTrace(r.conditions as unknown as Raw),
      });
      const about = (r: RuleResult) => byName.get(r.name as string)!.eventTypes.includes(type);
      // rules without a type condition that did not fire are about no event in particular: nobody reads their trees
      return [
        ...results.map((r) => outcome(r, true)),
        ...failureResults.filter(about).map((r) => outcome(r, false)),
      ].sort((a, b) => a.rule.order - b.rule.order);
    },
  };
}
