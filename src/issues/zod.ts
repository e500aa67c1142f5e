// zod issues → InputIssues: the field path, its line, what was expected, what was found, and a hint.
import type { z } from 'zod';
import { didYouMean, listOf } from '../plan/suggest.js';
import { clip, pathText, type InputIssue } from './issue.js';
import type { ParsedText } from '../input/source.js';

type Issue = z.core.$ZodIssue;
type Schema = { _zod: { def: Def; propValues?: Record<string, Set<unknown>> } };
type Def = { type: string; shape?: Record<string, Schema>; element?: Schema; innerType?: Schema; options?: Schema[] };

/** The field names the schema accepts at `path`, following the value through wrappers, pipes and unions. */
function fieldsAt(schema: Schema | undefined, value: unknown, path: readonly PropertyKey[]): string[] {
  for (let i = 0; schema; ) {
    const def = schema._zod.def as Def & { in?: Schema; out?: Schema };
    const type = (value as { type?: unknown } | null)?.type;
    if (def.innerType) schema = def.innerType;
    else if (def.in) schema = def.in._zod.def.type === 'transform' ? def.out : def.in;
    else if (def.options)
      schema =
        def.options.find((o) => o._zod.propValues?.type?.has(type)) ??
        def.options.find((o) => fieldsAt(o, value, []).length > 0);
    else if (i === path.length) return Object.keys(def.shape ?? {});
    else {
      const seg = path[i++]!;
      schema = def.shape ? def.shape[String(seg)] : def.element;
      value = (value as Record<PropertyKey, unknown> | null)?.[seg];
    }
  }
  return [];
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  for (const seg of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, seg)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[seg];
  }
  return value;
}

function describe(value: unknown): string {
  if (value === undefined || value === null) return value === null ? 'null' : 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Uint8Array) return 'binary data (a !!binary value; casus reads text)';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${clip(value, 60)}"`;
  if (Number.isNaN(value)) return 'NaN (not a number)';
  if (value === Infinity || value === -Infinity)
    return `${value > 0 ? '' : 'minus '}infinity (a number too large to hold)`;
  if (Number.isInteger(value) && !Number.isSafeInteger(value))
    return `number ${String(value)} (too large to hold exactly: at most ${Number.MAX_SAFE_INTEGER})`;
  return `${typeof value} ${String(value)}`;
}

const TYPE_WORDS: Record<string, string> = {
  int: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  string: 'text',
  array: 'a list',
  object: 'a mapping',
};

/** What was expected, in casus's words, for the issues that say only that; the code each becomes. */
const EXPECTED: Record<string, [string, (issue: Issue & Record<string, unknown>) => string]> = {
  invalid_type: ['invalid-type', (i) => `expected ${TYPE_WORDS[String(i.expected)] ?? i.expected}`],
  too_small: ['too-small', (i) => `expected at least ${i.minimum}${i.origin === 'array' ? ' item(s)' : ''}`],
  too_big: ['too-big', (i) => `expected at most ${i.maximum}`],
  invalid_format: ['invalid-format', (i) => `expected ${i.format}`],
};

type Hint = string | (() => string | undefined);
/** Hints (suggestions by edit distance) are worked out for this many issues; a file with more gets the rest without. */
const HINTED_ISSUES = 200;

export function zodToIssues(error: z.ZodError, schema: z.ZodType, parsed: ParsedText, file: string): InputIssue[] {
  const out: InputIssue[] = [];
  const push = (code: string, path: PropertyKey[], message: string, hint?: Hint, key = false) => {
    const at = parsed.locate(path, key);
    const h = typeof hint === 'function' ? (out.length < HINTED_ISSUES ? hint() : undefined) : hint;
    out.push({ code, file, ...at, path: pathText(path), message, ...(h ? { hint: h } : {}) });
  };
  const visit = (issues: readonly Issue[], prefix: PropertyKey[]): void => {
    for (const issue of issues) {
      const path = [...prefix, ...issue.path];
      const actual = valueAt(parsed.value, path);
      const custom = /^(Invalid|Too (small|big)|Unrecognized|Expected)/.test(issue.message) ? undefined : issue.message;
      const got = `, got ${describe(actual)}`;
      if (issue.code === 'unrecognized_keys') {
        const known = fieldsAt(schema as unknown as Schema, parsed.value, path);
        const hint = (k: string) => () =>
          didYouMean(k, known) ?? (known.length ? `the fields here are ${listOf(known)}` : undefined);
        for (const k of issue.keys)
          push('unknown-field', [...path, k], `unknown field "${clip(k, 60)}"`, hint(k), true);
      } else if (issue.code === 'invalid_union' && issue.discriminator) {
        const disc = issue.discriminator;
        const known = ('options' in issue ? (issue.options ?? []) : []).map(String);
        const atDisc = path[path.length - 1] === disc;
        const value = atDisc ? actual : valueAt(actual, [disc]);
        const [code, message, hint]: [string, string, Hint] =
          value === undefined
            ? ['missing-field', `missing field "${disc}"`, known.length ? `${disc} is one of ${listOf(known, 20)}` : '']
            : [
                'invalid-value',
                `unknown ${disc} ${describe(value)}`,
                () => didYouMean(value, known) ?? `expected one of ${listOf(known, 20)}`,
              ];
        push(code, atDisc ? path : [...path, disc], message, hint);
      } else if (issue.code === 'invalid_union') {
        // a branch of another type altogether ("expected text" for a mapping) says less than one that got inside
        // the value
        const container = actual !== null && typeof actual === 'object';
        const offType = (b: Issue[]) =>
          container && b.every((i) => ['invalid_type', 'invalid_union'].includes(i.code) && i.path.length === 0)
            ? 1
            : 0;
        const closest = issue.errors
          .filter((b) => b.length > 0)
          .sort((a, b) => offType(a) - offType(b) || a.length - b.length)[0];
        if (closest) visit(closest, path);
        else push('invalid-value', path, `${custom ?? 'not one of the accepted forms'}${got}`);
      } else if ((issue.code === 'invalid_value' || issue.code === 'invalid_type') && actual === undefined) {
        push('missing-field', path, `missing required field${custom ? ` (${custom})` : ''}`);
      } else if (issue.code === 'invalid_value') {
        const values = issue.values.map(String);
        const expected = custom ?? `expected ${values.length === 1 ? values[0] : `one of ${listOf(values)}`}`;
        push('invalid-value', path, `${expected}${got}`, () => didYouMean(actual, values));
      } else if (issue.code === 'custom') {
        const plain =
          actual === undefined ||
          (typeof actual === 'object' && actual !== null) ||
          issue.message.includes(String(actual));
        const shown = plain ? '' : `${issue.message.startsWith('expected') ? ', got' : ':'} ${describe(actual)}`;
        push('invalid-value', path, `${issue.message}${shown}`, issue.params?.hint);
      } else {
        const [code, expected] = EXPECTED[issue.code] ?? ['invalid', () => issue.message];
        push(code, path, `${custom ?? expected(issue as Issue & Record<string, unknown>)}${got}`);
      }
    }
  };
  visit(error.issues, []);
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}
