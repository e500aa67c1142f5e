// Large YAML files (long timelines) parsed item by item: one document of 100,000 events takes gigabytes as a tree.
import { LineCounter, parseDocument, isSeq, isMap, type Document } from 'yaml';
import { flowItem } from './flowItem.js';
import { locateIn, type ParsedText } from './locate.js';
import { duplicateKeys, MAX_YAML_SEPARATORS, separatorsOver } from './yamlNodes.js';

/** Files above this size take the item-by-item path when their shape allows it. */
export const LARGE_YAML_BYTES = 1_000_000;

const OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: true, merge: false, version: '1.2' } as const;

interface Item {
  /** offsets of the item's text (its whole lines) in the file */
  start: number;
  end: number;
  /** 0-based line of `start` */
  line: number;
  /** 1-based position of the item's value in the file */
  at: { line: number; column: number };
}

/** The most events read one at a time: 2.5 times the longest timeline benchmarked, and more than 16 MB holds. */
export const MAX_LARGE_ITEMS = 250_000;

/** Why the item-by-item path gave up: an item that could not be read alone (its offsets and 0-based first line), or too many items. */
export type LargeYamlFailure =
  | { kind: 'item'; start: number; end: number; line: number }
  | { kind: 'too-many'; line: number };

function clean(doc: Document): boolean {
  return doc.errors.length === 0 && doc.warnings.length === 0 && duplicateKeys(doc).length === 0;
}

/**
 * Parses a top-level block mapping whose `events:` is a block sequence, one item at a time, keeping only values and
 * positions. Returns undefined when the file has another shape or any part fails alone (anchors across items, syntax
 * errors): the caller then parses it whole, for exact messages.
 */
export function parseLargeYaml(
  text: string,
  maxAliasCount: number,
  onFailure?: (failure: LargeYamlFailure) => void,
): ParsedText | undefined {
  // line starts and ends are LF only, as in YAML 1.2: `^`, `$` and `.` in JavaScript also break at U+2028 and U+2029,
  // which would let this parser accept a file the whole parse rejects (found by fuzzing)
  const block = /(?<![^\n])events:[ \t]*(?:#[^\n]*|\r)?(?![^\n])/.exec(text);
  if (!block) return undefined;
  const bodyStart = text.indexOf('\n', block.index) + 1;
  if (bodyStart === 0) return undefined;
  // the block ends at the first line that starts in column 0 with anything but a dash, a comment or nothing
  const rest = text.slice(bodyStart).search(/(?<![^\n])[^ \t\r\n#-]/);
  const bodyEnd = rest === -1 ? text.length : bodyStart + rest;
  const body = text.slice(bodyStart, bodyEnd);
  const first = /(?<![^\n])( *)-(?: |\r?(?![^\n]))/.exec(body);
  if (!first) return undefined;
  const indent = first[1]!.length;
  const itemStart = new RegExp(`(?<![^\\n]) {${indent}}-(?: |\\r?(?![^\\n]))`, 'g');
  const starts: number[] = [];
  for (let m = itemStart.exec(body); m; m = itemStart.exec(body)) {
    starts.push(bodyStart + m.index);
    if (starts.length > MAX_LARGE_ITEMS) {
      onFailure?.({ kind: 'too-many', line: text.slice(0, bodyStart + m.index).split('\n').length });
      return undefined;
    }
  }
  if (
    !text
      .slice(bodyStart, starts[0])
      .split('\n')
      .every((l) => /^[ \t\r]*(#[^\n]*)?$/.test(l))
  )
    return undefined;

  const lineOf = (() => {
    let offset = 0;
    let line = 0;
    return (target: number) => {
      for (; offset < target; offset++) if (text.charCodeAt(offset) === 10) line++;
      return line;
    };
  })();
  const headLines = lineOf(bodyStart);
  const items: Item[] = [];
  const values: unknown[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const end = starts[i + 1] ?? bodyEnd;
    const line = lineOf(start);
    if (separatorsOver(text, MAX_YAML_SEPARATORS, start, end)) return undefined;
    const fast = flowItem(text.slice(start, end));
    if (fast) {
      items.push({ start, end, line, at: { line: line + 1, column: indent + 3 } });
      values.push(fast);
      continue;
    }
    const counter = new LineCounter();
    const doc = parseDocument(text.slice(start, end), { ...OPTIONS, lineCounter: counter });
    if (!clean(doc) || !isSeq(doc.contents) || doc.contents.items.length !== 1) {
      onFailure?.({ kind: 'item', start, end, line });
      return undefined;
    }
    let value: unknown;
    try {
      value = (doc.toJS({ maxAliasCount }) as unknown[])[0];
    } catch {
      onFailure?.({ kind: 'item', start, end, line });
      return undefined;
    }
    const at = locateIn(doc, counter, [0], false);
    items.push({ start, end, line, at: { line: at.line + line, column: at.column } });
    values.push(value);
  }
  // the rest of the file, with the events block emptied
  // (lines after the block are moved up by `shift`, and moved back when located)
  const shift = lineOf(bodyEnd) - headLines;
  const headText = `${text.slice(0, block.index)}events: []\n${text.slice(bodyEnd)}`;
  if (separatorsOver(headText, MAX_YAML_SEPARATORS)) return undefined;
  const headCounter = new LineCounter();
  const head = parseDocument(headText, { ...OPTIONS, lineCounter: headCounter });
  if (!clean(head) || !isMap(head.contents)) return undefined;
  let value: Record<string, unknown>;
  try {
    value = head.toJS({ maxAliasCount }) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (!Array.isArray(value.events) || value.events.length !== 0) return undefined;
  value.events = values;

  // the item last asked about, parsed again (issues come in item order, so one is enough)
  let cached: { index: number; doc: Document; counter: LineCounter } | undefined;
  return {
    value,
    locate(path, key = false) {
      // the list itself starts at its first dash (the head holds only an empty `events: []` in its place)
      if (path.length === 1 && path[0] === 'events' && !key) return { line: items[0]!.line + 1, column: indent + 1 };
      if (path[0] !== 'events' || typeof path[1] !== 'number' || !items[path[1]]) {
        const at = locateIn(head, headCounter, path, key);
        return at.line > headLines ? { line: at.line + shift, column: at.column } : at;
      }
      const item = items[path[1]]!;
      if (path.length === 2) return item.at;
      if (cached?.index !== path[1]) {
        const counter = new LineCounter();
        cached = {
          index: path[1],
          doc: parseDocument(text.slice(item.start, item.end), { ...OPTIONS, lineCounter: counter }),
          counter,
        };
      }
      const at = locateIn(cached.doc, cached.counter, [0, ...path.slice(2)], key);
      return { line: at.line + item.line, column: at.column };
    },
  };
}
