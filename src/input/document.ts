// Text → value with positions: YAML parsed by `yaml` and JSON by JSON.parse plus a position scan, so every path maps
// back to line:column. Hostile text (deep, huge, repetitive) is turned away by cheap scans before any tree is built.
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { InputIssue } from './issues.js';
import { jsonDuplicateKeys, jsonLocator, lineIndex } from './jsonPositions.js';
import { jsonErrorOffset } from './jsonOffset.js';
import { LARGE_YAML_BYTES, MAX_LARGE_ITEMS, parseLargeYaml, type LargeYamlFailure } from './largeYaml.js';
import { locateIn, type ParsedText } from './locate.js';
import { duplicateKeys, MAX_YAML_SEPARATORS, separatorsOver } from './yamlNodes.js';

const MAX_ALIASES = 100;
const MAX_DEPTH = 64;
/**
 * The most values (list items and mapping fields, counted together) one file may hold. The 100,000-event benchmark
 * timeline has 583,333; checking a million broken ones takes about 1.5 GB, so this is also what keeps a hostile file
 * (a few megabytes of `- {}`) from exhausting memory.
 */
export const MAX_VALUES = 1_000_000;
export { MAX_YAML_SEPARATORS } from './yamlNodes.js';

export type { ParsedText } from './locate.js';

export type Parsed = { ok: true; parsed: ParsedText } | { ok: false; issues: InputIssue[] };

function issueAt(file: string, code: string, line: number, column: number, message: string, hint?: string): InputIssue {
  return { code, file, line, column, path: '', message, ...(hint ? { hint } : {}) };
}

/**
 * The most text (characters of every value and key, each alias counted every time it is used) one document may expand
 * to: the size of the largest file read, which a document without aliases never exceeds. A 2 MB text reused by 98
 * aliases made 198 MB of text and gigabytes of report.
 */
const MAX_EXPANDED_CHARS = 16 * 1024 * 1024;

/** What is wrong with the shape of a parsed value, if anything: nested too deep, too many values, too much text. Stops early. */
function shapeProblem(value: unknown): 'too-deep' | 'too-many' | 'too-long' | undefined {
  let count = 0;
  let chars = typeof value === 'string' ? value.length : 0;
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: v, depth } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_DEPTH) return 'too-deep';
    const children = Object.values(v);
    count += children.length;
    if (count > MAX_VALUES) return 'too-many';
    if (!Array.isArray(v)) for (const key of Object.keys(v)) chars += key.length;
    for (const child of children) {
      if (typeof child === 'string') chars += child.length;
      else if (child !== null && typeof child === 'object') stack.push({ value: child, depth: depth + 1 });
    }
    if (chars > MAX_EXPANDED_CHARS) return 'too-long';
  }
  return undefined;
}

const tooLong = (file: string) =>
  issueAt(
    file,
    'too-large',
    1,
    1,
    `expands to more than ${MAX_EXPANDED_CHARS / 1048576} MB of text once its aliases (*name) are filled in; at most ${MAX_EXPANDED_CHARS / 1048576} MB, the largest file read`,
    'write a long text once, not reused by aliases; a scenario needs no more text than its file holds',
  );

const DEEP_HINT = 'scenario and rule files are shallow; this looks like a broken or hostile file';
const tooDeep = (file: string, line = 1, column = 1) =>
  issueAt(file, 'too-deep', line, column, `nested more than ${MAX_DEPTH} levels deep`, DEEP_HINT);
const tooMany = (file: string) =>
  issueAt(
    file,
    'too-large',
    1,
    1,
    `holds more than ${MAX_VALUES.toLocaleString('en-US')} values (list items and fields)`,
    'split the timeline into several scenarios; 100,000 events take about 600,000',
  );

function jsonSyntaxIssue(file: string, text: string, error: Error): InputIssue {
  const offset = Math.max(0, jsonErrorOffset(text));
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  const found = offset >= text.length ? 'the end of the file' : JSON.stringify(text.slice(offset, offset + 12));
  const reason = error.message
    .replace(/^JSON\.parse: /, '')
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/, (\.\.\.)?".*" is not valid JSON$/s, '')
    .replace(/ is not valid JSON$/, '');
  return issueAt(
    file,
    'syntax',
    line,
    column,
    `not valid JSON: ${reason} (at ${found})`,
    'check for a missing or extra comma, quote or bracket here',
  );
}

const MAX_BLOCK_PREFIX = 256;

/** Where nesting first goes too deep, found by scanning the text, so no parser ever recurses that far. */
function tooDeepAt(text: string): { line: number; column: number } | undefined {
  let depth = 0;
  let quote: string | null = null;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      line++;
      lineStart = i + 1;
      const prefix = /^[ \t-]*/.exec(text.slice(lineStart, lineStart + MAX_BLOCK_PREFIX + 1))![0].length;
      if (prefix > MAX_BLOCK_PREFIX) return { line, column: 1 };
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
      if (++depth > MAX_DEPTH) return { line, column: i - lineStart + 1 };
    } else if (ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
  }
  return undefined;
}

function yamlIssues(file: string, text: string, doc: Document, lineOffset = 0): InputIssue[] {
  const position = lineIndex(text);
  const at = (offset: number) => {
    const p = position(offset);
    return { line: p.line + lineOffset, column: p.column };
  };
  const problems = [...doc.errors, ...doc.warnings].map((e) => {
    const { line, column } = at(e.pos[0]);
    const hint = e.code === 'TAB_AS_INDENT' ? 'indent with spaces' : undefined;
    // yaml quotes the offending token, which can be a whole paragraph of the file (found by fuzzing)
    const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return {
      offset: e.pos[0],
      issue: issueAt(
        file,
        'syntax',
        line,
        column,
        `YAML: ${message.length > 200 ? `${message.slice(0, 200)}…` : message}`,
        hint,
      ),
    };
  });
  for (const d of duplicateKeys(doc)) {
    const { line, column } = at(d.offset);
    problems.push({ offset: d.offset, issue: duplicateIssue(file, 'YAML', d.key, line, column) });
  }
  return problems.sort((a, b) => a.offset - b.offset).map((p) => p.issue);
}

function duplicateIssue(file: string, kind: string, key: string, line: number, column: number): InputIssue {
  const name = key.length > 60 ? `${key.slice(0, 60)}…` : key;
  return issueAt(
    file,
    'duplicate-key',
    line,
    column,
    `${kind}: the field "${name}" appears twice here`,
    'each field may appear once; remove or rename one of them',
  );
}

const YAML_OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: true, merge: false, version: '1.2' } as const;

function parseJson(file: string, text: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [jsonSyntaxIssue(file, text, error as Error)] };
  }
  const position = lineIndex(text);
  const duplicates = jsonDuplicateKeys(text);
  if (duplicates.length > 0)
    return {
      ok: false,
      issues: duplicates.map((d) => {
        const { line, column } = position(d.offset);
        return duplicateIssue(file, 'JSON', d.key, line, column);
      }),
    };
  const locate = jsonLocator(text);
  return { ok: true, parsed: { value, locate: (path, key) => position(locate(path, key)) } };
}

function parseYaml(file: string, text: string): Parsed {
  let failure: LargeYamlFailure | undefined;
  if (text.length > LARGE_YAML_BYTES) {
    const large = parseLargeYaml(text, MAX_ALIASES, (f) => (failure = f));
    if (large) return { ok: true, parsed: large };
  }
  if (failure?.kind === 'too-many') {
    return {
      ok: false,
      issues: [
        issueAt(
          file,
          'too-large',
          failure.line,
          1,
          `more than ${MAX_LARGE_ITEMS.toLocaleString('en-US')} events`,
          'split the timeline into several scenarios',
        ),
      ],
    };
  }
  const over = separatorsOver(text, MAX_YAML_SEPARATORS);
  if (over) {
    // a long block list that failed on one event: that event's own problems say more than the size does
    if (failure) {
      const item = text.slice(failure.start, failure.end);
      const doc = parseDocument(item, YAML_OPTIONS);
      const issues = yamlIssues(file, item, doc, failure.line);
      if (issues.length > 0) return { ok: false, issues };
    }
    return {
      ok: false,
      issues: [
        issueAt(
          file,
          'too-large',
          over.line,
          1,
          `too much to read in one piece: more than ${MAX_YAML_SEPARATORS.toLocaleString('en-US')} lines, commas and colons`,
          'write events: as a block list (one "- " item per line), which is read one event at a time, or split the file',
        ),
      ],
    };
  }
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter });
  } catch (error) {
    return { ok: false, issues: [issueAt(file, 'syntax', 1, 1, `cannot be parsed: ${(error as Error).message}`)] };
  }
  const problems = yamlIssues(file, text, doc);
  if (problems.length > 0) return { ok: false, issues: problems };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const message = (error as Error).message;
    const hint = /alias/i.test(message)
      ? `at most ${MAX_ALIASES} alias expansions are allowed; write the values out`
      : undefined;
    return { ok: false, issues: [issueAt(file, 'syntax', 1, 1, `cannot be read: ${message}`, hint)] };
  }
  return { ok: true, parsed: { value, locate: (path, key = false) => locateIn(doc, lineCounter, path, key) } };
}

/** Parses YAML (or JSON, when `json` is set) without ever throwing: problems come back as issues. */
export function parseText(file: string, raw: string, json: boolean): Parsed {
  const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  if (text.includes('\u0000'))
    return {
      ok: false,
      issues: [
        issueAt(
          file,
          'binary',
          1,
          1,
          'this is not a text file (it contains NUL bytes)',
          'scenario files are YAML or JSON text',
        ),
      ],
    };
  if (text.trim() === '')
    return {
      ok: false,
      issues: [issueAt(file, 'empty', 1, 1, 'the file is empty', 'start from a bundled example in scenarios/')],
    };
  if (!json && !text.includes('\n') && text.includes('\r')) {
    return {
      ok: false,
      issues: [
        issueAt(
          file,
          'line-endings',
          1,
          1,
          'the lines of this file end in a carriage return alone (old Mac OS style); casus reads YAML with LF or CRLF line endings',
          "save it with LF line endings (most editors offer this; or tr '\\r' '\\n' < old.yaml > new.yaml)",
        ),
      ],
    };
  }
  const deep = tooDeepAt(text);
  if (deep) return { ok: false, issues: [tooDeep(file, deep.line, deep.column)] };
  const result = json ? parseJson(file, text) : parseYaml(file, text);
  if (!result.ok) return result;
  const { value } = result.parsed;
  if (value === null || value === undefined)
    return {
      ok: false,
      issues: [
        issueAt(
          file,
          'empty',
          1,
          1,
          'the file holds no data (only comments or null)',
          'start from a bundled example in scenarios/',
        ),
      ],
    };
  const shape = shapeProblem(value);
  if (shape)
    return {
      ok: false,
      issues: [shape === 'too-deep' ? tooDeep(file) : shape === 'too-long' ? tooLong(file) : tooMany(file)],
    };
  return result;
}
