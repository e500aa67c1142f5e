// From a field path to its line and column in a parsed YAML (or JSON) document.
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

/** The position of the node at `path` (of its key when `key` is set), or of the deepest node that exists on the way. */
export function locateIn(doc: Document, counter: LineCounter, path: readonly PropertyKey[], key: boolean): { line: number; column: number } {
  let node: Node | null = doc.contents as Node | null;
  let best = node?.range?.[0] ?? 0;
  for (let i = 0; i < path.length && node; i++) {
    const seg = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
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
