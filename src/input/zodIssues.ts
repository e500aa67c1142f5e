// zod issues → InputIssues: the field path, its line, what was expected, what was found, and a hint.
import type { z } from 'zod';
import { didYouMean, listOf } from '../plan/suggest.js';
import type { ParsedText } from './document.js';
import { pathText, type InputIssue } from './issues.js';

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  out?: z.ZodType;
  values?: unknown[];
};
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    const def = defOf(s);
    if ((def.type === 'optional' || def.type === 'nullable' || def.type === 'default') && def.innerType)
      s = def.innerType;
    else if (def.type === 'pipe' && def.in && def.out) s = defOf(def.in).type === 'transform' ? def.out : def.in;
    else return s;
  }
}

function pickOption(options: z.ZodType[], value: unknown): z.ZodType | undefined {
  const type = (value as { type?: unknown } | null)?.type;
  return (
    options.find((o) => {
      const lit = defOf(unwrap(o)).shape?.type;
      return lit !== undefined && defOf(lit).values?.includes(type);
    }) ?? options.find((o) => defOf(unwrap(o)).type === 'object')
  );
}

/** The field names the schema accepts at `path`, following the actual value through unions. */
function keysAt(schema: z.ZodType, value: unknown, path: readonly PropertyKey[]): string[] {
  let s: z.ZodType | undefined = unwrap(schema);
  let v = value;
  const step = (): void => {
    const def = defOf(s!);
    if (def.type === 'union' && def.options) s = pickOption(def.options, v);
    s = s && unwrap(s);
  };
  step();
  for (const seg of path) {
    if (!s) return [];
    const def = defOf(s);
    if (def.type === 'object' && def.shape) s = def.shape[String(seg)];
    else if (def.type === 'array' && def.element) s = def.element;
    else if (def.type === 'record') return [];
    else return [];
    v = (v as Record<PropertyKey, unknown> | null)?.[seg as string];
    if (s) step();
  }
  return s && defOf(s).shape ? Object.keys(defOf(s).shape!) : [];
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const seg of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, seg as string)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg as string];
  }
  return v;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Uint8Array) return 'binary data (a !!binary value; casus reads text)';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 60)}…` : value}"`;
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN (not a number)';
  if (typeof value === 'number' && !Number.isFinite(value))
    return `${value > 0 ? '' : 'minus '}infinity (a number too large to hold)`;
  if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value))
    return `number ${String(value)} (too large to hold exactly: at most ${Number.MAX_SAFE_INTEGER})`;
  return `${typeof value} ${String(value)}`;
}

/** Hints (suggestions by edit distance) are worked out for this many issues; a file with more gets the rest without. */
const HINTED_ISSUES = 200;

const TYPE_WORDS: Record<string, string> = {
  int: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  string: 'text',
  array: 'a list',
  object: 'a mapping',
};

const isDefaultMessage = (m: string) => /^(Invalid|Too (small|big)|Unrecognized|Expected)/.test(m);

export function zodToIssues(error: z.ZodError, schema: z.ZodType, parsed: ParsedText, file: string): InputIssue[] {
  const out: InputIssue[] = [];
  const push = (
    code: string,
    path: PropertyKey[],
    message: string,
    hintOf?: string | (() => string | undefined),
    key = false,
  ) => {
    const { line, column } = parsed.locate(path, key);
    const hint = typeof hintOf === 'function' ? (out.length < HINTED_ISSUES ? hintOf() : undefined) : hintOf;
    out.push({ code, file, line, column, path: pathText(path), message, ...(hint ? { hint } : {}) });
  };
  type Issue = (typeof error.issues)[number];
  const visit = (issues: readonly Issue[], prefix: PropertyKey[]): void => {
    for (const issue of issues) {
      const path = [...prefix, ...(issue.path as PropertyKey[])];
      const actual = valueAt(parsed.value, path);
      const custom = isDefaultMessage(issue.message) ? undefined : issue.message;
      switch (issue.code) {
        case 'unrecognized_keys': {
          const known = keysAt(schema, parsed.value, path);
          for (const k of issue.keys) {
            const hint = () =>
              didYouMean(k, known) ?? (known.length ? `the fields here are ${listOf(known)}` : undefined);
            push(
              'unknown-field',
              [...path, k],
              `unknown field "${k.length > 60 ? `${k.slice(0, 60)}…` : k}"`,
              hint,
              true,
            );
          }
          break;
        }
        case 'invalid_union': {
          const disc = (issue as { discriminator?: string }).discriminator;
          if (disc) {
            const options = (issue as { options?: unknown[] }).options;
            const known = (options ?? []).map(String);
            const atDisc = path[path.length - 1] === disc;
            const got = atDisc ? actual : valueAt(actual, [disc]);
            const discPath = atDisc ? path : [...path, disc];
            if (got === undefined)
              push(
                'missing-field',
                discPath,
                `missing field "${disc}"`,
                known.length ? `${disc} is one of ${listOf(known, 20)}` : undefined,
              );
            else
              push(
                'invalid-value',
                discPath,
                `unknown ${disc} ${describe(got)}`,
                () => didYouMean(got, known) ?? `expected one of ${listOf(known, 20)}`,
              );
          } else {
            const branches = (issue as { errors?: Issue[][] }).errors ?? [];
            // a branch of another type altogether ("expected text" for a mapping) says less than one that got inside the value
            const container = actual !== null && typeof actual === 'object';
            const offType = (b: Issue[]) =>
              container &&
              b.every((i) => (i.code === 'invalid_type' || i.code === 'invalid_union') && i.path.length === 0)
                ? 1
                : 0;
            const closest = branches
              .filter((b) => b.length > 0)
              .sort((a, b) => offType(a) - offType(b) || a.length - b.length)[0];
            if (closest) visit(closest, path);
            else push('invalid-value', path, `${custom ?? 'not one of the accepted forms'}, got ${describe(actual)}`);
          }
          break;
        }
        case 'invalid_value': {
          if (actual === undefined) {
            push('missing-field', path, `missing required field${custom ? ` (${custom})` : ''}`);
            break;
          }
          const values = issue.values.map(String);
          const expected = custom ?? `expected ${values.length === 1 ? values[0] : `one of ${listOf(values)}`}`;
          push('invalid-value', path, `${expected}, got ${describe(actual)}`, () => didYouMean(actual, values));
          break;
        }
        case 'invalid_type':
          if (actual === undefined)
            push('missing-field', path, `missing required field${custom ? ` (${custom})` : ''}`);
          else
            push(
              'invalid-type',
              path,
              `${custom ?? `expected ${TYPE_WORDS[issue.expected] ?? issue.expected}`}, got ${describe(actual)}`,
            );
          break;
        case 'too_small':
          push(
            'too-small',
            path,
            `${custom ?? (issue.origin === 'array' ? `expected at least ${issue.minimum} item(s)` : `expected at least ${issue.minimum}`)}, got ${describe(actual)}`,
          );
          break;
        case 'too_big':
          push('too-big', path, `${custom ?? `expected at most ${issue.maximum}`}, got ${describe(actual)}`);
          break;
        case 'invalid_format':
          push('invalid-format', path, `${custom ?? `expected ${issue.format}`}, got ${describe(actual)}`);
          break;
        case 'custom': {
          const hint = (issue.params as { hint?: string } | undefined)?.hint;
          const shown =
            actual === undefined ||
            (typeof actual === 'object' && actual !== null) ||
            issue.message.includes(String(actual))
              ? ''
              : `${issue.message.startsWith('expected') ? ', got' : ':'} ${describe(actual)}`;
          push('invalid-value', path, `${issue.message}${shown}`, hint);
          break;
        }
        default:
          push('invalid', path, `${issue.message}, got ${describe(actual)}`);
      }
    }
  };
  visit(error.issues, []);
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}
