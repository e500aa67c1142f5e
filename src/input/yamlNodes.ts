// Cheap checks on YAML: which mapping keys repeat (yaml's own uniqueKeys check compares every key with every earlier
// one: 60,000 keys took a minute), and how many nodes a text can make at most, counted before anything is parsed.
import { isCollection, isMap, isPair, isScalar, type Document } from 'yaml';

export interface DuplicateKey {
  offset: number;
  key: string;
}

/** Every key that repeats one earlier in the same mapping (compared as the text it becomes), with its offset. */
export function duplicateKeys(doc: Document): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const visit = (node: unknown): void => {
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          const name = String(pair.key.value);
          if (seen.has(name)) found.push({ offset: pair.key.range?.[0] ?? 0, key: name });
          seen.add(name);
        } else visit(pair.key);
        visit(pair.value);
      }
    } else if (isCollection(node)) {
      for (const item of node.items) visit(item);
    } else if (isPair(node)) {
      visit(node.key);
      visit(node.value);
    }
  };
  visit(doc.contents);
  return found;
}

/**
 * The most separators (line breaks, commas and colons) a YAML text parsed in one piece may hold: `yaml` builds a tree
 * of roughly 0.5–1 kB per value, so a 16 MB file of `[1,1,1,…]` would take over 4 GB. Long timelines written as a
 * block list are read one event at a time instead, and each event is held to the same bound.
 */
export const MAX_YAML_SEPARATORS = 1_000_000;

/** Where a slice of YAML text passes `limit` separators (line breaks, commas, colons): a bound on the nodes it makes. */
export function separatorsOver(
  text: string,
  limit: number,
  start = 0,
  end = text.length,
): { line: number } | undefined {
  let count = 0;
  let line = 1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if ((c === 10 || c === 44 || c === 58) && ++count > limit) return { line };
  }
  return undefined;
}
