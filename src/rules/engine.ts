// json-rules-engine set up safely: a plain property-walk path resolver, one custom operator, explanations as data.
import { Engine, Operator, type RuleResult } from 'json-rules-engine';
import { rulesFor, type LoadedRule, type RuleSet } from './ruleSet.js';
import { combine, factsRead, type ConditionTrace } from './conditions.js';
import { plainPath } from './plainPath.js';
import type { Condition, LeafCondition } from './schema.js';

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

/**
 * json-rules-engine with our rules (or some of them), set up safely (the benchmark measures this engine alone). With
 * `indexed`, each rule comes without its leading type condition, which the index has already tested, and without the
 * params of its event, which the evaluator reads from the rule set: the engine copies both for every rule it runs.
 */
export function createEngine(ruleSet: RuleSet, rules: readonly LoadedRule[] = ruleSet.rules, indexed = false): Engine {
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
    const typed = indexed && rule.eventTypes.length > 0;
    engine.addRule({
      name: rule.name,
      priority: rule.priority ?? 1,
      conditions: (typed ? { all: rule.conditions.all.slice(1) } : rule.conditions) as never,
      event: indexed ? { type: rule.event.type } : { type: rule.event.type, params: rule.event.params },
    });
  }
  return engine;
}

/** The rules about one event type in their own engine, and the facts they read (per rule set: built once). */
const typedEngines = new WeakMap<RuleSet, Map<string, { rules: LoadedRule[]; reads: string[] }>>();

function indexFor(ruleSet: RuleSet, type: string): { rules: LoadedRule[]; reads: string[] } {
  let byType = typedEngines.get(ruleSet);
  if (!byType) typedEngines.set(ruleSet, (byType = new Map()));
  let found = byType.get(type);
  if (!found) {
    const rules = rulesFor(ruleSet, type);
    const left = rules.map((r) => (r.eventTypes.length > 0 ? { all: r.conditions.all.slice(1) } : r.conditions));
    const reads = [...new Set(left.flatMap((c) => factsRead(c as Condition).map((read) => read.fact)))];
    byType.set(type, (found = { rules, reads }));
  }
  return found;
}

/** The trace of a rule run without its leading type condition, with that condition put back as the index saw it. */
function withTypeCondition(rule: LoadedRule, type: string, rest: ConditionTrace): ConditionTrace {
  if (rule.eventTypes.length === 0 || !('all' in rest)) return rest;
  const { operator, value } = rule.conditions.all[0] as LeafCondition;
  const lead: ConditionTrace = { fact: 'type', operator, value, factValue: type, result: true };
  const all = [lead, ...rest.all];
  return { all, result: combine(all, true) };
}

interface Evaluator {
  evaluate(facts: Record<string, unknown>): Promise<RuleOutcome[]>;
}

/**
 * Engines per run, one per event type with only the rules that can fire on it (an alpha-node index: a rule whose
 * leading type condition fails cannot fire, and one that is in the engine has passed it); outcomes (fired, or about
 * this step's event type) come back in rule-set order, their traces as if the engine had tested the type too.
 */
export function createEvaluator(ruleSet: RuleSet): Evaluator {
  const engines = new Map<string, { engine: Engine; reads: string[] }>();
  const byName = new Map(ruleSet.rules.map((r) => [r.name, r]));
  return {
    async evaluate(facts) {
      const type = facts.type as string;
      let entry = engines.get(type);
      if (!entry) {
        const { rules, reads } = indexFor(ruleSet, type);
        engines.set(type, (entry = { engine: createEngine(ruleSet, rules, true), reads }));
      }
      // the engine makes an object per fact it is given: only those its rules read
      const given: Record<string, unknown> = {};
      for (const name of entry.reads) if (Object.hasOwn(facts, name)) given[name] = facts[name];
      const { results, failureResults } = await entry.engine.run(given);
      const outcome = (r: RuleResult, fired: boolean): RuleOutcome => {
        const rule = byName.get(r.name as string)!;
        return { rule, fired, conditions: withTypeCondition(rule, type, toTrace(r.conditions as unknown as Raw)) };
      };
      const about = (r: RuleResult) => byName.get(r.name as string)!.eventTypes.includes(type);
      // rules without a type condition that did not fire are about no event in particular: nobody reads their trees
      return [
        ...results.map((r) => outcome(r, true)),
        ...failureResults.filter(about).map((r) => outcome(r, false)),
      ].sort((a, b) => a.rule.order - b.rule.order);
    },
  };
}
