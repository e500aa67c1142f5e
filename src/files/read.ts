// Reading an input file (the edge): a regular file, not over a size, UTF-8 text; every failure an InputError that
// names the file. Used by the scenario and model loaders; the rule loader reads its directory and decodes here.
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { InputError, type InputIssue } from '../issues/issue.js';
import { Source } from '../input/source.js';

const fatal = new TextDecoder('utf-8', { fatal: true });
const lossy = new TextDecoder('utf-8');

/** The text of a file's bytes, or the issue that says why it is not UTF-8 text (UTF-16, binary, Latin-1). */
export function decodeText(file: string, bytes: Uint8Array): { text: string } | { issue: InputIssue } {
  const [a, b, c, d] = bytes;
  const whole = new Source(file, '');
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff) || (a === 0 && b === 0 && c === 0xfe && d === 0xff)) {
    const kind = a === 0 || (c === 0 && d === 0) ? 'UTF-32' : 'UTF-16';
    const message = `this file is ${kind} text (it starts with a ${kind} byte-order mark); casus reads UTF-8`;
    return {
      issue: whole.issue('encoding', message, 'save it as UTF-8 (in most editors: "Save with encoding" → UTF-8)'),
    };
  }
  if (bytes.includes(0))
    return {
      issue: whole.issue(
        'binary',
        'this is not a text file (it contains NUL bytes)',
        'scenario files are YAML or JSON text',
      ),
    };
  try {
    return { text: fatal.decode(bytes) };
  } catch {
    const source = new Source(file, lossy.decode(bytes));
    const message = 'this file is not UTF-8 text: here is a byte that UTF-8 does not allow';
    const hint = 'save it as UTF-8 (files from older Windows editors are often Latin-1 or Windows-1252)';
    return { issue: source.issue('encoding', message, hint, Math.max(0, source.text.indexOf('\uFFFD'))) };
  }
}

/** An input file: what it is ("simulation model"), where a good one is, its extensions, size and hint past it. */
type InputKind = { what: string; example: string; extensions: readonly string[]; maxBytes: number; tooLarge: string };

function fail(file: string, code: string, message: string, hint?: string, line = 0): never {
  throw new InputError([{ code, file, line, column: line ? 1 : 0, path: '', message, ...(hint ? { hint } : {}) }]);
}

function unreadable(file: string, error: unknown, kind: InputKind): never {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') fail(file, 'not-found', 'no such file', kind.example);
  const loop = 'cannot be read: a symbolic link that points back to itself (a loop)';
  if (code === 'ELOOP') fail(file, 'unreadable', loop, 'pass the file the link should point to');
  if (code === 'EACCES' || code === 'EPERM') fail(file, 'unreadable', 'cannot be read: permission denied');
  fail(file, 'unreadable', `cannot be read (${code ?? (error as Error).message})`);
}

/** The text of `file`, checked as the scenario loader checks a scenario: type, size, extension, encoding. */
export function readInputText(file: string, kind: InputKind): string {
  const most = `${kind.maxBytes / 1048576} MB (${kind.maxBytes} bytes)`;
  let size: number;
  try {
    const stat = statSync(file);
    const not = stat.isDirectory() ? `a directory, not a ${kind.what} file` : 'not a regular file';
    if (!stat.isFile()) fail(file, 'not-a-file', not, `pass a ${kind.extensions.join(', ')} file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    unreadable(file, error, kind);
  }
  const mb = (size / 1048576).toFixed(1);
  if (size > kind.maxBytes)
    fail(file, 'too-large', `the file is ${mb} MB (${size} bytes); at most ${most} is read`, kind.tooLarge, 1);
  const ext = extname(file).toLowerCase();
  if (!kind.extensions.includes(ext))
    fail(
      file,
      'unknown-format',
      `unknown file type "${ext || '(none)'}"`,
      `${kind.what} files end in ${kind.extensions.join(', ')}`,
    );
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    unreadable(file, error, kind);
  }
  if (bytes.length > kind.maxBytes) fail(file, 'too-large', `the file is over ${most}`, kind.tooLarge, 1);
  const decoded = decodeText(file, bytes);
  if ('issue' in decoded) throw new InputError([decoded.issue]);
  return decoded.text;
}
