// Bytes → text. Scenario and rule files are UTF-8; anything else (UTF-16, binary, Latin-1) is said plainly, at its
// line, instead of being read as replacement characters. Pure: TextDecoder is in Node and in browsers.
import type { InputIssue } from './issues.js';

const fatal = new TextDecoder('utf-8', { fatal: true });
const lossy = new TextDecoder('utf-8');

function issue(file: string, code: string, message: string, hint: string, line = 1, column = 1): InputIssue {
  return { code, file, line, column, path: '', message, hint };
}

/** The text of a file's bytes, or the issue that says why it is not UTF-8 text. */
export function decodeText(file: string, bytes: Uint8Array): { text: string } | { issue: InputIssue } {
  const [a, b, c, d] = bytes;
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff) || (a === 0 && b === 0 && c === 0xfe && d === 0xff)) {
    const kind = a === 0 || (c === 0 && d === 0) ? 'UTF-32' : 'UTF-16';
    return {
      issue: issue(
        file,
        'encoding',
        `this file is ${kind} text (it starts with a ${kind} byte-order mark); casus reads UTF-8`,
        'save it as UTF-8 (in most editors: "Save with encoding" → UTF-8)',
      ),
    };
  }
  if (bytes.includes(0))
    return {
      issue: issue(
        file,
        'binary',
        'this is not a text file (it contains NUL bytes)',
        'scenario files are YAML or JSON text',
      ),
    };
  try {
    return { text: fatal.decode(bytes) };
  } catch {
    const text = lossy.decode(bytes);
    const at = text.indexOf('\uFFFD');
    const before = text.slice(0, Math.max(0, at));
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    return {
      issue: issue(
        file,
        'encoding',
        'this file is not UTF-8 text: here is a byte that UTF-8 does not allow',
        'save it as UTF-8 (files from older Windows editors are often Latin-1 or Windows-1252)',
        line,
        column,
      ),
    };
  }
}
