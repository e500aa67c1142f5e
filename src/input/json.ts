// JSON: values by JSON.parse (fast); positions and repeated keys by jsonc-parser, and only for what is asked.
import { visit } from 'jsonc-parser';
import type { InputIssue } from './issues.js';
import { tooDeep } from './limits.js';
import type { Parsed, Source } from './source.js';

/** Where a member of an object or array stands: the offsets of its key (-1 in an array) and of its value. */
type Member = { key: number; start: number };

/** Indexes the value at `start` and the objects and arrays among its members: each one's members, by key or index. */
function index(text: string, start: number, members: Map<number, Map<PropertyKey, Member>>): void {
  const open: Array<{ members: Map<PropertyKey, Member>; name: PropertyKey; key: number }> = [];
  let depth = 0;
  const add = (offset: number) => {
    const parent = open[open.length - 1];
    if (!parent) return;
    parent.members.set(parent.name, { key: parent.key, start: start + offset });
    if (typeof parent.name === 'number') parent.name++;
  };
  const begin = (offset: number) => {
    add(offset);
    // two levels are indexed at once: the list of a long timeline is read in the same pass as the file around it
    if (++depth > 2) return false;
    const own = new Map<PropertyKey, Member>();
    members.set(start + offset, own);
    open.push({ members: own, name: 0, key: -1 });
  };
  const end = () => {
    if (depth-- <= 2) open.pop();
  };
  // visit stops after the first value: the slice's text beyond it is never read
  visit(text.slice(start), {
    onObjectBegin: begin,
    onArrayBegin: begin,
    onObjectEnd: end,
    onArrayEnd: end,
    onObjectProperty: (name, offset) => {
      const parent = open[open.length - 1]!;
      parent.name = name;
      parent.key = start + offset;
    },
    onLiteralValue: (_, offset) => add(offset),
  });
}

/** Parses JSON without throwing: a syntax error comes back as an issue at its line and column. */
export function parseJson(source: Source): Parsed {
  const { text } = source;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // too deep first: JSON.parse reads any depth, jsonc-parser (below) would overflow the stack
    const deep = tooDeep(source);
    if (deep) return deep;
    const message = (error as Error).message;
    // V8 says where for most errors; where it does not, jsonc-parser's first error is the place
    let offset = Number(/ at position (\d+)/.exec(message)?.[1] ?? -1);
    const first = (_: unknown, at: number) => void (offset = offset < 0 ? at : offset);
    if (offset < 0) visit(text, { onError: first }, { disallowComments: true });
    offset = Math.max(0, offset);
    const found = offset >= text.length ? 'the end of the file' : JSON.stringify(text.slice(offset, offset + 12));
    const reason = message
      .replace(/^JSON\.parse: /, '')
      .replace(/ in JSON at position \d+.*$/s, '')
      .replace(/, (\.\.\.)?".*" is not valid JSON$/s, '')
      .replace(/ is not valid JSON$/, '');
    const hint = 'check for a missing or extra comma, quote or bracket here';
    return source.fail('syntax', `not valid JSON: ${reason} (at ${found})`, hint, offset);
  }
  const members = new Map<number, Map<PropertyKey, Member>>();
  const root = text.length - text.trimStart().length;
  const locate = (path: readonly PropertyKey[], key = false) => {
    let at: Member = { key: -1, start: root };
    let depth = 0;
    for (const seg of path) {
      const open = text[at.start];
      if (open !== '{' && open !== '[') break;
      if (!members.has(at.start)) index(text, at.start, members);
      const next = members.get(at.start)!.get(open === '[' ? seg : String(seg));
      if (!next) break;
      at = next;
      depth++;
    }
    return source.place(key && depth === path.length && at.key >= 0 ? at.key : at.start);
  };
  return { ok: true, parsed: { value, locate } };
}

/**
 * Keys repeated in one object (JSON.parse keeps the last silently), given how many keys the parsed value holds. Each
 * key is followed by a colon, so a text with no more colons than the value has keys repeats none: nothing to scan.
 */
export function repeatedKeys(source: Source, keys: number): InputIssue[] {
  let colons = 0;
  for (let i = source.text.indexOf(':'); i !== -1 && colons <= keys; i = source.text.indexOf(':', i + 1)) colons++;
  if (colons <= keys) return [];
  const found: InputIssue[] = [];
  const open: Array<Set<string>> = [];
  visit(source.text, {
    onObjectBegin: () => void open.push(new Set()),
    onObjectEnd: () => void open.pop(),
    onObjectProperty: (name, offset) => {
      const seen = open[open.length - 1]!;
      if (seen.has(name)) found.push(source.repeated('JSON', name, offset));
      seen.add(name);
    },
  });
  return found;
}
