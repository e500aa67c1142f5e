// Which readings an outcome depends on: the smallest set of interpretations that decides it, as a short formula.

export type Combination = Record<string, string>;

/** The smallest set of names whose values alone decide the outcome (the outcome is a function of them). */
export function decidingNames(
  rows: ReadonlyArray<{ combination: Combination; outcome: string }>,
  names: readonly string[],
): string[] {
  const subsets = Array.from({ length: 1 << names.length }, (_, mask) => names.filter((_, i) => mask & (1 << i))).sort(
    (a, b) => a.length - b.length,
  );
  for (const subset of subsets) {
    const seen = new Map<string, string>();
    const decides = rows.every(({ combination, outcome }) => {
      const key = JSON.stringify(subset.map((n) => combination[n]));
      const before = seen.get(key);
      seen.set(key, outcome);
      return before === undefined || before === outcome;
    });
    if (decides) return subset;
  }
  return [...names];
}

type Term = Record<string, string | null>;

/** Every term (each name fixed to a value or left free, null) that matches only combinations in `inside` (or impossible ones). */
function implicants(
  inside: Set<string>,
  names: readonly string[],
  values: Record<string, readonly string[]>,
  possible?: Set<string>,
): Term[] {
  let terms: Term[] = [{}];
  for (const n of names) terms = terms.flatMap((t) => [null, ...values[n]!].map((v) => ({ ...t, [n]: v })));
  const matches = (t: Term) => {
    let combos: string[][] = [[]];
    for (const n of names) combos = combos.flatMap((c) => (t[n] === null ? values[n]! : [t[n]!]).map((v) => [...c, v]));
    return combos.map((c) => JSON.stringify(c));
  };
  return terms.filter((t) => matches(t).every((c) => inside.has(c) || (possible !== undefined && !possible.has(c))));
}

/** A short cover of `inside` by implicants: the ones covering most combinations (fewest conditions) first. */
function cover(
  inside: Set<string>,
  names: readonly string[],
  values: Record<string, readonly string[]>,
  possible?: Set<string>,
): Term[] {
  const fixed = (t: Term) => names.filter((n) => t[n] !== null).length;
  const size = (t: Term) => names.reduce((n, k) => n * (t[k] === null ? values[k]!.length : 1), 1);
  const candidates = implicants(inside, names, values, possible).sort(
    (a, b) => size(b) - size(a) || fixed(a) - fixed(b),
  );
  const left = new Set(inside);
  const chosen: Term[] = [];
  const covers = (t: Term, combo: string) =>
    (JSON.parse(combo) as string[]).every((v, i) => t[names[i]!] === null || t[names[i]!] === v);
  for (const t of candidates) {
    const hits = [...left].filter((c) => covers(t, c));
    if (hits.length === 0) continue;
    chosen.push(t);
    for (const c of hits) left.delete(c);
    if (left.size === 0) break;
  }
  const first = (t: Term) => names.findIndex((n) => t[n] !== null);
  return chosen.sort((a, b) => first(a) - first(b));
}

/**
 * "clause-22-scope = all-guarantees", "a = x, or a = y and b = r", or "every reading". `possible`: the combinations that
 * occur (an open fact is decided under some readings); the others may be covered or not, whichever is shorter.
 */
export function describeReadings(
  combinations: readonly Combination[],
  deciding: readonly string[],
  values: Record<string, readonly string[]>,
  possible?: readonly Combination[],
): string {
  if (deciding.length === 0) return 'every reading';
  const project = (c: Combination) => JSON.stringify(deciding.map((n) => c[n]));
  const inside = new Set(combinations.map(project));
  const terms = cover(inside, deciding, values, possible && new Set(possible.map(project)));
  if (terms.every((t) => deciding.every((n) => t[n] === null))) return 'every reading';
  return terms
    .map((t) =>
      deciding
        .filter((n) => t[n] !== null)
        .map((n) => `${n} = ${t[n]}`)
        .join(' and '),
    )
    .join(', or ');
}
