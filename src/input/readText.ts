// Reading an input file (the edge): a regular file, not over a size, UTF-8 text; every failure an InputError that
// names the file. Shared by the loaders of simulation models and any other single-file input.
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { decodeText } from './decode.js';
import { InputError, type InputIssue } from './issues.js';

interface InputKind {
  /** what the file is, e.g. "simulation model" */
  what: string;
  /** the hint for a file over the size */
  tooLarge: string;
  maxBytes: number;
  /** the extensions accepted, lower case with the dot */
  extensions: readonly string[];
  /** where to find a good one, e.g. "the bundled example is models/baseline.yaml" */
  example: string;
}

function fail(file: string, code: string, message: string, hint?: string, line = 0): never {
  const issue: InputIssue = { code, file, line, column: line ? 1 : 0, path: '', message, ...(hint ? { hint } : {}) };
  throw new InputError([issue]);
}

function unreadable(file: string, error: unknown, kind: InputKind): never {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') fail(file, 'not-found', 'no such file', kind.example);
  if (code === 'ELOOP')
    fail(
      file,
      'unreadable',
      'cannot be read: a symbolic link that points back to itself (a loop)',
      'pass the file the link should point to',
    );
  if (code === 'EACCES' || code === 'EPERM') fail(file, 'unreadable', 'cannot be read: permission denied');
  fail(file, 'unreadable', `cannot be read (${code ?? (error as Error).message})`);
}

/** The text of `file`, checked as the scenario loader checks a scenario: type, size, extension, encoding. */
export function readInputText(file: string, kind: InputKind): string {
  const megabytes = `${kind.maxBytes / 1048576} MB (${kind.maxBytes} bytes)`;
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile())
      fail(
        file,
        'not-a-file',
        stat.isDirectory() ? `a directory, not a ${kind.what} file` : 'not a regular file',
        `pass a ${kind.extensions.join(', ')} file`,
      );
    size = stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    unreadable(file, error, kind);
  }
  if (size > kind.maxBytes)
    fail(
      file,
      'too-large',
      `the file is ${(size / 1048576).toFixed(1)} MB (${size} bytes); at most ${megabytes} is read`,
      kind.tooLarge,
      1,
    );
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
  if (bytes.length > kind.maxBytes) fail(file, 'too-large', `the file is over ${megabytes}`, kind.tooLarge, 1);
  const decoded = decodeText(file, bytes);
  if ('issue' in decoded) throw new InputError([decoded.issue]);
  return decoded.text;
}
