// Which readings an outcome depends on: the smallest set of interpretations that decides it, as a short formula.

export type Combination = Record<string, string>;

/**
 * The smallest set of names whose values alone decide the outcome (the outcome is a function of them). A row may leave
 * a name out: it stands for every value of that name (a class of combinations that cannot differ).
 */
export function decidingNames(
  rows: ReadonlyArray<{ combination: Combination; outcome: string }>,
  names: readonly string[],
): string[] {
  // for each pair of rows with different outcomes, the names that tell them apart (both set, to different values)
  const apart = new Set<number>();
  for (let i = 0; i < rows.length; i++)
    for (let j = i + 1; j < rows.length; j++) {
      if (rows[i]!.outcome === rows[j]!.outcome) continue;
      let mask = 0;
      names.forEach((n, k) => {
        const a = rows[i]!.combination[n];
        const b = rows[j]!.combination[n];
        if (a !== undefined && b !== undefined && a !== b) mask |= 1 << k;
      });
      if (mask === 0) return [...names];
      apart.add(mask);
    }
  const masks = Array.from({ length: 1 << names.length }, (_, mask) => mask);
  const size = (mask: number) => {
    let n = 0;
    for (let m = mask; m; m &= m - 1) n++;
    return n;
  };
  masks.sort((a, b) => size(a) - size(b));
  const decides = masks.find((subset) => [...apart].every((mask) => (mask & subset) !== 0));
  return names.filter((_, k) => decides! & (1 << k));
}

type Term = Record<string, string | null>;

/**
 * Every term (each name fixed to a value or left free, null) that
 * matches only combinations in `inside` (or impossible ones).
 */
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
 * "clause-22-scope = all-guarantees", "a = x, or a = y and b = r", or "every reading". `possible`: the combinations
 * that occur (an open fact is decided under some readings); the others may be covered or not, whichever is shorter.
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
