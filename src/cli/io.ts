// The CLI's only contact with the process: injected, so every command runs in tests by passing argv.
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** stdout is a terminal */
  isTTY: boolean;
  /** stderr is a terminal (progress bars go there, and only then) */
  stderrIsTTY?: boolean;
  env: Record<string, string | undefined>;
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
