// A rule's conditions in words: what failed, with the value seen, and under which reading it was required.
import { NOT_STATED } from '../plan/legend.js';
import { isLeaf, type ConditionTrace, type LeafTrace } from '../rules/conditions.js';
import { EVENT_FACTS } from '../rules/facts.js';

export const show = (v: unknown): string =>
  Array.isArray(v) ? (v.length ? v.join(', ') : 'none') : v === null ? NOT_STATED : String(v);

/** Facts the scenario supplies; a null one is a fact the scenario left out. */
const SCENARIO_FACTS: ReadonlySet<string> = new Set(EVENT_FACTS.filter((f) => f.name !== 'type').map((f) => f.name));

/** Whether a condition saw a fact the scenario left out (which a rule reads as not so). */
export const isNotStated = (leaf: { fact: string; factValue: unknown }): boolean =>
  leaf.factValue === null && SCENARIO_FACTS.has(leaf.fact);

/** The value a condition saw: "not stated" only for what the scenario left out; an empty history is "none". */
const seenValue = (leaf: { fact: string; factValue: unknown }): string =>
  leaf.factValue === null && !SCENARIO_FACTS.has(leaf.fact) ? 'none' : show(leaf.factValue);

/** History facts by the names a reader would use. */
const FACT_WORDS: Record<string, string> = { daysSinceRussianAttack: "days since Russia's last attack on Ukraine" };

/** What a null value means: a scenario fact left out is "not stated"; an empty history is "none". */
const nullWords = (fact: string) => (SCENARIO_FACTS.has(fact) ? NOT_STATED : 'none');

/** Boolean event facts as sentences: [when true, when false]. */
const BOOLEAN_WORDS: Record<string, [string, string]> = {
  crossesLine: ['the attack crossed the agreed line', 'the attack did not cross the agreed line'],
  deliberate: ['the attack was deliberate', 'the attack was not deliberate'],
  sustained: ['the attack was sustained', 'the attack was not sustained'],
  seizesTerritory: ['the attack seized territory', 'the attack did not seize territory'],
  compensationPaid: ['the US has been compensated', 'the US has not been compensated'],
  justified: ['the strike had cause', 'the strike was without cause'],
  hostilitiesUnderWay: ['hostilities were under way', 'hostilities were not under way'],
};

/**
 * A fact as a reader would name it: "days since Russia's last attack on Ukraine" rather than daysSinceRussianAttack.
 */
export function factName(leaf: { fact: string; path?: string }): string {
  return leaf.path ? `${leaf.fact}.${leaf.path}` : (FACT_WORDS[leaf.fact] ?? leaf.fact);
}

/** What the condition asked for: "above 30 (retaliation-window-days)", "one of ground, mixed". */
export function wanted(leaf: LeafTrace): string {
  const target =
    leaf.valueFactValue !== undefined
      ? `${show(leaf.valueFactValue)} (${(leaf.value as { fact: string }).fact})`
      : leaf.value === null
        ? nullWords(leaf.fact)
        : show(leaf.value);
  switch (leaf.operator) {
    case 'equal':
      return target;
    case 'notEqual':
      return `anything but ${target}`;
    case 'in':
      return `one of ${target}`;
    case 'notIn':
      return `none of ${target}`;
    case 'greaterThan':
      return `above ${target}`;
    case 'greaterThanInclusive':
      return `at least ${target}`;
    case 'lessThan':
      return `below ${target}`;
    case 'lessThanInclusive':
      return `at most ${target}`;
    case 'contains':
      return `including ${target}`;
    case 'doesNotContain':
      return `without ${target}`;
    default:
      return `including all of ${target}`;
  }
}

/** One failed condition in words, with the value the fact had. */
export function leafWords(leaf: LeafTrace): string {
  const name = factName(leaf);
  const sentence = BOOLEAN_WORDS[leaf.fact];
  if (sentence && leaf.operator === 'equal' && typeof leaf.value === 'boolean') {
    return leaf.factValue === null
      ? `the scenario does not say that ${sentence[leaf.value ? 0 : 1].replace(/^the /, 'the ')} (${name} not stated)`
      : `${sentence[leaf.factValue ? 0 : 1]} (${name}: ${show(leaf.factValue)})`;
  }
  if (leaf.operator === 'containsAll') {
    const have = Array.isArray(leaf.factValue) ? leaf.factValue : [];
    const want = Array.isArray(leaf.valueFactValue) ? leaf.valueFactValue : Array.isArray(leaf.value) ? leaf.value : [];
    return `${name} lacks ${want.filter((x) => !have.includes(x)).join(', ')} (has ${show(have)})`;
  }
  if (leaf.operator === 'equal' && leaf.value === null)
    return (
      `${name} is ${seenValue(leaf)}, but this alternative needs ` +
      `${SCENARIO_FACTS.has(leaf.fact) ? 'it not stated' : 'none'}`
    );
  if (leaf.operator === 'doesNotContain') return `${name} includes ${show(leaf.value)}`;
  return `${name} is ${seenValue(leaf)}, not ${wanted(leaf)}`;
}

const topLeaves = (c: ConditionTrace): LeafTrace[] => (isLeaf(c) ? [c] : 'all' in c ? c.all.filter(isLeaf) : []);

/** A failed `any`: alternatives that belong to another reading are left out and the reading in force is named. */
function anyWords(any: ConditionTrace[], interpretations: ReadonlySet<string>): string[] {
  const under = new Map<string, unknown>();
  const parts: string[] = [];
  const sameFact: LeafTrace[] = [];
  const branches: ConditionTrace[] = [];
  for (const branch of any) {
    const settingLeaves = topLeaves(branch).filter((l) => interpretations.has(l.fact));
    for (const l of settingLeaves) under.set(l.fact, l.factValue);
    if (settingLeaves.some((l) => l.result === false)) continue;
    if (isLeaf(branch) && !interpretations.has(branch.fact)) sameFact.push(branch);
    else branches.push(branch);
  }
  const named = new Set(sameFact.map((l) => l.fact));
  for (const branch of branches) {
    // an alternative that failed only on a fact already described says nothing new
    if (failedLeaves(branch).every((l) => named.has(l.fact) || interpretations.has(l.fact))) continue;
    const words = failedWords(branch, interpretations, true);
    if (words.length) parts.push(words.join(' and '));
  }
  const byFact = new Map<string, LeafTrace[]>();
  for (const l of sameFact) byFact.set(factName(l), [...(byFact.get(factName(l)) ?? []), l]);
  const leafParts = [...byFact.values()].map((group) => {
    // "is 21, not above 30" rather than "neither none nor above 30": a stated value is plainly not "none"
    const ls = group.filter((l) => !(l.operator === 'equal' && l.value === null && l.factValue !== null));
    const shown = ls.length ? ls : group;
    return shown.length === 1
      ? leafWords(shown[0]!)
      : `${factName(shown[0]!)} is ${show(shown[0]!.factValue)}, neither ${shown.map(wanted).join(' nor ')}`;
  });
  const all = [...leafParts, ...parts];
  const prefix = [...under].map(([fact, value]) => `${fact} = ${show(value)}`).join(', ');
  if (all.length === 0) return prefix ? [`no alternative applies under ${prefix}`] : [];
  if (!prefix) return [all.join('; and ')];
  const enough =
    all.length === 1
      ? 'that is required'
      : all.length === 2
        ? 'either would have been enough'
        : 'any one would have been enough';
  return [`${all.join(', and ')}; under ${prefix} ${enough}`];
}

/** The conditions that made a rule fail, in words ("scale is limited, not large-scale"). */
export function failedWords(
  c: ConditionTrace,
  interpretations: ReadonlySet<string> = new Set(),
  skipReadings = false,
): string[] {
  if (c.result !== false) return [];
  if ('all' in c)
    return c.all.flatMap((x) =>
      skipReadings && isLeaf(x) && interpretations.has(x.fact) ? [] : failedWords(x, interpretations),
    );
  if ('any' in c) return anyWords(c.any, interpretations);
  if ('not' in c) return [`it is not so that ${heldWords(c.not).join(' and ')}`];
  return [leafWords(c)];
}

/** The conditions that held, in words. */
export function heldWords(c: ConditionTrace): string[] {
  if ('all' in c) return c.all.flatMap(heldWords);
  if ('any' in c)
    return c.any
      .filter((x) => x.result)
      .flatMap(heldWords)
      .slice(0, 1);
  if ('not' in c) return failedWords(c.not);
  const sentence = BOOLEAN_WORDS[c.fact];
  if (sentence && typeof c.factValue === 'boolean') return [sentence[c.factValue ? 0 : 1]];
  return [`${factName(c)} is ${seenValue(c)}`];
}

/** The leaves that made a rule fire: every leaf of an `all`, the first alternative of an `any` that held. */
function heldLeaves(c: ConditionTrace): LeafTrace[] {
  if (c.result !== true) return [];
  if ('all' in c) return c.all.flatMap(heldLeaves);
  if ('any' in c) {
    const first = c.any.find((x) => x.result === true);
    return first ? heldLeaves(first) : [];
  }
  if ('not' in c) return [];
  return [c];
}

/** The facts the scenario left out that a fired rule relied on, by name. */
function notStatedFacts(c: ConditionTrace): string[] {
  return [...new Set(heldLeaves(c).filter(isNotStated).map(factName))];
}

/** Notes by tree: a tree the compiled rules give again (rules/compile.ts) is read once. */
const notes = new WeakMap<ConditionTrace, string | null>();

/** "relied on what the scenario does not state: justified (not stated, read as not so)", or undefined. */
export function notStatedNote(c: ConditionTrace): string | undefined {
  let note = notes.get(c);
  if (note === undefined) {
    const facts = notStatedFacts(c);
    note = facts.length
      ? `relied on what the scenario does not state: ` +
        `${facts.map((f) => `${f} ${NOT_STATED}`).join(', ')} (read as not so)`
      : null;
    notes.set(c, note);
  }
  return note ?? undefined;
}

/** The leaves whose failure made the condition fail. */
export function failedLeaves(c: ConditionTrace, into: LeafTrace[] = []): LeafTrace[] {
  if (c.result !== false) return into;
  if ('all' in c) for (const x of c.all) failedLeaves(x, into);
  else if ('any' in c) for (const x of c.any) failedLeaves(x, into);
  else if (!('not' in c)) into.push(c);
  return into;
}
