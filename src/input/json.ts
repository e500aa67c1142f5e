// JSON: values by JSON.parse (fast); positions and repeated keys by jsonc-parser, only for what is asked.
import { createScanner, visit } from 'jsonc-parser';
import type { InputIssue } from '../issues/issue.js';
import { tooDeep } from './limits.js';
import type { Parsed, Source } from './source.js';

/** The offsets of a member's key (-1 in a list) and value. */
type Member = { key: number; start: number };
type Members = Map<PropertyKey, Member>;

// jsonc-parser's SyntaxKind (a const enum, which isolated modules cannot read)
const [OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET, COMMA, COLON, STRING, EOF] = [1, 2, 3, 4, 5, 6, 10, 17];

/** Indexes the members of the value at `start`, and theirs: a long list is indexed in one scan of its text. */
function index(text: string, start: number, indexed: Map<number, Members>): void {
  const scanner = createScanner(text, true);
  scanner.setPosition(start);
  // the containers open around the scanner; members are kept for the value at `start` and its children
  const open: Array<{ members?: Members; object: boolean; name: PropertyKey; key: number }> = [];
  let keyNext = false;
  for (let token = scanner.scan(); token !== EOF; token = scanner.scan()) {
    const top = open.at(-1);
    const offset = scanner.getTokenOffset();
    if (token === CLOSE_BRACE || token === CLOSE_BRACKET) {
      open.pop();
      if (open.length === 0) return;
    } else if (token === COMMA) keyNext = top?.object === true;
    else if (keyNext && token === STRING) {
      Object.assign(top!, { name: scanner.getTokenValue(), key: offset });
      keyNext = false;
    } else if (token !== COLON) {
      top?.members?.set(top.name, { key: top.object ? top.key : -1, start: offset });
      if (top && !top.object) top.name = (top.name as number) + 1;
      if (token !== OPEN_BRACE && token !== OPEN_BRACKET) {
        if (open.length === 0) return;
        continue;
      }
      const members = open.length < 2 ? new Map<PropertyKey, Member>() : undefined;
      if (members) indexed.set(offset, members);
      open.push({ ...(members ? { members } : {}), object: token === OPEN_BRACE, name: 0, key: -1 });
      keyNext = token === OPEN_BRACE;
    }
  }
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
