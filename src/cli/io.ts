// The CLI's only contact with the process: injected, so every command runs in tests by passing argv.
import { safeText, terminalText } from '../input/safeText.js';
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** stdout is a terminal */
  isTTY: boolean;
  /** stderr is a terminal (progress bars go there, and only then) */
  stderrIsTTY?: boolean;
  env: Record<string, string | undefined>;
  /** stdout for text its renderer has already made terminal-safe (cli/output.ts's Chunk), written without a scan */
  stdoutSafe?(text: string): void;
}

export function processIo(): Io {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
  };
}

/** Colour only on a terminal, and never under NO_COLOR (https://no-color.org). */
export function useColour(io: Io): boolean {
  return io.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
}

/** The progress bar's own codes on stderr: a carriage return to redraw the line, and clearing it. */
const CLEAR_LINE = '\r\u001b[2K';

/** `io` with everything written made safe for a terminal: text from an input never reaches it raw (see safeText). */
export function safeIo(io: Io): Io {
  const colour = useColour(io);
  const stderr = (text: string) =>
    io.stderrIsTTY && text === CLEAR_LINE
      ? text
      : io.stderrIsTTY && text.startsWith('\r')
        ? `\r${safeText(text.slice(1), true)}`
        : safeText(text, true);
  return {
    ...io,
    stdout: (text) => io.stdout(terminalText(text, colour)),
    stdoutSafe: (text) => io.stdout(text),
    stderr: (text) => io.stderr(stderr(text)),
  };
}
