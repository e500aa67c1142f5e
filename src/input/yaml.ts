// YAML by the yaml package: its errors and repeated keys as issues, and the offset of the node at a path.
import { isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { clip, type InputIssue } from '../issues/issue.js';
import type { Parsed, Source } from './source.js';

export const YAML_OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: true, merge: false } as const;
export const MAX_ALIASES = 100;

/** A document's errors, warnings and repeated keys as issues, in order; `base` is its offset in the source. */
export function yamlIssues(source: Source, doc: Document, base = 0): InputIssue[] {
  const found = [...doc.errors, ...doc.warnings].map((e) => {
    // yaml quotes the offending token, which can be a whole paragraph of the file (found by fuzzing)
    const message = `YAML: ${clip(e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''), 200)}`;
    const hint = e.code === 'TAB_AS_INDENT' ? 'indent with spaces' : undefined;
    return { at: e.pos[0], issue: source.issue('syntax', message, hint, base + e.pos[0]) };
  });
  // yaml's own uniqueKeys compares every key with every earlier one: 60,000 keys took a minute
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const { key } of map.items) {
        if (!isScalar(key)) continue;
        const name = String(key.value);
        const at = key.range?.[0] ?? 0;
        if (seen.has(name)) found.push({ at, issue: source.repeated('YAML', name, base + at) });
        seen.add(name);
      }
    },
  });
  return found.sort((a, b) => a.at - b.at).map((f) => f.issue);
}

/** Each mapping's pairs by key, built on first use (a search per lookup made n issues in one mapping n² steps). */
const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

/** The offset of the node at `path` (of its key when `key` is set), or of the deepest node that exists on the way. */
export function nodeOffset(doc: Document, path: readonly PropertyKey[], key = false): number {
  let node = doc.contents as Node | null;
  let best = node?.range?.[0] ?? 0;
  for (const [i, seg] of path.entries()) {
    if (isMap(node)) {
      if (!pairIndex.has(node)) {
        const pairs = new Map<string, Pair>();
        for (const p of node.items)
          if (isScalar(p.key) && !pairs.has(String(p.key.value))) pairs.set(String(p.key.value), p);
        pairIndex.set(node, pairs);
      }
      const pair = pairIndex.get(node)!.get(String(seg));
      if (!pair) break;
      const keyAt = (pair.key as Node).range?.[0] ?? best;
      if (key && i === path.length - 1) return keyAt;
      node = pair.value as Node | null;
      best = node?.range?.[0] ?? keyAt;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = (node.items[seg] as Node | undefined) ?? null;
      best = node?.range?.[0] ?? best;
    } else break;
  }
  return best;
}

/** The whole text read as one document. */
export function parseYaml(source: Source): Parsed {
  let doc: Document;
  try {
    doc = parseDocument(source.text, YAML_OPTIONS);
  } catch (error) {
    return source.fail('syntax', `cannot be parsed: ${(error as Error).message}`);
  }
  const issues = yamlIssues(source, doc);
  if (issues.length > 0) return { ok: false, issues };
  try {
    const value: unknown = doc.toJS({ maxAliasCount: MAX_ALIASES });
    return { ok: true, parsed: { value, locate: (path, key) => source.place(nodeOffset(doc, path, key)) } };
  } catch (error) {
    const message = (error as Error).message;
    const hint = `at most ${MAX_ALIASES} alias expansions are allowed; write the values out`;
    return source.fail('syntax', `cannot be read: ${message}`, /alias/i.test(message) ? hint : '');
  }
}
