// A fast reader for the commonest list item, `- { key: value, key: [a, b] }` on one line: plain words and integers only.
// Anything else (quotes, floats, comments, anchors, repeated keys, other layouts) returns undefined and the caller
// parses the item with the yaml package, which stays the one authority on YAML and on every error message.

const ITEM = /^ *- \{([^{}[\]]*(?:\[[^{}[\]]*\][^{}[\]]*)*)\}[ \t]*\r?\n?(?:[ \t]*\r?\n)*$/;
const KEY = /^[A-Za-z][A-Za-z0-9_-]*$/;
// a plain scalar of words: letters, digits, dot, hyphen, underscore, single inner spaces; never starting with a dot
const WORD = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(?: [A-Za-z0-9._-]+)*$/;
const INTEGER = /^[-+]?[0-9]{1,15}$/;
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
// YAML 1.2 core schema words that are not strings; a word starting like a number (floats, .inf, 0x1F) is left to yaml
const BOOLEAN: Record<string, boolean> = {
  true: true,
  True: true,
  TRUE: true,
  false: false,
  False: false,
  FALSE: false,
};
const NULL = /^(?:null|Null|NULL)$/;

/** YAML's own trim: spaces and tabs only (String.prototype.trim would also drop U+00A0, U+2028 and the like). */
const yamlTrim = (s: string) => s.replace(/^[ \t]+|[ \t]+$/g, '');

function scalar(raw: string): unknown {
  const s = yamlTrim(raw);
  if (!WORD.test(s)) return undefined;
  if (INTEGER.test(s)) return Number(s);
  if (/^[-+.0-9]/.test(s)) return DATE.test(s) ? s : undefined;
  if (Object.hasOwn(BOOLEAN, s)) return BOOLEAN[s];
  return NULL.test(s) ? undefined : s;
}

/** The value of `- { ... }` (the item's whole text, from its dash), or undefined when only the yaml package may read it. */
export function flowItem(text: string): Record<string, unknown> | undefined {
  const m = ITEM.exec(text);
  if (!m) return undefined;
  const body = m[1]!;
  const out: Record<string, unknown> = {};
  // split on top-level commas (a list's commas are inside brackets)
  let depth = 0;
  let from = 0;
  const parts: string[] = [];
  for (let i = 0; i <= body.length; i++) {
    const c = body[i];
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if ((c === ',' || c === undefined) && depth === 0) {
      // the yaml package keeps a space before a comma in the value (`at: 2026-01-10 ,`): leave such items to it
      if (c === ',' && /[ \t]/.test(body[i - 1] ?? '')) return undefined;
      parts.push(body.slice(from, i));
      from = i + 1;
    }
  }
  if (parts.length === 1 && yamlTrim(parts[0]!) === '') return out;
  for (const part of parts) {
    const colon = part.indexOf(': ');
    if (colon === -1) return undefined;
    const key = yamlTrim(part.slice(0, colon));
    if (!KEY.test(key) || Object.hasOwn(out, key)) return undefined;
    const raw = yamlTrim(part.slice(colon + 2));
    let value: unknown;
    if (raw.startsWith('[')) {
      if (!raw.endsWith(']')) return undefined;
      const inner = raw.slice(1, -1);
      if (/[ \t],/.test(inner)) return undefined;
      if (yamlTrim(inner) === '') value = [];
      else {
        const items = inner.split(',').map(scalar);
        if (items.some((v) => v === undefined)) return undefined;
        value = items;
      }
    } else {
      value = scalar(raw);
      if (value === undefined) return undefined;
    }
    out[key] = value;
  }
  return out;
}
