// Errors are data: one InputIssue per problem, formatted as a separate step.

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

/** Bad input or usage: the CLI prints the issues and exits 2. */
export class InputError extends Error {
  readonly issues: InputIssue[];
  constructor(issues: InputIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'InputError';
    this.issues = issues;
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

export function formatIssue(issue: InputIssue): string {
  const where = issue.file ? `${issue.file}${issue.line ? `:${issue.line}:${issue.column}` : ''}: ` : '';
  const field = issue.path ? `${issue.path}: ` : '';
  const text = `${where}${field}${issue.message}`;
  const line = text.length > MAX_LINE ? `${text.slice(0, MAX_LINE)}…` : text;
  return issue.hint ? `${line}\n  hint: ${issue.hint}` : line;
}

/** At most `max` issues, so a broken file never floods the screen. */
export function formatIssues(issues: readonly InputIssue[], max = 20): string {
  const shown = issues.slice(0, max).map(formatIssue);
  if (issues.length > max) shown.push(`… and ${issues.length - max} more problems`);
  return shown.join('\n');
}
