// Positions in a JSON text that JSON.parse has accepted: repeated keys (JSON.parse keeps the last one silently) and
// where the value at a path starts. Scans are iterative and linear; nothing is built for the parts never asked about.

const WS = new Set([' ', '\t', '\n', '\r']);

function skipWs(text: string, i: number): number {
  while (i < text.length && WS.has(text[i]!)) i++;
  return i;
}

/** Offset just after the string starting at `i` (a `"`). */
function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const ch = text[j];
    if (ch === '\\') j++;
    else if (ch === '"') return j + 1;
  }
  return text.length;
}

function keyText(text: string, start: number, end: number): string {
  const raw = text.slice(start, end);
  return raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
}

/** Offset just after the value starting at `i` (any value: nested containers are skipped with a depth count). */
function valueEnd(text: string, i: number): number {
  const ch = text[i];
  if (ch === '"') return stringEnd(text, i);
  if (ch !== '{' && ch !== '[') {
    let j = i;
    while (j < text.length && !WS.has(text[j]!) && text[j] !== ',' && text[j] !== '}' && text[j] !== ']') j++;
    return j;
  }
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const c = text[j];
    if (c === '"') j = stringEnd(text, j) - 1;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (--depth === 0) return j + 1;
    }
  }
  return text.length;
}

export interface DuplicateKey {
  offset: number;
  key: string;
}

/** Every key that repeats one earlier in the same object, with the offset of the repeat. `text` must be valid JSON. */
export function jsonDuplicateKeys(text: string): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  // one entry per open container: the keys seen so far (null for arrays)
  const stack: Array<Set<string> | null> = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (expectKey && top) {
        const key = keyText(text, i, end);
        if (top.has(key)) found.push({ offset: i, key });
        top.add(key);
      }
      expectKey = false;
      i = end - 1;
    } else if (ch === '{') {
      stack.push(new Set());
      expectKey = true;
    } else if (ch === '[') {
      stack.push(null);
      expectKey = false;
    } else if (ch === '}' || ch === ']') {
      stack.pop();
      expectKey = false;
    } else if (ch === ',') {
      expectKey = stack[stack.length - 1] instanceof Set;
    }
  }
  return found;
}

type Children =
  | { kind: 'array'; items: number[] }
  | { kind: 'object'; entries: Map<string, { key: number; value: number }> };

/** A locator for a valid JSON text: the offset of the value at a path (or its key), indexing each container once, on first use. */
export function jsonLocator(text: string): (path: readonly PropertyKey[], key?: boolean) => number {
  const cache = new Map<number, Children>();
  const childrenOf = (start: number): Children => {
    const cached = cache.get(start);
    if (cached) return cached;
    let children: Children;
    if (text[start] === '[') {
      const items: number[] = [];
      let i = skipWs(text, start + 1);
      while (i < text.length && text[i] !== ']') {
        items.push(i);
        i = skipWs(text, valueEnd(text, i));
        if (text[i] === ',') i = skipWs(text, i + 1);
      }
      children = { kind: 'array', items };
    } else {
      const entries = new Map<string, { key: number; value: number }>();
      let i = skipWs(text, start + 1);
      while (i < text.length && text[i] === '"') {
        const keyEnd = stringEnd(text, i);
        const name = keyText(text, i, keyEnd);
        const value = skipWs(text, skipWs(text, keyEnd) + 1);
        if (!entries.has(name)) entries.set(name, { key: i, value });
        i = skipWs(text, valueEnd(text, value));
        if (text[i] === ',') i = skipWs(text, i + 1);
      }
      children = { kind: 'object', entries };
    }
    cache.set(start, children);
    return children;
  };
  const root = skipWs(text, 0);
  return (path, key = false) => {
    let at = root;
    for (let i = 0; i < path.length; i++) {
      const ch = text[at];
      if (ch !== '{' && ch !== '[') break;
      const children = childrenOf(at);
      const seg = path[i]!;
      if (children.kind === 'array') {
        const next = typeof seg === 'number' ? children.items[seg] : undefined;
        if (next === undefined) break;
        at = next;
      } else {
        const entry = children.entries.get(String(seg));
        if (!entry) break;
        if (key && i === path.length - 1) return entry.key;
        at = entry.value;
      }
    }
    return at;
  };
}

/** 1-based line and column of offsets in `text`, by binary search over the line starts (built once). */
export function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  let starts: number[] | undefined;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}
