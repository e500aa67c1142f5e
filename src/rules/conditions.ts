// What a condition reads and what its evaluation left behind: shared by both engines, check and the explanations.
import type { Condition } from './schema.js';
import { leaves } from './validate.js';

export type LeafTrace = {
  fact: string;
  path?: string;
  operator: string;
  value: unknown;
  /** the value the fact had (after its path) */
  factValue: unknown;
  /** when the rule compares with another fact: that fact's value */
  valueFactValue?: unknown;
  /** null when the engine did not need to evaluate it */
  result: boolean | null;
};
export type ConditionTrace =
  | LeafTrace
  | { all: ConditionTrace[]; result: boolean | null }
  | { any: ConditionTrace[]; result: boolean | null }
  | { not: ConditionTrace; result: boolean | null };

export const isLeaf = (c: ConditionTrace): c is LeafTrace => 'fact' in c;

/** An all's or any's result from its children's: null while a child that could decide it is undecided. */
export function combine(children: readonly ConditionTrace[], all: boolean): boolean | null {
  let open = false;
  for (const child of children) {
    if (child.result === !all) return !all;
    if (child.result === null) open = true;
  }
  return open ? null : all;
}

/** Facts a condition reads, including facts it compares with. */
export function factsRead(c: Condition): Array<{ fact: string; path?: string }> {
  return leaves(c).flatMap((l) => {
    const ref =
      l.value !== null && typeof l.value === 'object' && !Array.isArray(l.value) ? [{ fact: l.value.fact }] : [];
    return [{ fact: l.fact, ...(l.path !== undefined ? { path: l.path } : {}) }, ...ref];
  });
}
