// Errors are data: one InputIssue per problem, formatted as a separate step.
import { safeText } from '../render/safeText.js';

export interface InputIssue {
  code: string;
  file: string;
  line: number;
  column: number;
  /** Field path as written in the file, e.g. events[3].scale; empty for the whole file. */
  path: string;
  message: string;
  hint?: string;
}

const MAX_MESSAGE = 1000;
const shorten = (text: string) => (text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text);

/** Bad input or usage: the CLI prints the issues and exits 2. */
export class InputError extends Error {
  readonly issues: InputIssue[];
  constructor(issues: InputIssue[]) {
    // one screen, as the CLI prints it (a million issues would make a string of a hundred megabytes);
    // `issues` holds them all
    super(formatIssues(issues));
    this.name = 'InputError';
    // a message quotes the file at most so far: a 100 kB name quoted back is no help to anyone
    this.issues = issues.map((i) =>
      i.message.length > MAX_MESSAGE || (i.hint?.length ?? 0) > MAX_MESSAGE
        ? { ...i, message: shorten(i.message), ...(i.hint ? { hint: shorten(i.hint) } : {}) }
        : i,
    );
  }
}

export function usageIssue(message: string, hint?: string): InputIssue {
  return { code: 'usage', file: '', line: 0, column: 0, path: '', message, ...(hint ? { hint } : {}) };
}

export function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

const MAX_LINE = 400;
/** One screen: the lines and characters formatIssues prints at most, "… and N more" included. */
const SCREEN_LINES = 24;
const SCREEN_CHARS = 3600;

/** Text from a file shown as it is, except what could forge the output (a key holding "\n    at x.js:1"). */
export const visible = (text: string): string => safeText(text);

/** `text` cut to `max` characters, an ellipsis marking the cut. */
export const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

export function formatIssue(issue: InputIssue): string {
  const where = issue.file ? `${issue.file}${issue.line ? `:${issue.line}:${issue.column}` : ''}: ` : '';
  const field = issue.path ? `${issue.path}: ` : '';
  const line = clip(visible(`${where}${field}${issue.message}`), MAX_LINE);
  return issue.hint ? `${line}\n  hint: ${clip(visible(issue.hint), MAX_LINE)}` : line;
}

/**
 * As many issues as fit on one screen (and at most `max`), then how many more there are, so a broken file never floods
 * it.
 */
export function formatIssues(issues: readonly InputIssue[], max = 20): string {
  const shown: string[] = [];
  let lines = 0;
  let chars = 0;
  for (const issue of issues) {
    if (shown.length >= max) break;
    const text = formatIssue(issue);
    const n = text.split('\n').length;
    // one line is kept for "… and N more"
    if (shown.length > 0 && (lines + n > SCREEN_LINES - 1 || chars + text.length + 1 > SCREEN_CHARS)) break;
    shown.push(text);
    lines += n;
    chars += text.length + 1;
  }
  const rest = issues.length - shown.length;
  if (rest > 0) shown.push(`… and ${rest} more problem${rest === 1 ? '' : 's'}`);
  return shown.join('\n');
}
