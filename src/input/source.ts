// A text as read, and the one way an offset in it becomes a line and column: the yaml package's LineCounter.
import { LineCounter } from 'yaml';
import { clip, type InputIssue } from '../issues/issue.js';

/** A parsed text: its value, and where the node at a path (or its key, when `key` is set) stands, 1-based. */
export interface ParsedText {
  value: unknown;
  locate(path: readonly PropertyKey[], key?: boolean): { line: number; column: number };
}

export type Parsed = { ok: true; parsed: ParsedText } | { ok: false; issues: InputIssue[] };

/** A text as read (a byte-order mark is not part of it), and where its lines start. */
export class Source {
  readonly text: string;
  #lines: LineCounter | undefined;
  constructor(
    readonly file: string,
    text: string,
  ) {
    this.text = text.startsWith('\uFEFF') ? text.slice(1) : text;
  }

  /** Line and column of an offset; the lines are counted on first use (most texts never need them). */
  place(offset: number): { line: number; column: number } {
    if (!this.#lines) {
      this.#lines = new LineCounter();
      this.#lines.addNewLine(0);
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) this.#lines.addNewLine(i + 1);
    }
    const { line, col } = this.#lines.linePos(offset);
    return { line, column: col };
  }

  /** An issue about this text at an offset (its start when none is given). */
  issue(code: string, message: string, hint?: string, offset = 0): InputIssue {
    return { code, file: this.file, ...this.place(offset), path: '', message, ...(hint ? { hint } : {}) };
  }

  fail(code: string, message: string, hint?: string, offset = 0): Parsed {
    return { ok: false, issues: [this.issue(code, message, hint, offset)] };
  }

  repeated(kind: 'JSON' | 'YAML', key: string, offset: number): InputIssue {
    const message = `${kind}: the field "${clip(key, 60)}" appears twice here`;
    return this.issue('duplicate-key', message, 'each field may appear once; remove or rename one of them', offset);
  }
}
