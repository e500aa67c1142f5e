// The CLI's only contact with the process: injected, so every command runs in tests by passing argv.
import { safeText, terminalText } from '../render/safeText.js';
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** stdout is a terminal */
  isTTY: boolean;
  /** stderr is a terminal (progress bars go there, and only then) */
  stderrIsTTY?: boolean;
  env: Record<string, string | undefined>;
  /** stdout for output its renderer has already made terminal-safe (cli/output.ts's Chunk), written without a scan */
  stdoutSafe?(chunk: string | Uint8Array): void;
  /** resolves once stdout takes more: a slow reader of a pipe holds a long output back, instead of memory filling */
  writable?(): Promise<void>;
}

/** Until the process's stdout has room again (or is closed). */
function stdoutRoom(): Promise<void> {
  if (!process.stdout.writableNeedDrain) return Promise.resolve();
  return new Promise((done) => {
    const go = () => {
      process.stdout.off('drain', go);
      process.stdout.off('close', go);
      done();
    };
    process.stdout.on('drain', go);
    process.stdout.on('close', go);
  });
}

export function processIo(): Io {
  return {
    stdout: (text) => process.stdout.write(text),
    stdoutSafe: (chunk) => process.stdout.write(chunk),
    stderr: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    writable: stdoutRoom,
  };
}

const decoder = new TextDecoder();

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
    stdoutSafe: io.stdoutSafe ?? ((chunk) => io.stdout(typeof chunk === 'string' ? chunk : decoder.decode(chunk))),
    stderr: (text) => io.stderr(stderr(text)),
  };
}
