// Text → value with positions: YAML and JSON parsed by `yaml`, so every path maps back to line:column.
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { InputIssue } from './issues.js';
import { locateIn } from './locate.js';
import { jsonErrorOffset } from './jsonOffset.js';
import { LARGE_YAML_BYTES, parseLargeYaml } from './largeYaml.js';

export const MAX_ALIASES = 100;
const MAX_DEPTH = 64;

export interface ParsedText {
  value: unknown;
  /** line and column (1-based) of the node at `path`, or of its key when `key` is set. */
  locate(path: readonly PropertyKey[], key?: boolean): { line: number; column: number };
}

export type Parsed = { ok: true; parsed: ParsedText } | { ok: false; issues: InputIssue[] };

function issueAt(file: string, code: string, line: number, column: number, message: string, hint?: string): InputIssue {
  return { code, file, line, column, path: '', message, ...(hint ? { hint } : {}) };
}

function depthOf(value: unknown, depth = 0): number {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return depth;
  let max = depth;
  for (const child of Object.values(value)) max = Math.max(max, depthOf(child, depth + 1));
  return max;
}

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
  return issueAt(file, 'syntax', line, column, `not valid JSON: ${reason} (at ${found})`, 'check for a missing or extra comma, quote or bracket here');
}

/** Parse YAML (or JSON, when `json` is set) without ever throwing: problems come back as issues. */
const MAX_BLOCK_PREFIX = 256;

/** Where nesting first goes too deep, found by scanning the text, so no parser ever recurses that far. */
export function tooDeepAt(text: string): { line: number; column: number } | undefined {
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

export function parseText(file: string, raw: string, json: boolean): Parsed {
  const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  if (text.includes('\u0000')) return { ok: false, issues: [issueAt(file, 'binary', 1, 1, 'this is not a text file (it contains NUL bytes)', 'scenario files are YAML or JSON text')] };
  if (text.trim() === '') return { ok: false, issues: [issueAt(file, 'empty', 1, 1, 'the file is empty', 'start from a bundled example in scenarios/')] };
  const deep = tooDeepAt(text);
  if (deep) return { ok: false, issues: [issueAt(file, 'too-deep', deep.line, deep.column, `nested more than ${MAX_DEPTH} levels deep`, 'scenario and rule files are shallow; this looks like a broken or hostile file')] };
  if (json) {
    try {
      JSON.parse(text);
    } catch (error) {
      return { ok: false, issues: [jsonSyntaxIssue(file, text, error as Error)] };
    }
  }
  if (!json && text.length > LARGE_YAML_BYTES) {
    const large = parseLargeYaml(text, MAX_ALIASES);
    if (large && depthOf(large.value) <= MAX_DEPTH) return { ok: true, parsed: large };
  }
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, merge: false, version: '1.2' });
  } catch (error) {
    return { ok: false, issues: [issueAt(file, 'syntax', 1, 1, `cannot be parsed: ${(error as Error).message}`)] };
  }
  const pos = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    return {
      ok: false,
      issues: problems.map((e) => {
        const { line, column } = pos(e.pos[0]);
        const key = e.code === 'DUPLICATE_KEY' ? /^["']?([^"'\s:,{}[\]]+)/.exec(text.slice(e.pos[0]))?.[1] : undefined;
        const message = key ? `the field "${key}" appears twice here` : e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
        const hint = e.code === 'DUPLICATE_KEY' ? 'each field may appear once; remove or rename one of them' : e.code === 'TAB_AS_INDENT' ? 'indent with spaces' : undefined;
        return issueAt(file, e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'syntax', line, column, `${json ? 'JSON' : 'YAML'}: ${message}`, hint);
      }),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const message = (error as Error).message;
    const hint = /alias/i.test(message) ? `at most ${MAX_ALIASES} alias expansions are allowed; write the values out` : undefined;
    return { ok: false, issues: [issueAt(file, 'syntax', 1, 1, `cannot be read: ${message}`, hint)] };
  }
  if (value === null || value === undefined) return { ok: false, issues: [issueAt(file, 'empty', 1, 1, 'the file holds no data (only comments or null)', 'start from a bundled example in scenarios/')] };
  if (depthOf(value) > MAX_DEPTH) return { ok: false, issues: [issueAt(file, 'too-deep', 1, 1, `nested more than ${MAX_DEPTH} levels deep`, 'scenario and rule files are shallow; this looks like a broken or hostile file')] };

  const locate = (path: readonly PropertyKey[], key = false) => locateIn(doc, lineCounter, path, key);
  return { ok: true, parsed: { value, locate } };
}
