// Rule conditions compiled to plain closures: the same semantics as json-rules-engine, ~100× faster, for batch work.
import { combine, factsRead, type ConditionTrace } from './conditions.js';
import type { RuleOutcome } from './engine.js';
import { plainPath } from './plainPath.js';
import type { LoadedRule, RuleSet } from './load.js';
import { rulesFor } from './ruleSet.js';
import type { Condition, LeafCondition } from './schema.js';

type Facts = Record<string, unknown>;
type Test = (facts: Facts) => boolean;
type Explain = (facts: Facts) => ConditionTrace;

const isNumber = (v: unknown) => Number.parseFloat(v as string).toString() !== 'NaN';

/** json-rules-engine's operators, with their fact-value validators. */
const OPERATORS: Record<string, (a: unknown, b: unknown) => boolean> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => (b as unknown[]).indexOf(a) > -1,
  notIn: (a, b) => (b as unknown[]).indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  containsAll: (a, b) => Array.isArray(a) && Array.isArray(b) && b.every((x) => a.includes(x)),
  lessThan: (a, b) => isNumber(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => isNumber(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => isNumber(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => isNumber(a) && (a as number) >= (b as number),
};

/** A leaf's operator and its two sides; a side that reads one of `constants` is read once, here. */
function leafParts(leaf: LeafCondition, constants?: Facts) {
  const op = OPERATORS[leaf.operator]!;
  const { fact, path } = leaf;
  const known = (name: string) => constants !== undefined && Object.hasOwn(constants, name);
  const ref =
    leaf.value !== null && typeof leaf.value === 'object' && !Array.isArray(leaf.value) ? leaf.value.fact : undefined;
  const lhsValue = known(fact)
    ? path === undefined
      ? constants![fact]
      : plainPath(constants![fact], path)
    : undefined;
  const rhsValue = ref === undefined ? leaf.value : known(ref) ? constants![ref] : undefined;
  const read = known(fact)
    ? () => lhsValue
    : path === undefined
      ? (f: Facts) => f[fact]
      : (f: Facts) => plainPath(f[fact], path);
  const rhs = ref === undefined || known(ref) ? () => rhsValue : (f: Facts) => f[ref];
  const constant = known(fact) && (ref === undefined || known(ref));
  return { op, read, rhs, ref, constant };
}

/** Like compileCondition, with `constants` baked in: a part that depends only on them becomes true or false. */
function foldCondition(c: Condition, constants: Facts): Test | boolean {
  if ('all' in c || 'any' in c) {
    const all = 'all' in c;
    const parts: Test[] = [];
    for (const part of (all ? c.all : c.any).map((x) => foldCondition(x, constants))) {
      if (part === !all) return !all;
      if (typeof part !== 'boolean') parts.push(part);
    }
    if (parts.length === 0) return all;
    if (parts.length === 1) return parts[0]!;
    return all ? (f) => parts.every((p) => p(f)) : (f) => parts.some((p) => p(f));
  }
  if ('not' in c) {
    const inner = foldCondition(c.not, constants);
    return typeof inner === 'boolean' ? !inner : (f) => !inner(f);
  }
  const { op, read, rhs, constant } = leafParts(c, constants);
  if (constant) return op(read({}), rhs({}));
  return (f) => op(read(f), rhs(f));
}

export function compileCondition(c: Condition): Test {
  if ('all' in c) {
    const parts = c.all.map(compileCondition);
    return (f) => parts.every((p) => p(f));
  }
  if ('any' in c) {
    const parts = c.any.map(compileCondition);
    return (f) => parts.some((p) => p(f));
  }
  if ('not' in c) {
    const inner = compileCondition(c.not);
    return (f) => !inner(f);
  }
  const { op, read, rhs } = leafParts(c);
  return (f) => op(read(f), rhs(f));
}

/** Marks a fact not yet decided, for partial evaluation. */
export const UNDECIDED = Symbol('undecided');
type Partial = (facts: Facts) => boolean | null;

/** Three-valued evaluation: null while a fact it reads is UNDECIDED, so a search can prune as early as possible. */
export function compilePartial(c: Condition): Partial {
  if ('all' in c || 'any' in c) {
    const all = 'all' in c;
    const parts = (all ? c.all : c.any).map(compilePartial);
    return (f) => {
      let open = false;
      for (const p of parts) {
        const r = p(f);
        if (r === !all) return !all;
        if (r === null) open = true;
      }
      return open ? null : all;
    };
  }
  if ('not' in c) {
    const inner = compilePartial(c.not);
    return (f) => {
      const r = inner(f);
      return r === null ? null : !r;
    };
  }
  const { op, read, rhs } = leafParts(c);
  return (f) => {
    const a = read(f);
    const b = rhs(f);
    return a === UNDECIDED || b === UNDECIDED ? null : op(a, b);
  };
}

/** Like json-rules-engine's result tree: every leaf evaluated, with the values it saw. */
function compileExplain(c: Condition, constants?: Facts): Explain {
  if ('all' in c || 'any' in c) {
    const all = 'all' in c;
    const parts = (all ? c.all : c.any).map((x) => compileExplain(x, constants));
    return (f) => {
      const children = parts.map((p) => p(f));
      const result = combine(children, all);
      return all ? { all: children, result } : { any: children, result };
    };
  }
  if ('not' in c) {
    const inner = compileExplain(c.not, constants);
    return (f) => {
      const not = inner(f);
      return { not, result: not.result === null ? null : !not.result };
    };
  }
  const { op, read, rhs, ref } = leafParts(c, constants);
  const { fact, path, operator, value } = c;
  const seen = (a: unknown) => (a === undefined ? null : a);
  if (path === undefined && ref === undefined)
    return (f) => {
      const a = read(f);
      return { fact, operator, value, factValue: seen(a), result: op(a, value) };
    };
  if (path === undefined)
    return (f) => {
      const a = read(f);
      const b = rhs(f);
      return { fact, operator, value, factValue: seen(a), valueFactValue: b ?? null, result: op(a, b) };
    };
  if (ref === undefined)
    return (f) => {
      const a = read(f);
      return { fact, path, operator, value, factValue: seen(a), result: op(a, value) };
    };
  return (f) => {
    const a = read(f);
    const b = rhs(f);
    return { fact, path, operator, value, factValue: seen(a), valueFactValue: b ?? null, result: op(a, b) };
  };
}

/** Trees kept per rule; a long timeline repeats a few situations, a short one never fills it. */
const REMEMBERED = 256;
/** Lookups after which a rule whose facts rarely repeat (fewer than a quarter of them) stops being remembered. */
const TRIAL = 512;

/** A list or mapping fact, written so that different values never read the same (primitives are keys themselves). */
function written(v: object): string {
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.map((x) => `${x.length}:${x}`).join('');
  return JSON.stringify(v);
}

/** Where a list or mapping fact's written form branches off: no primitive fact value is this key. */
const WRITTEN = Symbol('written');

type Trie = Map<unknown, Trie | ConditionTrace>;

/**
 * `explain`, giving the tree it gave before when the facts the rule reads are the same: a long run meets the same
 * situations again and again, and one shared tree is built, and written out (render/json.ts), once. Read-only trees.
 */
function remembered(explain: Explain, c: Condition, constants: Facts): Explain {
  const reads = [...new Set(factsRead(c).map((r) => r.fact))].filter((f) => !Object.hasOwn(constants, f));
  // one level per fact read, keyed by its value (Map keys compare as ===, with NaN equal to itself)
  let root: Trie = new Map();
  let trees = 0;
  let lookups = 0;
  let hits = 0;
  return (facts) => {
    if (lookups >= TRIAL && hits * 4 < lookups) return explain(facts);
    lookups++;
    let node = root;
    for (let i = 0; i < reads.length; i++) {
      let v = facts[reads[i]!];
      if (v !== null && typeof v === 'object') {
        node = level(node, WRITTEN);
        v = written(v);
      }
      if (i === reads.length - 1) {
        const tree = node.get(v) as ConditionTrace | undefined;
        if (tree) {
          hits++;
          return tree;
        }
        if (++trees > REMEMBERED) {
          root = new Map();
          trees = 0;
          return explain(facts);
        }
        const made = frozen(explain(facts));
        node.set(v, made);
        return made;
      }
      node = level(node, v);
    }
    return explain(facts); // a rule that reads no fact of the step: nothing to tell its trees apart by
  };
}

/** A tree many steps will share, made read-only node by node (the values it quotes are the rules' and the facts'). */
function frozen(tree: ConditionTrace): ConditionTrace {
  if ('all' in tree) tree.all.forEach(frozen);
  else if ('any' in tree) tree.any.forEach(frozen);
  else if ('not' in tree) frozen(tree.not);
  if ('all' in tree) Object.freeze(tree.all);
  if ('any' in tree) Object.freeze(tree.any);
  return Object.freeze(tree);
}

function level(node: Trie, key: unknown): Trie {
  let next = node.get(key) as Trie | undefined;
  if (!next) node.set(key, (next = new Map()));
  return next;
}

/** A rule's outcome on one step; without `conditions` when only outcomes are wanted. */
export interface Verdict {
  rule: LoadedRule;
  fired: boolean;
  conditions?: ConditionTrace;
}

/** Rules specialised to one run's settings, indexed by the event type each is about. */
export interface CompiledRuleSet {
  /**
   * the rules that can fire on `type` (see rulesFor), fired or not, with the same condition trees as json-rules-engine
   */
  explain(facts: Facts, type: string): RuleOutcome[];
  /** only the rules about `type` that fire, in rule-set order, without trees */
  fire(facts: Facts, type: string): Verdict[];
}

const NONE: never[] = [];

/** Compiles `ruleSet` with `constants` (interpretations, parameters, data lists) baked in; facts then omit them. */
export function compileRuleSet(ruleSet: RuleSet, constants: Facts): CompiledRuleSet {
  type Entry = { rule: LoadedRule; test: Test; explain: Explain; verdict: Verdict };
  const entries: Entry[] = ruleSet.rules.map((rule) => {
    const folded = foldCondition(rule.conditions, constants);
    return {
      rule,
      test: typeof folded === 'boolean' ? () => folded : folded,
      explain: remembered(compileExplain(rule.conditions, constants), rule.conditions, constants),
      verdict: { rule, fired: true },
    };
  });
  const entryOf = new Map(entries.map((e) => [e.rule, e]));
  const byType = new Map<string, Entry[]>();
  const rulesOf = (type: string) => {
    let rules = byType.get(type);
    if (!rules) byType.set(type, (rules = rulesFor(ruleSet, type).map((r) => entryOf.get(r)!)));
    return rules;
  };
  return {
    explain(facts, type) {
      const rules = rulesOf(type);
      if (rules.length === 0) return NONE;
      return rules.map(({ rule, explain }) => {
        const conditions = explain(facts);
        return { rule, fired: conditions.result === true, conditions };
      });
    },
    fire(facts, type) {
      const rules = rulesOf(type);
      let out: Verdict[] | undefined;
      for (const r of rules) if (r.test(facts)) (out ??= []).push(r.verdict);
      return out ?? NONE;
    },
  };
}

/** A verdict that depends on a reading left open (its name): a search over readings fixes it and runs again. */
export class OpenReading {
  constructor(readonly name: string) {}
}

type Open = (facts: Facts) => boolean | string;

/**
 * Like compileCondition with `constants` read in place; a constant that is UNDECIDED makes a part answer with its name.
 */
function compileOpen(c: Condition, constants: Facts): Open {
  if ('all' in c || 'any' in c) {
    const all = 'all' in c;
    const parts = (all ? c.all : c.any).map((x) => compileOpen(x, constants));
    return (f) => {
      let open: string | undefined;
      for (const p of parts) {
        const r = p(f);
        if (r === !all) return !all;
        if (typeof r === 'string') open ??= r;
      }
      return open ?? all;
    };
  }
  if ('not' in c) {
    const inner = compileOpen(c.not, constants);
    return (f) => {
      const r = inner(f);
      return typeof r === 'string' ? r : !r;
    };
  }
  const ref = c.value !== null && typeof c.value === 'object' && !Array.isArray(c.value) ? c.value.fact : undefined;
  const open = [c.fact, ref].find(
    (name) => name !== undefined && Object.hasOwn(constants, name) && constants[name] === UNDECIDED,
  );
  if (open !== undefined) return () => open;
  const { op, read, rhs } = leafParts(c, constants);
  return (f) => op(read(f), rhs(f));
}

/**
 * Only the rules that fire, as CompiledRuleSet.fire; throws
 * OpenReading when a verdict depends on an UNDECIDED constant.
 */
export function compileOpenRuleSet(ruleSet: RuleSet, constants: Facts): (facts: Facts, type: string) => Verdict[] {
  // compiled as event types come: a search runs a short scenario many times, each run with its own constants
  const byType = new Map<string, Array<{ test: Open; verdict: Verdict }>>();
  return (facts, type) => {
    let rules = byType.get(type);
    if (!rules)
      byType.set(
        type,
        (rules = rulesFor(ruleSet, type).map((rule) => ({
          test: compileOpen(rule.conditions, constants),
          verdict: { rule, fired: true },
        }))),
      );
    const out: Verdict[] = [];
    for (const { test, verdict } of rules) {
      const r = test(facts);
      // a data fact a reading sets (e.g. which territories count as Russia) is open with that reading
      if (typeof r === 'string') throw new OpenReading(ruleSet.facts.get(r)?.setBy ?? r);
      if (r) out.push(verdict);
    }
    return out;
  };
}
