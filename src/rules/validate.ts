// Checks a rule's conditions against the fact catalogue, so the engine never meets an unknown fact, operator or value.
import { PARTIES } from '../plan/parties.js';
import { didYouMean, listOf } from '../plan/suggest.js';
import type { FactSpec, FactType } from './facts.js';
import type { Condition, LeafCondition, RuleDef } from './schema.js';

interface RuleProblem {
  path: PropertyKey[];
  message: string;
  hint?: string;
}

type Scalar = string | number | boolean | null;
const NUMERIC = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);
const SCALAR_OPS = new Set(['equal', 'notEqual', 'in', 'notIn', ...NUMERIC]);
const LIST_OPS = new Set(['contains', 'doesNotContain', 'containsAll']);

interface Domain {
  describe: string;
  accepts(v: Scalar): boolean;
  words: readonly string[];
}

function scalarDomain(type: FactType, places: readonly string[]): Domain {
  const nul = 'nullable' in type && type.nullable;
  const withNull = (ok: (v: Scalar) => boolean) => (v: Scalar) => (v === null ? nul : ok(v));
  switch (type.kind) {
    case 'enum':
      return {
        describe: `one of ${listOf(type.values.map(String))}${nul ? ' or null' : ''}`,
        accepts: withNull((v) => type.values.includes(v as string)),
        words: type.values.map(String),
      };
    case 'boolean':
      return {
        describe: `true or false${nul ? ' or null' : ''}`,
        accepts: withNull((v) => typeof v === 'boolean'),
        words: ['true', 'false'],
      };
    case 'number':
      return { describe: 'a number', accepts: withNull((v) => typeof v === 'number' && Number.isFinite(v)), words: [] };
    case 'party':
      return {
        describe: 'a party code such as UA',
        accepts: withNull((v) => typeof v === 'string' && PARTIES.includes(v)),
        words: PARTIES,
      };
    case 'place':
      return {
        describe: `a place the gazetteer names (${listOf(places)})`,
        accepts: withNull((v) => typeof v === 'string' && places.includes(v)),
        words: places,
      };
    case 'record':
      return {
        describe: 'a number or null',
        accepts: (v) => v === null || (typeof v === 'number' && Number.isFinite(v)),
        words: [],
      };
    case 'list':
      return type.of === 'party'
        ? {
            describe: 'a party code such as UA',
            accepts: (v) => typeof v === 'string' && PARTIES.includes(v),
            words: PARTIES,
          }
        : {
            describe: `one of ${listOf(type.of)}`,
            accepts: (v) => typeof v === 'string' && (type.of as readonly string[]).includes(v),
            words: type.of as readonly string[],
          };
  }
}

function isList(type: FactType) {
  return type.kind === 'list';
}

function checkLeaf(
  leaf: LeafCondition,
  at: PropertyKey[],
  facts: Map<string, FactSpec>,
  places: readonly string[],
): RuleProblem[] {
  const spec = facts.get(leaf.fact);
  if (!spec)
    return [
      {
        path: [...at, 'fact'],
        message: `unknown fact "${leaf.fact}"`,
        hint: didYouMean(leaf.fact, [...facts.keys()]) ?? `known facts: ${listOf([...facts.keys()], 40)}`,
      },
    ];
  const type = spec.type;
  const problems: RuleProblem[] = [];
  if (type.kind === 'record') {
    if (leaf.path === undefined)
      return [
        {
          path: at,
          message: `fact "${leaf.fact}" needs a path naming one of its keys`,
          hint: `e.g. "path": "${type.keys[0]}"`,
        },
      ];
    if (!type.keys.includes(leaf.path))
      return [
        {
          path: [...at, 'path'],
          message: `"${leaf.path}" is not a key of ${leaf.fact}`,
          hint: didYouMean(leaf.path, type.keys) ?? `keys: ${listOf(type.keys)}`,
        },
      ];
  } else if (leaf.path !== undefined) {
    problems.push({ path: [...at, 'path'], message: `fact "${leaf.fact}" is a plain value and takes no path` });
  }
  const list = isList(type);
  if (list ? !LIST_OPS.has(leaf.operator) : !SCALAR_OPS.has(leaf.operator)) {
    const ops = list ? [...LIST_OPS] : [...SCALAR_OPS];
    problems.push({
      path: [...at, 'operator'],
      message: `operator ${leaf.operator} does not apply to ${list ? 'a list' : 'a single value'} (${leaf.fact})`,
      hint: `use one of ${listOf(ops)}`,
    });
    return problems;
  }
  if (NUMERIC.has(leaf.operator) && type.kind !== 'number' && type.kind !== 'record') {
    problems.push({
      path: [...at, 'operator'],
      message: `${leaf.operator} compares numbers, but ${leaf.fact} is not a number`,
    });
    return problems;
  }
  const domain = scalarDomain(type, places);
  const value = leaf.value;
  const wantsList = leaf.operator === 'in' || leaf.operator === 'notIn' || leaf.operator === 'containsAll';
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const ref = facts.get(value.fact);
    if (!ref)
      problems.push({
        path: [...at, 'value', 'fact'],
        message: `unknown fact "${value.fact}"`,
        hint: didYouMean(value.fact, [...facts.keys()]),
      });
    else if (wantsList ? !isList(ref.type) : ref.type.kind !== (type.kind === 'record' ? 'number' : type.kind))
      problems.push({
        path: [...at, 'value', 'fact'],
        message: `fact "${value.fact}" cannot be compared with ${leaf.fact} by ${leaf.operator}`,
      });
    return problems;
  }
  const check = (v: Scalar, p: PropertyKey[]) => {
    if (!domain.accepts(v))
      problems.push({
        path: p,
        message: `${JSON.stringify(v)} is not a value ${leaf.fact} can take: expected ${domain.describe}`,
        hint: didYouMean(v, domain.words),
      });
  };
  if (wantsList) {
    if (!Array.isArray(value) || value.length === 0)
      problems.push({ path: [...at, 'value'], message: `${leaf.operator} needs a non-empty list of values` });
    else for (const [i, v] of value.entries()) check(v, [...at, 'value', i]);
  } else if (Array.isArray(value)) {
    problems.push({
      path: [...at, 'value'],
      message: `${leaf.operator} compares with one value, not a list`,
      hint: 'use "in" to test membership in a list',
    });
  } else if (NUMERIC.has(leaf.operator) && typeof value !== 'number') {
    problems.push({
      path: [...at, 'value'],
      message: `${leaf.operator} needs a number or a { "fact": ... } reference`,
    });
  } else check(value, [...at, 'value']);
  return problems;
}

function walk(cond: Condition, at: PropertyKey[], visit: (leaf: LeafCondition, at: PropertyKey[]) => void): void {
  if ('all' in cond) for (const [i, c] of cond.all.entries()) walk(c, [...at, 'all', i], visit);
  else if ('any' in cond) for (const [i, c] of cond.any.entries()) walk(c, [...at, 'any', i], visit);
  else if ('not' in cond) walk(cond.not, [...at, 'not'], visit);
  else visit(cond, at);
}

/** Problems of a condition tree read against `facts` (law files use it on their own fact catalogue). */
export function checkCondition(
  cond: Condition,
  at: PropertyKey[],
  facts: Map<string, FactSpec>,
  places: readonly string[],
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  walk(cond, at, (leaf, p) => problems.push(...checkLeaf(leaf, p, facts, places)));
  return problems;
}

export function leaves(cond: Condition): LeafCondition[] {
  const out: LeafCondition[] = [];
  walk(cond, [], (leaf) => out.push(leaf));
  return out;
}

/** The event types a rule is about: its leading `type` condition. */
export function ruleEventTypes(rule: RuleDef): string[] {
  const first = rule.conditions.all[0];
  if (!first || !('fact' in first) || first.fact !== 'type') return [];
  if (first.operator === 'equal' && typeof first.value === 'string') return [first.value];
  if (first.operator === 'in' && Array.isArray(first.value)) return first.value.map(String);
  return [];
}

const BREACH_EMITS = new Set(['BREACH', 'CEASEFIRE_VIOLATED']);

export function checkRule(
  rule: RuleDef,
  at: PropertyKey[],
  facts: Map<string, FactSpec>,
  places: readonly string[],
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  walk(rule.conditions, [...at, 'conditions'], (leaf, p) => problems.push(...checkLeaf(leaf, p, facts, places)));
  if (ruleEventTypes(rule).length === 0) {
    problems.push({
      path: [...at, 'conditions', 'all', 0],
      message: 'a rule must begin with the event types it is about',
      hint: '{ "fact": "type", "operator": "in", "value": ["armed-attack"] }',
    });
  }
  const { params, type } = rule.event;
  const names = (params.party !== undefined ? 1 : 0) + (params.partyFrom !== undefined ? 1 : 0);
  const oneParty = [...facts.values()]
    .filter((f) => f.source === 'event' && f.type.kind === 'party')
    .map((f) => f.name);
  if (params.partyFrom !== undefined && !oneParty.includes(params.partyFrom))
    problems.push({
      path: [...at, 'event', 'params', 'partyFrom'],
      message: `partyFrom names the event field that holds the breaching party: one of ${listOf(oneParty)}`,
      hint: didYouMean(params.partyFrom, oneParty) ?? `for example "partyFrom": "${oneParty[0]}"`,
    });
  if (BREACH_EMITS.has(type)) {
    if (params.breach === undefined)
      problems.push({
        path: [...at, 'event', 'params'],
        message: `${type} needs "breach": the kind of breach it records`,
      });
    if (names !== 1)
      problems.push({
        path: [...at, 'event', 'params'],
        message: `${type} needs exactly one of "party" or "partyFrom" (the breaching party)`,
      });
  } else if (params.breach !== undefined || names > 0) {
    problems.push({
      path: [...at, 'event', 'params'],
      message: `only breach-recording events (BREACH, CEASEFIRE_VIOLATED) take breach, party or partyFrom`,
    });
  }
  return problems;
}
