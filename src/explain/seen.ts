// The conditions a rule saw, as data: each with the value its fact had and its words; what made a fired rule fire
// and what decided a failure, under which readings.
import { PARTY_FIELDS } from '../rules/facts.js';
import { isLeaf, type ConditionTrace, type LeafTrace } from '../rules/conditions.js';
import { factName, heldWords, isNotStated, leafWords, show, wanted } from './conditionWords.js';

/** One condition of a rule, with the value its fact had. */
export interface ConditionSeen {
  fact: string;
  path?: string;
  operator: string;
  /** what the condition asked for, in words */
  wanted: string;
  /** the value the fact had */
  saw: unknown;
  /** an interpretation (a reading), not a fact about the event */
  reading: boolean;
  /** a fact the scenario left out, read as not so */
  notStated: boolean;
  words: string;
}

/** Facts that say who did what, read best as "by RU". */
const WHO = new Set<string>(PARTY_FIELDS);

function seen(leaf: LeafTrace, interpretations: ReadonlySet<string>, held: boolean): ConditionSeen {
  const reading = interpretations.has(leaf.fact);
  const name = factName(leaf);
  let words: string;
  if (reading) words = `under ${leaf.fact} = ${show(leaf.factValue)}`;
  else if (!held) words = leafWords(leaf);
  else if (WHO.has(leaf.fact) && (leaf.operator === 'equal' || leaf.operator === 'in'))
    words = `${leaf.fact} ${show(leaf.factValue)}`;
  else if (leaf.operator === 'containsAll') words = `${name} include all of ${show(leaf.valueFactValue ?? leaf.value)}`;
  else {
    const sentence = heldWords(leaf)[0] ?? `${name} is ${show(leaf.factValue)}`;
    const plain = leaf.operator === 'equal' || leaf.operator === 'in';
    words =
      typeof leaf.factValue === 'boolean'
        ? `${sentence} (${name}: ${leaf.factValue})`
        : plain
          ? sentence
          : `${sentence}, ${wanted(leaf)}`;
  }
  return {
    fact: leaf.fact,
    ...(leaf.path ? { path: leaf.path } : {}),
    operator: leaf.operator,
    wanted: wanted(leaf),
    saw: leaf.factValue,
    reading,
    notStated: isNotStated(leaf),
    words,
  };
}

/**
 * The conditions that made a fired rule fire: every leaf that
 * held, the first alternative that held, not the event type.
 */
export function heldConditions(c: ConditionTrace, interpretations: ReadonlySet<string>): ConditionSeen[] {
  if (c.result !== true) return [];
  if ('all' in c) return c.all.flatMap((x) => heldConditions(x, interpretations));
  if ('any' in c) {
    const first = c.any.find((x) => x.result === true);
    // the reading that ruled out the other alternatives is part of why this one counted
    const ruledOut = c.any.filter(
      (x): x is LeafTrace => x !== first && isLeaf(x) && interpretations.has(x.fact) && x.result === false,
    );
    return [
      ...ruledOut.map((l) => seen(l, interpretations, false)),
      ...(first ? heldConditions(first, interpretations) : []),
    ];
  }
  if ('not' in c) return [];
  return c.fact === 'type' ? [] : [seen(c, interpretations, true)];
}

/**
 * The conditions that decided a failure, leaving out alternatives
 * that belong to another reading; and the readings in force there.
 */
export function decisiveFailures(
  c: ConditionTrace,
  interpretations: ReadonlySet<string>,
): { failed: ConditionSeen[]; under: Record<string, string> } {
  const failed: ConditionSeen[] = [];
  const under: Record<string, string> = {};
  const walk = (x: ConditionTrace) => {
    if (x.result !== false) return;
    if (isLeaf(x)) {
      if (!interpretations.has(x.fact)) failed.push(seen(x, interpretations, false));
      return;
    }
    if ('all' in x) return x.all.forEach(walk);
    if ('not' in x) return;
    for (const branch of x.any) {
      const settings = (isLeaf(branch) ? [branch] : 'all' in branch ? branch.all.filter(isLeaf) : []).filter((l) =>
        interpretations.has(l.fact),
      );
      for (const l of settings) under[l.fact] = String(l.factValue);
      if (settings.some((l) => l.result === false)) continue;
      walk(branch);
    }
  };
  walk(c);
  return { failed, under };
}
