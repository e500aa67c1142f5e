// Bytes → text. Scenario and rule files are UTF-8; anything else (UTF-16, binary, Latin-1) is said plainly, at its
// line, instead of being read as replacement characters. Pure: TextDecoder is in Node and in browsers.
import type { InputIssue } from './issues.js';
import { Source } from './source.js';

const fatal = new TextDecoder('utf-8', { fatal: true });
const lossy = new TextDecoder('utf-8');
const UTF8 = 'save it as UTF-8';

/** The text of a file's bytes, or the issue that says why it is not UTF-8 text. */
export function decodeText(file: string, bytes: Uint8Array): { text: string } | { issue: InputIssue } {
  const [a, b, c, d] = bytes;
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff) || (a === 0 && b === 0 && c === 0xfe && d === 0xff)) {
    const kind = a === 0 || (c === 0 && d === 0) ? 'UTF-32' : 'UTF-16';
    const message = `this file is ${kind} text (it starts with a ${kind} byte-order mark); casus reads UTF-8`;
    return {
      issue: new Source(file, '').issue('encoding', message, `${UTF8} (in most editors: "Save with encoding" → UTF-8)`),
    };
  }
  if (bytes.includes(0)) {
    const message = 'this is not a text file (it contains NUL bytes)';
    return { issue: new Source(file, '').issue('binary', message, 'scenario files are YAML or JSON text') };
  }
  try {
    return { text: fatal.decode(bytes) };
  } catch {
    const source = new Source(file, lossy.decode(bytes));
    const message = 'this file is not UTF-8 text: here is a byte that UTF-8 does not allow';
    const hint = `${UTF8} (files from older Windows editors are often Latin-1 or Windows-1252)`;
    return { issue: source.issue('encoding', message, hint, Math.max(0, source.text.indexOf('\uFFFD'))) };
  }
}
