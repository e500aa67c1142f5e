// The facts a law reads on one step, derived from the status contract, the rules' fact catalogue and the rule set.
import type { z } from 'zod';
import { BREACH_KINDS, RULE_EMITS } from '../plan/vocabulary.js';
import { EVENT_FACTS, type FactSpec } from '../rules/facts.js';
import type { RuleSet } from '../rules/load.js';
import { Expectation } from '../scenario/schema.js';

type Unwrappable = z.ZodType & { unwrap?: () => z.ZodType; options?: unknown[]; def: { type: string } };

/** Each status region an expectation can name, with its values: the status contract, read from the scenario schema. */
function statusRegions(): Array<{ name: string; values: string[]; nullable: boolean }> {
  const out: Array<{ name: string; values: string[]; nullable: boolean }> = [];
  for (const [name, field] of Object.entries((Expectation as unknown as { shape: Record<string, z.ZodType> }).shape)) {
    let schema = field as Unwrappable;
    let nullable = false;
    while (typeof schema.unwrap === 'function' && ['optional', 'nullable'].includes(schema.def.type)) {
      if (schema.def.type === 'nullable') nullable = true;
      schema = schema.unwrap() as Unwrappable;
    }
    if (schema.def.type === 'enum' && Array.isArray(schema.options))
      out.push({ name, values: schema.options.map(String), nullable });
  }
  return out;
}

const REGIONS = statusRegions();
const EVENT_NAMES = EVENT_FACTS.map((f) => f.name);
const step = (name: string, type: FactSpec['type'], about: string): FactSpec => ({
  name,
  source: 'history',
  type,
  about,
});

/**
 * Every fact a law may read: before./after. each region, event. each event
 * fact, the history, readings, parameters and data lists, the step's rules.
 */
export function lawFacts(ruleSet: RuleSet): Map<string, FactSpec> {
  const specs: FactSpec[] = [];
  for (const r of REGIONS) {
    specs.push(
      step(`before.${r.name}`, { kind: 'enum', values: r.values, nullable: r.nullable }, `${r.name} before the step`),
    );
    specs.push(
      step(`after.${r.name}`, { kind: 'enum', values: r.values, nullable: r.nullable }, `${r.name} after the step`),
    );
  }
  specs.push(step('after.newBreaches', { kind: 'number', nullable: false }, 'how many breaches the step recorded'));
  specs.push(step('after.newBreachKinds', { kind: 'list', of: BREACH_KINDS }, 'the kinds of breach the step recorded'));
  for (const f of ruleSet.facts.values()) specs.push(f.source === 'event' ? { ...f, name: `event.${f.name}` } : f);
  specs.push(
    step('step.fired', { kind: 'list', of: ruleSet.rules.map((r) => r.name) }, 'the rules that fired on the step'),
  );
  specs.push(step('step.emits', { kind: 'list', of: RULE_EMITS }, "the machine events the step's rules emitted"));
  specs.push(
    step(
      'step.acknowledged',
      { kind: 'boolean', nullable: false },
      'the rules that fired include an overlap acknowledged in ambiguities.json',
    ),
  );
  return new Map(specs.map((s) => [s.name, s]));
}

/** The catalogue fact a law's fact name stands for (event.by → by), or undefined for before./after./step. facts. */
export function ruleFactOf(name: string, ruleSet: RuleSet): string | undefined {
  if (name.startsWith('event.')) return EVENT_NAMES.includes(name.slice(6)) ? name.slice(6) : undefined;
  return ruleSet.facts.has(name) ? name : undefined;
}

interface StepForLaws {
  before: object;
  after: object;
  newBreachKinds: readonly string[];
  /** the rules' facts of the step: event fields, history, readings, parameters, data lists */
  facts: Record<string, unknown>;
  fired: ReadonlyArray<{ name: string; emits: string }>;
}

const EVENT_NAME_SET = new Set<string>(EVENT_NAMES);
/** Each law fact's name made once: a name built anew on every step is a new string for every property it sets. */
const EVENT_KEYS = EVENT_NAMES.map((name) => [name, `event.${name}`] as const);
const REGION_KEYS = REGIONS.map((r) => [r.name, `before.${r.name}`, `after.${r.name}`] as const);

/** The facts of one step as a law sees them. */

export function stepLawFacts(s: StepForLaws, ambiguities: RuleSet['ambiguities']): Record<string, unknown> {
  // built key by key, never deleted from: an object that loses properties turns slow for every later read
  const facts: Record<string, unknown> = {};
  for (const key of Object.keys(s.facts)) if (!EVENT_NAME_SET.has(key)) facts[key] = s.facts[key];
  for (const [name, key] of EVENT_KEYS) facts[key] = s.facts[name];
  for (const [name, before, after] of REGION_KEYS) {
    facts[before] = (s.before as Record<string, unknown>)[name] ?? null;
    facts[after] = (s.after as Record<string, unknown>)[name] ?? null;
  }
  facts['after.newBreaches'] = s.newBreachKinds.length;
  facts['after.newBreachKinds'] = s.newBreachKinds;
  const names = s.fired.map((f) => f.name);
  facts['step.fired'] = names;
  facts['step.emits'] = s.fired.map((f) => f.emits);
  facts['step.acknowledged'] = ambiguities.some((a) => a.rules.every((r) => names.includes(r)));
  return facts;
}
