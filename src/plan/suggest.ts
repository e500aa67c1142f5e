// "Did you mean": the closest known word by edit distance, for hints in error messages.

/** Edit distance counting a swap of neighbours as one edit (optimal string alignment). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The known word closest to `input`, if it is close enough to be a plausible typo. */
function closest(input: string, known: readonly string[]): string | undefined {
  if (input.length > 64) return undefined;
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const word of known) {
    const score = distance(needle, word.toLowerCase());
    if (score < bestScore) [best, bestScore] = [word, score];
  }
  const limit = Math.max(1, Math.floor(Math.max(needle.length, 2) / 3));
  return best !== undefined && bestScore <= limit ? best : undefined;
}

export function didYouMean(input: unknown, known: readonly string[]): string | undefined {
  if (typeof input !== 'string' && typeof input !== 'number' && typeof input !== 'boolean') return undefined;
  const match = closest(String(input), known);
  return match === undefined ? undefined : `did you mean "${match}"?`;
}

/** "a, b or c", shortened when the list is long. */
export function listOf(words: readonly string[], max = 12): string {
  const shown = words.length > max ? [...words.slice(0, max), `… (${words.length - max} more)`] : [...words];
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
}
