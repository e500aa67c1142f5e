// From a field path to its line and column in a parsed YAML document.
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';

/** A parsed document: its value, and where each node of it stands in the text. */
export interface ParsedText {
  value: unknown;
  /** line and column (1-based) of the node at `path`, or of its key when `key` is set. */
  locate(path: readonly PropertyKey[], key?: boolean): { line: number; column: number };
}

/** Each mapping's pairs by key, built on first use: a `find` per lookup made reporting n issues in one mapping take n² steps. */
const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) {
      if (isScalar(pair.key) && !index.has(String(pair.key.value))) index.set(String(pair.key.value), pair);
    }
    pairIndex.set(map, index);
  }
  return index.get(key);
}

/** The position of the node at `path` (of its key when `key` is set), or of the deepest node that exists on the way. */
export function locateIn(
  doc: Document,
  counter: LineCounter,
  path: readonly PropertyKey[],
  key: boolean,
): { line: number; column: number } {
  let node: Node | null = doc.contents as Node | null;
  let best = node?.range?.[0] ?? 0;
  for (let i = 0; i < path.length && node; i++) {
    const seg = path[i];
    if (isMap(node)) {
      const pair = pairOf(node, String(seg));
      if (!pair) break;
      if (i === path.length - 1 && key && isScalar(pair.key)) {
        best = pair.key.range?.[0] ?? best;
        break;
      }
      node = (pair.value as Node | null) ?? null;
      best = node?.range?.[0] ?? (isScalar(pair.key) ? (pair.key.range?.[0] ?? best) : best);
    } else if (isSeq(node) && typeof seg === 'number') {
      node = (node.items[seg] as Node | undefined) ?? null;
      if (node?.range) best = node.range[0];
    } else break;
  }
  const p = counter.linePos(best);
  return { line: p.line, column: p.col };
}
