// Long YAML timelines read one event at a time (why: docs/ARCHITECTURE.md); anything else is left to the whole parse.
import { parseDocument, type Document } from 'yaml';
import { separatorsOver } from './limits.js';
import type { Parsed, Source } from './source.js';
import { MAX_ALIASES, nodeOffset, YAML_OPTIONS, yamlIssues } from './yaml.js';

/** Files above this size take the item-by-item path when their shape allows it. */
export const LARGE_YAML_BYTES = 1_000_000;
/** The most events read one at a time: 2.5 times the longest timeline benchmarked, and more than 16 MB holds. */
const MAX_LARGE_ITEMS = 250_000;

/** YAML 1.2's words for true, false and null; every other word is text. */
const WORDS: Record<string, boolean | null> = {};
for (const w of ['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL'])
  WORDS[w] = JSON.parse(w.toLowerCase());

/** A scalar YAML 1.2 reads as written (whole numbers, dates, words), or undefined for the yaml package to read. */
function scalar(text: string): unknown {
  if (/^[-+]?[0-9]{1,15}$/.test(text)) return Number(text);
  if (/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(text)) return text;
  if (!/^[A-Za-z][\w.-]*(?: [\w.-]+)*$/.test(text)) return undefined;
  // looked up as a key, a word is kept once by the engine, not as a slice that keeps the whole file in memory
  return Object.hasOwn(WORDS, text) ? WORDS[text] : text;
}

/** The value of an item written `- { key: value, key: [value, value] }` on one line, single-spaced, or undefined. */
export function flowItem(item: string): Record<string, unknown> | undefined {
  const body = /^ *- \{ (.*) \}(?:\r?\n[ \t]*)*$/.exec(item)?.[1];
  const out: Record<string, unknown> = {};
  if (body === undefined) return undefined;
  if (body === '') return out;
  const pair = /([A-Za-z][\w-]*): (?:\[([^[\]]*)\]|([^[\],]+))(, |$)/y;
  for (let m = pair.exec(body); m; m = pair.exec(body)) {
    const [, key, list, word, more] = m;
    const value = list === undefined ? scalar(word!) : list === '' ? [] : list.split(', ').map(scalar);
    if (typeof scalar(key!) !== 'string' || Object.hasOwn(out, key!)) return undefined;
    if (value === undefined || (Array.isArray(value) && value.includes(undefined))) return undefined;
    out[key!] = value;
    if (!more) return out;
  }
  return undefined;
}

/** The value of a document, or undefined when it has any problem (the whole parse then says which). */
function cleanValue(source: Source, doc: Document): unknown {
  try {
    return yamlIssues(source, doc).length === 0 ? doc.toJS({ maxAliasCount: MAX_ALIASES }) : undefined;
  } catch {
    return undefined;
  }
}

/** A top-level mapping whose `events:` is a block list, read item by item; undefined to parse it whole. */
export function parseLargeYaml(source: Source): Parsed | undefined {
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
  const indent = /^(?:[ \t]*(?:#[^\n]*|\r?)\n)*( *)-(?: |\r?(?![^\n]))/.exec(body)?.[1]?.length;
  if (indent === undefined) return undefined;
  const starts: number[] = [];
  for (const m of body.matchAll(new RegExp(`(?<![^\\n]) {${indent}}-(?: |\\r?(?![^\\n]))`, 'g'))) {
    if (starts.push(bodyStart + m.index!) > MAX_LARGE_ITEMS) {
      const message = `more than ${MAX_LARGE_ITEMS.toLocaleString('en-US')} events`;
      return source.fail('too-large', message, 'split the timeline into several scenarios', starts.at(-1));
    }
  }
  const values: unknown[] = [];
  const at: number[] = []; // where each item's value starts
  for (const [i, start] of starts.entries()) {
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
    const list = cleanValue(source, doc);
    if (!Array.isArray(list) || list.length !== 1) {
      // a file too large to parse whole says what is wrong with this event, if it can (else its size, by the caller)
      const issues = separatorsOver(text) === undefined ? [] : yamlIssues(source, doc, start);
      return issues.length > 0 ? { ok: false, issues } : undefined;
    }
    values.push(list[0]);
    at.push(start + nodeOffset(doc, [0]));
  }
  // the file with the list emptied: offsets in it past the list move back by `shift` to be placed
  const headText = `${text.slice(0, block.index)}events: []\n${text.slice(bodyEnd)}`;
  if (separatorsOver(headText) !== undefined) return undefined;
  const head = parseDocument(headText, YAML_OPTIONS);
  const cut = block.index + 'events: []\n'.length;
  const shift = bodyEnd - cut;
  const value = cleanValue(source, head) as { events?: unknown } | undefined;
  if (!Array.isArray(value?.events) || value.events.length !== 0) return undefined;
  value.events = values;
  let cached: { index: number; doc: Document } | undefined; // the item last asked about: issues come in item order
  const locate = (path: readonly PropertyKey[], key = false) => {
    const i = path[1];
    if (path[0] !== 'events' || (key && path.length === 1)) {
      const offset = nodeOffset(head, path, key);
      return source.place(offset < cut ? offset : offset + shift);
    }
    // the list starts at its first dash (the head holds only an empty `events: []` in its place)
    if (typeof i !== 'number' || starts[i] === undefined) return source.place(starts[0]! + indent);
    if (path.length === 2) return source.place(at[i]!);
    if (cached?.index !== i)
      cached = { index: i, doc: parseDocument(text.slice(starts[i], starts[i + 1] ?? bodyEnd), YAML_OPTIONS) };
    return source.place(starts[i]! + nodeOffset(cached.doc, [0, ...path.slice(2)], key));
  };
  return { ok: true, parsed: { value, locate } };
}
