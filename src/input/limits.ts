// Bounds on hostile input, checked by scans that never recurse and stop early (measured: docs/reliability.md).
import type { Parsed, Source } from './source.js';

const MAX_DEPTH = 64;
/** Indentation (with list dashes) bounds the nesting of block YAML as brackets bound flow. */
const MAX_BLOCK_PREFIX = 256;
/** List items and fields of one file: the 100,000-event benchmark holds 583,333; a million broken ones take 1.5 GB. */
const MAX_VALUES = 1_000_000;
/** Text once aliases are filled in: the largest file read (2 MB reused by 98 aliases made gigabytes of report). */
const MAX_EXPANDED_CHARS = 16 * 1024 * 1024;
/** Line breaks, commas and colons of YAML parsed whole: its tree takes up to 1 kB a value. */
export const MAX_YAML_SEPARATORS = 1_000_000;

/** Nesting too deep, at the offset where it first goes too deep, found before any parser recurses. */
export function tooDeep(source: Source): Parsed | undefined {
  const { text } = source;
  const prefix = new RegExp(`[ \\t-]{${MAX_BLOCK_PREFIX + 1}}`, 'y');
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      prefix.lastIndex = i + 1;
      if (prefix.test(text)) return deep(source, i + 1);
      if (quote === null) continue;
    }
    if (quote !== null) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || (ch === "'" && /[\s[{,:]/.test(text[i - 1] ?? ' '))) quote = ch;
    else if (ch === '#' && /\s/.test(text[i - 1] ?? ' ')) {
      const end = text.indexOf('\n', i);
      i = (end === -1 ? text.length : end) - 1; // the comment skipped, its line end read next
    } else if ((ch === '[' || ch === '{') && ++depth > MAX_DEPTH) return deep(source, i);
    else if (ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
  }
  return undefined;
}

const deep = (source: Source, at = 0) =>
  source.fail(
    'too-deep',
    `nested more than ${MAX_DEPTH} levels deep`,
    'scenario and rule files are shallow; this looks like a broken or hostile file',
    at,
  );

/** How many keys a value holds, and what is wrong with its shape: too deep, too many values, too much text. */
export function shapeOf(source: Source, value: unknown): { keys: number; problem?: Parsed } {
  let values = 0;
  let keys = 0;
  let chars = typeof value === 'string' ? value.length : 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [v, depth] = next;
    if (v === null || typeof v !== 'object') continue;
    // through aliases (the text was shallow) or in JSON (scanned only now, to say where)
    if (depth >= MAX_DEPTH) return { keys, problem: tooDeep(source) ?? deep(source) };
    const children = Object.values(v);
    if ((values += children.length) > MAX_VALUES) {
      const message = `holds more than ${MAX_VALUES.toLocaleString('en-US')} values (list items and fields)`;
      const hint = 'split the timeline into several scenarios; 100,000 events take about 600,000';
      return { keys, problem: source.fail('too-large', message, hint) };
    }
    if (!Array.isArray(v)) for (const key of Object.keys(v)) chars += key.length;
    if (!Array.isArray(v)) keys += children.length;
    for (const child of children) {
      if (typeof child === 'string') chars += child.length;
      else if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
    if (chars > MAX_EXPANDED_CHARS) {
      const mb = MAX_EXPANDED_CHARS / 1048576;
      const message =
        `expands to more than ${mb} MB of text once its aliases (*name) are filled in; ` +
        `at most ${mb} MB, the largest file read`;
      const hint = 'write a long text once, not reused by aliases; a scenario needs no more text than its file holds';
      return { keys, problem: source.fail('too-large', message, hint) };
    }
  }
  return { keys };
}

/** The offset of the line where text[start, end) passes MAX_YAML_SEPARATORS separators. */
export function separatorsOver(text: string, start = 0, end = text.length): number | undefined {
  for (let i = start, count = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c === 10 || c === 44 || c === 58) && ++count > MAX_YAML_SEPARATORS)
      return c === 10 ? i + 1 : text.lastIndexOf('\n', i) + 1;
  }
  return undefined;
}
