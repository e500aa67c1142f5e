// JSON: values by JSON.parse (fast); positions and repeated keys by jsonc-parser, only for what is asked.
import { visit } from 'jsonc-parser';
import type { InputIssue } from './issues.js';
import { tooDeep } from './limits.js';
import type { Parsed, Source } from './source.js';

/** The offsets of a member's key (-1 in a list) and value. */
type Member = { key: number; start: number };
type Members = Map<PropertyKey, Member>;

/** Indexes the members of the value at `start`, and theirs: a long list is indexed in the pass over its file. */
function index(text: string, start: number, indexed: Map<number, Members>): void {
  const open: Array<{ members: Members; name: PropertyKey; key: number }> = [];
  const add = (offset: number) => {
    const parent = open.at(-1);
    parent?.members.set(parent.name, { key: parent.key, start: start + offset });
    if (typeof parent?.name === 'number') parent.name++;
  };
  let depth = 0;
  const begin = (offset: number) => {
    add(offset);
    if (++depth > 2) return false; // deeper callbacks are skipped
    open.push({ members: new Map(), name: 0, key: -1 });
    indexed.set(start + offset, open.at(-1)!.members);
  };
  const end = () => {
    if (depth-- <= 2) open.pop();
  };
  const property = (name: string, offset: number) => Object.assign(open.at(-1)!, { name, key: start + offset });
  // visit stops after the first value: the text after it is not read
  const visitor = { onObjectBegin: begin, onArrayBegin: begin, onObjectEnd: end, onArrayEnd: end };
  visit(text.slice(start), { ...visitor, onObjectProperty: property, onLiteralValue: (_, offset) => add(offset) });
}

/** JSON's value and positions, or the issue that says where its syntax goes wrong. */
export function parseJson(source: Source): Parsed {
  const { text } = source;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // JSON.parse reads any depth; jsonc-parser, below, would overflow the stack
    const deep = tooDeep(source);
    if (deep) return deep;
    // V8 says where for most errors; for the rest, where jsonc-parser first stumbles
    const message = (error as Error).message;
    let at = Number(/ at position (\d+)/.exec(message)?.[1] ?? -1);
    if (at < 0) visit(text, { onError: (_, offset) => void (at = at < 0 ? offset : at) }, { disallowComments: true });
    at = Math.max(0, at);
    const found = at >= text.length ? 'the end of the file' : JSON.stringify(text.slice(at, at + 12));
    const reason = message
      .replace(/^JSON\.parse: /, '')
      .replace(/ in JSON at position \d+.*$/s, '')
      .replace(/, (\.\.\.)?".*" is not valid JSON$/s, '')
      .replace(/ is not valid JSON$/, '');
    const hint = 'check for a missing or extra comma, quote or bracket here';
    return source.fail('syntax', `not valid JSON: ${reason} (at ${found})`, hint, at);
  }
  const indexed = new Map<number, Members>();
  const root = text.length - text.trimStart().length;
  const locate = (path: readonly PropertyKey[], key = false) => {
    let at: Member = { key: -1, start: root };
    let found = 0;
    for (const seg of path) {
      const bracket = text[at.start];
      if (bracket !== '{' && bracket !== '[') break;
      if (!indexed.has(at.start)) index(text, at.start, indexed);
      const next = indexed.get(at.start)!.get(bracket === '[' ? seg : String(seg));
      if (!next) break;
      at = next;
      found++;
    }
    return source.place(key && found === path.length && at.key >= 0 ? at.key : at.start);
  };
  return { ok: true, parsed: { value, locate } };
}

/** Keys repeated in one object (JSON.parse keeps the last); none if the text has no more colons than the value keys. */
export function repeatedKeys(source: Source, keys: number): InputIssue[] {
  let colons = 0;
  for (let i = source.text.indexOf(':'); i !== -1 && colons <= keys; i = source.text.indexOf(':', i + 1)) colons++;
  const found: InputIssue[] = [];
  const open: Array<Set<string>> = [];
  const property = (name: string, offset: number) => {
    if (open.at(-1)!.has(name)) found.push(source.repeated('JSON', name, offset));
    open.at(-1)!.add(name);
  };
  const visitor = { onObjectBegin: () => void open.push(new Set()), onObjectEnd: () => void open.pop() };
  if (colons > keys) visit(source.text, { ...visitor, onObjectProperty: property });
  return found;
}
