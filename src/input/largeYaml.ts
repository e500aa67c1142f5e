// Long timelines in YAML, read one event at a time: the yaml package's tree of 100,000 events takes gigabytes, and
// even its CST parser takes 4.5 s for 8 MB. The file around the list and every event not of the one-line form below
// are still read by the yaml package; a file it would read differently whole is left to the whole parse, which stays
// the authority on every message.
import { parseDocument, type Document } from 'yaml';
import type { ParsedText, Source } from './source.js';
import { separatorsOver } from './limits.js';
import { nodeOffset, YAML_OPTIONS, yamlIssues } from './yaml.js';

/** Files above this size take the item-by-item path when their shape allows it. */
export const LARGE_YAML_BYTES = 1_000_000;
/** The most events read one at a time: 2.5 times the longest timeline benchmarked, and more than 16 MB holds. */
export const MAX_LARGE_ITEMS = 250_000;

const INTEGER = /^[-+]?[0-9]{1,15}$/;
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
// words of letters, digits, _ and -, single spaces between, starting with a letter: text, unless YAML 1.2 says otherwise
const WORDS = /^[A-Za-z][\w-]*(?: [\w-]+)*$/;
const SPECIAL = new Map<string, boolean | null>([
  ...['true', 'True', 'TRUE'].map((w) => [w, true] as const),
  ...['false', 'False', 'FALSE'].map((w) => [w, false] as const),
  ...['null', 'Null', 'NULL'].map((w) => [w, null] as const),
]);

/** A scalar of the fast form, or undefined when only the yaml package may read it. */
function scalar(text: string): unknown {
  if (INTEGER.test(text)) return Number(text);
  if (DATE.test(text)) return text;
  return WORDS.test(text) ? (SPECIAL.has(text) ? SPECIAL.get(text) : text) : undefined;
}

/**
 * The value of a list item written `- { key: value, key: [value, value] }` on one line, with single spaces exactly
 * there, or undefined for anything else (the yaml package reads it then).
 */
export function flowItem(item: string): Record<string, unknown> | undefined {
  const body = /^ *- \{ (.+) \}(?:\r?\n[ \t]*)*$/.exec(item)?.[1];
  if (body === undefined) return undefined;
  const out: Record<string, unknown> = {};
  const pair = /([A-Za-z][\w-]*): (?:\[([^[\]]*)\]|([^[\],]+))(, |$)/y;
  for (let m = pair.exec(body); m; m = m[4] ? pair.exec(body) : null) {
    const [, key, list, word] = m;
    if (typeof scalar(key!) !== 'string' || Object.hasOwn(out, key!)) return undefined;
    const value = list === undefined ? scalar(word!) : list === '' ? [] : list.split(', ').map(scalar);
    if (value === undefined || (Array.isArray(value) && value.includes(undefined))) return undefined;
    out[key!] = value;
    if (!m[4]) return out;
  }
  return undefined;
}

/** The value of a document, or undefined when it has any problem (the whole parse then says which). */
function cleanValue(source: Source, doc: Document, maxAliasCount: number): unknown {
  try {
    return yamlIssues(source, doc).length === 0 ? doc.toJS({ maxAliasCount }) : undefined;
  } catch {
    return undefined;
  }
}

/** Why the item-by-item path gave up: an item that could not be read alone (its offsets), or too many items. */
export type LargeYamlFailure = { kind: 'item'; start: number; end: number } | { kind: 'too-many'; start: number };

/**
 * A top-level block mapping whose `events:` is a block list, read one item at a time. Undefined for another shape or
 * when any part fails alone (anchors across items, syntax errors): the caller then parses the file whole.
 */
export function parseLargeYaml(
  source: Source,
  maxAliasCount: number,
  onFailure?: (failure: LargeYamlFailure) => void,
): ParsedText | undefined {
  const { text } = source;
  // lines end at LF only, as in YAML 1.2: JavaScript's ^, $ and . also break at U+2028 and U+2029 (found by fuzzing)
  const block = /(?<![^\n])events:(?:[ \t]+#[^\n]*|[ \t]*\r?)\n/.exec(text);
  // a directive (%YAML 1.1) changes what words mean in the whole file, and items are read without it
  if (!block || /(?<![^\n])%/.test(text.slice(0, block.index))) return undefined;
  const bodyStart = block.index + block[0].length;
  // the list ends at the first line that starts in column 0 with anything but a dash, a comment or nothing
  const after = /(?<![^\n])[^ \t\r\n#-]/g;
  after.lastIndex = bodyStart;
  const bodyEnd = after.exec(text)?.index ?? text.length;
  const body = text.slice(bodyStart, bodyEnd);
  const first = /^(?:[ \t]*(?:#[^\n]*|\r?)\n)*(?=( *)-(?: |\r?(?![^\n])))/.exec(body);
  if (!first) return undefined;
  const indent = first[1]!.length;
  const starts: number[] = [];
  const dash = new RegExp(`(?<![^\\n]) {${indent}}-(?: |\\r?(?![^\\n]))`, 'g');
  for (let m = dash.exec(body); m; m = dash.exec(body)) {
    if (starts.push(bodyStart + m.index) <= MAX_LARGE_ITEMS) continue;
    onFailure?.({ kind: 'too-many', start: bodyStart + m.index });
    return undefined;
  }
  const values: unknown[] = [];
  /** the offset of each item's value */
  const at: number[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const end = starts[i + 1] ?? bodyEnd;
    const item = text.slice(start, end);
    const fast = flowItem(item);
    if (fast) {
      values.push(fast);
      at.push(start + indent + 2);
      continue;
    }
    if (separatorsOver(text, start, end) !== undefined) return undefined;
    const doc = parseDocument(item, YAML_OPTIONS);
    const list = cleanValue(source, doc, maxAliasCount);
    if (!Array.isArray(list) || list.length !== 1) {
      onFailure?.({ kind: 'item', start, end });
      return undefined;
    }
    values.push(list[0]);
    at.push(start + nodeOffset(doc, [0]));
  }
  // the rest of the file, the list emptied: offsets in it past the list are moved back by `shift` when placed
  const headText = `${text.slice(0, block.index)}events: []\n${text.slice(bodyEnd)}`;
  const cut = block.index + 'events: []\n'.length;
  const shift = bodyEnd - cut;
  if (separatorsOver(headText) !== undefined) return undefined;
  const head = parseDocument(headText, YAML_OPTIONS);
  const value = cleanValue(source, head, maxAliasCount) as { events?: unknown } | undefined;
  if (!Array.isArray(value?.events) || value.events.length !== 0) return undefined;
  value.events = values;

  // the item last asked about, parsed again (issues come in item order, so one is enough)
  let cached: { index: number; doc: Document } | undefined;
  return {
    value,
    locate(path, key = false) {
      const i = path[1];
      // the list itself starts at its first dash (the head holds only an empty `events: []` in its place)
      if (path.length === 1 && path[0] === 'events' && !key) return source.place(starts[0]! + indent);
      if (path[0] !== 'events' || typeof i !== 'number' || i >= starts.length) {
        const offset = nodeOffset(head, path, key);
        return source.place(offset < cut ? offset : offset + shift);
      }
      if (path.length === 2) return source.place(at[i]!);
      if (cached?.index !== i)
        cached = { index: i, doc: parseDocument(text.slice(starts[i], starts[i + 1] ?? bodyEnd), YAML_OPTIONS) };
      return source.place(starts[i]! + nodeOffset(cached.doc, [0, ...path.slice(2)], key));
    },
  };
}
