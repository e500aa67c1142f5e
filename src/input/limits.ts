// Bounds on hostile input (deep, huge, repetitive): cheap scans of the text before a parser recurses or builds a tree,
// and a walk of the value that stops early.
import type { Parsed, Source } from './source.js';

const MAX_DEPTH = 64;
/** Lines are indented by at most this much (with list dashes): nesting in block YAML, bounded as in flow. */
const MAX_BLOCK_PREFIX = 256;
/**
 * The most values (list items and mapping fields, counted together) one file may hold. The 100,000-event benchmark
 * timeline has 583,333; checking a million broken ones takes about 1.5 GB, so this is also what keeps a hostile file
 * (a few megabytes of `- {}`) from exhausting memory.
 */
const MAX_VALUES = 1_000_000;
/**
 * The most text (characters of every value and key, each alias counted every time it is used) one document may expand
 * to: the size of the largest file read, which a document without aliases never exceeds. A 2 MB text reused by 98
 * aliases made 198 MB of text and gigabytes of report.
 */
const MAX_EXPANDED_CHARS = 16 * 1024 * 1024;
/**
 * The most separators (line breaks, commas and colons) a YAML text parsed in one piece may hold: `yaml` builds a tree
 * of roughly 0.5–1 kB per value, so a 16 MB file of `[1,1,1,…]` would take over 4 GB. Long timelines written as a
 * block list are read one event at a time instead, and each event is held to the same bound.
 */
export const MAX_YAML_SEPARATORS = 1_000_000;

/** The text nested too deep, at the offset where it first goes too deep (found by scanning, so no parser recurses). */
export function tooDeep(source: Source): Parsed | undefined {
  const { text } = source;
  const prefix = new RegExp(`[ \\t-]{${MAX_BLOCK_PREFIX + 1}}`, 'y');
  let depth = 0;
  let quote: string | null = null;
  let at: number | undefined;
  for (let i = 0; i < text.length && at === undefined; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      prefix.lastIndex = i + 1;
      if (prefix.test(text)) at = i + 1;
      if (quote === null) continue;
    }
    if (quote !== null) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || (ch === "'" && /[\s[{,:]/.test(text[i - 1] ?? ' '))) quote = ch;
    else if (ch === '#' && /\s/.test(text[i - 1] ?? ' ')) {
      const end = text.indexOf('\n', i);
      i = (end === -1 ? text.length : end) - 1;
    } else if (ch === '[' || ch === '{') {
      if (++depth > MAX_DEPTH) at = i;
    } else if (ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
  }
  return at === undefined ? undefined : deepIssue(source, at);
}

const deepIssue = (source: Source, at = 0) =>
  source.fail(
    'too-deep',
    `nested more than ${MAX_DEPTH} levels deep`,
    'scenario and rule files are shallow; this looks like a broken or hostile file',
    at,
  );

/** How many keys a parsed value holds, and what is wrong with its shape (too deep, too many values, too much text). */
export function shapeOf(source: Source, value: unknown): { keys: number; problem?: Parsed } {
  let values = 0;
  let keys = 0;
  let chars = typeof value === 'string' ? value.length : 0;
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  const MB = MAX_EXPANDED_CHARS / 1048576;
  while (stack.length > 0) {
    const { value: v, depth } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    // deep through aliases (a scan of the text found nothing), or JSON, which is scanned only to say where
    if (depth >= MAX_DEPTH) return { keys, problem: tooDeep(source) ?? deepIssue(source) };
    const children = Object.values(v);
    if ((values += children.length) > MAX_VALUES) {
      const message = `holds more than ${MAX_VALUES.toLocaleString('en-US')} values (list items and fields)`;
      const hint = 'split the timeline into several scenarios; 100,000 events take about 600,000';
      return { keys, problem: source.fail('too-large', message, hint) };
    }
    if (!Array.isArray(v)) {
      keys += children.length;
      for (const key of Object.keys(v)) chars += key.length;
    }
    for (const child of children) {
      if (typeof child === 'string') chars += child.length;
      else if (child !== null && typeof child === 'object') stack.push({ value: child, depth: depth + 1 });
    }
    if (chars > MAX_EXPANDED_CHARS) {
      const message = `expands to more than ${MB} MB of text once its aliases (*name) are filled in; at most ${MB} MB, the largest file read`;
      const hint = 'write a long text once, not reused by aliases; a scenario needs no more text than its file holds';
      return { keys, problem: source.fail('too-large', message, hint) };
    }
  }
  return { keys };
}

/** The offset of the line where text[start, end) passes MAX_YAML_SEPARATORS separators: a bound on the nodes it makes. */
export function separatorsOver(text: string, start = 0, end = text.length): number | undefined {
  let count = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c === 10 || c === 44 || c === 58) && ++count > MAX_YAML_SEPARATORS)
      return c === 10 ? i + 1 : text.lastIndexOf('\n', i) + 1;
  }
  return undefined;
}
