// Large YAML files (long timelines) parsed item by item: one document of 100,000 events takes gigabytes as a tree.
import { LineCounter, parseDocument, isSeq, isMap } from 'yaml';
import type { ParsedText } from './document.js';
import { locateIn } from './locate.js';

/** Files above this size take the item-by-item path when their shape allows it. */
export const LARGE_YAML_BYTES = 1_000_000;

const OPTIONS = { uniqueKeys: true, prettyErrors: false, strict: true, merge: false, version: '1.2' } as const;

interface Item {
  /** offsets of the item's text (its whole lines) in the file */
  start: number;
  end: number;
  /** 0-based line of `start` */
  line: number;
  /** 1-based position of the item's value in the file */
  at: { line: number; column: number };
}


/**
 * Parses a top-level block mapping whose `events:` is a block sequence, one item at a time, keeping only values and
 * positions. Returns undefined when the file has another shape or any part fails alone (anchors across items, syntax
 * errors): the caller then parses it whole, for exact messages.
 */
export function parseLargeYaml(text: string, maxAliasCount: number): ParsedText | undefined {
  const block = /^events:[ \t]*(#.*)?\r?$/m.exec(text);
  if (!block) return undefined;
  const bodyStart = text.indexOf('\n', block.index) + 1;
  if (bodyStart === 0) return undefined;
  // the block ends at the first line that starts in column 0 with anything but a dash, a comment or nothing
  const rest = text.slice(bodyStart).search(/^[^\s#-]/m);
  const bodyEnd = rest === -1 ? text.length : bodyStart + rest;
  const body = text.slice(bodyStart, bodyEnd);
  const first = /^( *)-( |\r?$)/m.exec(body);
  if (!first) return undefined;
  const indent = first[1]!.length;
  const itemStart = new RegExp(`^ {${indent}}-( |\\r?$)`, 'gm');
  const starts: number[] = [];
  for (let m = itemStart.exec(body); m; m = itemStart.exec(body)) starts.push(bodyStart + m.index);
  if (!text.slice(bodyStart, starts[0]).split('\n').every((l) => /^\s*(#.*)?$/.test(l))) return undefined;

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
    const counter = new LineCounter();
    const doc = parseDocument(text.slice(start, end), { ...OPTIONS, lineCounter: counter });
    if (doc.errors.length || doc.warnings.length || !isSeq(doc.contents) || doc.contents.items.length !== 1) return undefined;
    let value: unknown;
    try {
      value = (doc.toJS({ maxAliasCount }) as unknown[])[0];
    } catch {
      return undefined;
    }
    const at = locateIn(doc, counter, [0], false);
    items.push({ start, end, line, at: { line: at.line + line, column: at.column } });
    values.push(value);
  }
  // the rest of the file, with the events block emptied and its lines kept so every other line keeps its number
  const headText = `${text.slice(0, block.index)}events: []\n${'\n'.repeat(lineOf(bodyEnd) - headLines)}${text.slice(bodyEnd)}`;
  const headCounter = new LineCounter();
  const head = parseDocument(headText, { ...OPTIONS, lineCounter: headCounter });
  if (head.errors.length || head.warnings.length || !isMap(head.contents)) return undefined;
  let value: Record<string, unknown>;
  try {
    value = head.toJS({ maxAliasCount }) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (!Array.isArray(value.events) || value.events.length !== 0) return undefined;
  value.events = values;

  return {
    value,
    locate(path, key = false) {
      if (path[0] !== 'events' || typeof path[1] !== 'number' || !items[path[1]]) return locateIn(head, headCounter, path, key);
      const item = items[path[1]]!;
      if (path.length === 2) return item.at;
      const counter = new LineCounter();
      const doc = parseDocument(text.slice(item.start, item.end), { ...OPTIONS, lineCounter: counter });
      const at = locateIn(doc, counter, [0, ...path.slice(2)], key);
      return { line: at.line + item.line, column: at.column };
    },
  };
}
