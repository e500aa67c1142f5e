// Where a JSON text first goes wrong: V8's messages do not always say, so scan for it (iteratively: no deep recursion).

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

/** Offset of the first syntax error in `text`, or -1 if it is valid JSON. */
export function jsonErrorOffset(text: string): number {
  const n = text.length;
  let i = 0;
  const ws = () => {
    while (i < n && WS.has(text[i]!)) i++;
  };
  const string = (): boolean => {
    i++;
    while (i < n) {
      const ch = text[i]!;
      if (ch === '"') {
        i++;
        return true;
      }
      if (ch === '\\') i += 2;
      else if (ch < ' ') return false;
      else i++;
    }
    return false;
  };
  const literal = (): boolean => {
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return true;
      }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) return false;
    i += m[0].length;
    return true;
  };
  const key = (): boolean => {
    ws();
    if (text[i] !== '"' || !string()) return false;
    ws();
    if (text[i] !== ':') return false;
    i++;
    return true;
  };
  const stack: Array<'o' | 'a'> = [];
  let wantValue = true;
  for (;;) {
    ws();
    if (wantValue) {
      if (i >= n) return i;
      const ch = text[i]!;
      if (ch === '{' || ch === '[') {
        stack.push(ch === '{' ? 'o' : 'a');
        i++;
        ws();
        if (text[i] === (ch === '{' ? '}' : ']')) {
          i++;
          stack.pop();
          wantValue = false;
        } else if (ch === '{' && !key()) return i;
        continue;
      }
      if (ch === '"' ? !string() : !literal()) return i;
      wantValue = false;
      continue;
    }
    const top = stack[stack.length - 1];
    if (!top) return i < n ? i : -1;
    const ch = text[i];
    if (ch === ',') {
      i++;
      if (top === 'o' && !key()) return i;
      wantValue = true;
    } else if ((top === 'o' && ch === '}') || (top === 'a' && ch === ']')) {
      i++;
      stack.pop();
    } else return i;
  }
}
