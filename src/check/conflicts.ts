// Rules that fire on the same event with incompatible outcomes, found by enumerating the finite input domain.
import type { AnyStateNode } from 'xstate';
import { guaranteeMachine } from '../machine/machine.js';
import { TERMINAL_GUARANTEE } from '../plan/vocabulary.js';
import { compilePartial, UNDECIDED } from '../rules/compile.js';
import { dataFacts, readingFacts } from '../rules/facts.js';
import { emptyStepFacts } from '../run/facts.js';
import type { LoadedRule, RuleSet } from '../rules/load.js';
import { factsRead } from '../rules/conditions.js';
import { SEARCH_BOUNDS, type SearchBounds } from './bounds.js';
import { domainSize, type Domain } from './domain.js';

/** What an emitted event does to a guarantee in force, read from the statechart: the state it leads to. */
export function effectInForce(emit: string): string | undefined {
  const inForce = (guaranteeMachine.root.states.guarantee as AnyStateNode).states['in-force'] as AnyStateNode;
  const target = inForce.on[emit]?.[0]?.target?.[0];
  return target?.key;
}

const TERMINAL = new Set<string>(TERMINAL_GUARANTEE);
const incompatible = (a?: string, b?: string) =>
  a !== undefined &&
  b !== undefined &&
  a !== b &&
  (TERMINAL.has(a) || a === 'invoked') &&
  (TERMINAL.has(b) || b === 'invoked') &&
  (TERMINAL.has(a) || TERMINAL.has(b));

/** The neutral value of every fact: an event with no optional fields, empty history, default settings. */
export function baseFacts(ruleSet: RuleSet): Record<string, unknown> {
  const base = { ...emptyStepFacts(), ...dataFacts(ruleSet.gazetteer) };
  for (const i of ruleSet.settings.interpretations) base[i.name] = i.readings[0]!.value;
  Object.assign(
    base,
    readingFacts(
      ruleSet.settings,
      Object.fromEntries(ruleSet.settings.interpretations.map((i) => [i.name, i.readings[0]!.value])),
    ),
  );
  for (const p of ruleSet.settings.parameters) base[p.name] = p.value;
  return base;
}

export interface Overlap {
  rules: [string, string];
  outcomes: [string, string];
  /** where the guarantee ends up: the statechart applies the rules in priority order */
  applied: string;
  eventType: string;
  /** the smallest event (fewest stated fields) on which both fire */
  example: Record<string, unknown>;
  /** the readings, other than the defaults, under which the example is one */
  exampleReadings: Record<string, string>;
  /** interpretation → the readings under which they fire together (all readings when unlisted) */
  readings: Record<string, string[]>;
  combinations: number;
}

const stated = (a: Record<string, unknown>) =>
  Object.values(a).filter((v) => v !== null && !(Array.isArray(v) && v.length === 0)).length;
const unordered = (a: string[], b: string[]) => a.every((x) => b.includes(x)) && b.every((x) => a.includes(x));

/** Where the search for overlaps stopped short, and why. */
export interface SearchStop {
  bound: keyof SearchBounds;
  limit: number;
  /** pairs examined before stopping, of all the pairs with incompatible outcomes */
  pairsExamined: number;
  pairs: number;
}

/** Enumerates, for every rule (alone) and every conflicting pair, the domain of the facts they read. */
export class DomainSearch {
  /** set when overlaps() stopped at a bound: its findings are then incomplete */
  stopped: SearchStop | undefined;
  private nodeLimit = Infinity;
  private readonly base: Record<string, unknown>;
  private readonly tests: Map<string, (f: Record<string, unknown>) => boolean | null>;
  /** combinations of fact values covered, and search nodes actually visited */
  combinations = 0;
  nodes = 0;

  constructor(
    private readonly ruleSet: RuleSet,
    private readonly domain: Domain,
  ) {
    this.base = baseFacts(ruleSet);
    this.tests = new Map(ruleSet.rules.map((r) => [r.name, compilePartial(r.conditions)]));
  }

  /** Depth-first over the dimensions, pruning as soon as one rule's conditions are definitely false. */
  private *firing(rules: LoadedRule[]): Generator<{ type: string; assignment: Record<string, unknown> }> {
    const types = rules.map((r) => r.eventTypes).reduce((a, b) => a.filter((t) => b.includes(t)));
    const read = rules.flatMap((r) => factsRead(r.conditions));
    const tests = rules.map((r) => this.tests.get(r.name)!);
    for (const type of types) {
      const dims = this.domain.dimensions(type, read);
      const facts: Record<string, unknown> = { ...this.base, type };
      for (const d of dims) Object.assign(facts, Object.fromEntries(d.facts.map((k) => [k, UNDECIDED])));
      const chosen: Array<Record<string, unknown>> = [];
      const search = function* (
        this: DomainSearch,
        depth: number,
      ): Generator<{ type: string; assignment: Record<string, unknown> }> {
        if (++this.nodes > this.nodeLimit) return;
        const results = tests.map((t) => t(facts));
        if (results.includes(false)) return;
        if (facts.by !== UNDECIDED && facts.by !== null && facts.by === facts.against) return;
        if (depth === dims.length) {
          yield { type, assignment: Object.assign({}, ...chosen) };
          return;
        }
        const dim = dims[depth]!;
        for (const values of dim.values) {
          Object.assign(facts, values);
          chosen.push(values);
          yield* search.call(this, depth + 1);
          chosen.pop();
        }
        Object.assign(facts, Object.fromEntries(dim.facts.map((k) => [k, UNDECIDED])));
      };
      this.combinations += domainSize(dims);
      yield* search.call(this, 0);
    }
  }

  /** One event on which the rule fires, or undefined if its conditions can never all hold. */
  canFire(rule: LoadedRule): { type: string; assignment: Record<string, unknown> } | undefined {
    for (const hit of this.firing([rule])) return hit;
    return undefined;
  }

  /** How much an example asks of a reader: stated fields first, then readings away from their defaults. */
  private size(a: Record<string, unknown>): number {
    const moved = this.ruleSet.settings.interpretations.filter(
      (x) => x.name in a && a[x.name] !== x.readings[0]!.value,
    ).length;
    return stated(a) * 100 + moved;
  }

  overlaps(bounds: SearchBounds = SEARCH_BOUNDS): Overlap[] {
    const rules = this.ruleSet.rules.filter((r) => effectInForce(r.event.type) !== undefined);
    const pairs: Array<[LoadedRule, LoadedRule]> = [];
    for (let i = 0; i < rules.length; i++) {
      for (let j = i + 1; j < rules.length; j++)
        if (incompatible(effectInForce(rules[i]!.event.type), effectInForce(rules[j]!.event.type)))
          pairs.push([rules[i]!, rules[j]!]);
    }
    this.nodeLimit = this.nodes + bounds.nodes;
    const out: Overlap[] = [];
    for (const [examined, [a, b]] of pairs.entries()) {
      if (examined >= bounds.pairs) {
        this.stopped = { bound: 'pairs', limit: bounds.pairs, pairsExamined: examined, pairs: pairs.length };
        break;
      }
      {
        const [ea, eb] = [effectInForce(a.event.type)!, effectInForce(b.event.type)!];
        let example: { type: string; assignment: Record<string, unknown> } | undefined;
        const readings = new Map<string, Set<string>>();
        for (const hit of this.firing([a, b])) {
          if (!example || this.size(hit.assignment) < this.size(example.assignment)) example = hit;
          for (const i of this.ruleSet.settings.interpretations)
            if (i.name in hit.assignment)
              (readings.get(i.name) ?? readings.set(i.name, new Set()).get(i.name)!).add(
                String(hit.assignment[i.name]),
              );
        }
        if (this.nodes > this.nodeLimit) {
          // this pair was cut short: what it found is incomplete, so it is not reported
          this.stopped = { bound: 'nodes', limit: bounds.nodes, pairsExamined: examined, pairs: pairs.length };
          break;
        }
        if (!example) continue;
        const [first, second] = (a.priority ?? 1) >= (b.priority ?? 1) ? [ea, eb] : [eb, ea];
        const limited = [...readings].filter(
          ([name, values]) =>
            !unordered(
              [...values],
              this.ruleSet.settings.interpretations.find((x) => x.name === name)!.readings.map((r) => r.value),
            ),
        );
        out.push({
          rules: [a.name, b.name],
          outcomes: [ea, eb],
          applied: first === 'invoked' ? second : first,
          eventType: example.type,
          example: Object.fromEntries(
            Object.entries(example.assignment).filter(
              ([k, v]) =>
                v !== null &&
                !this.ruleSet.settings.interpretations.some((x) => x.name === k) &&
                this.ruleSet.facts.get(k)?.source !== 'data',
            ),
          ),
          exampleReadings: Object.fromEntries(
            this.ruleSet.settings.interpretations
              .filter((x) => x.name in example.assignment && example.assignment[x.name] !== x.readings[0]!.value)
              .map((x) => [x.name, String(example.assignment[x.name])]),
          ),
          readings: Object.fromEntries(limited.map(([name, values]) => [name, [...values].sort()])),
          combinations: domainSize(
            this.domain.dimensions(example.type, [...factsRead(a.conditions), ...factsRead(b.conditions)]),
          ),
        });
      }
    }
    this.nodeLimit = Infinity;
    return out;
  }
}
