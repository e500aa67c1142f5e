// Where a command's output goes: stdout, or --out FILE written to a temporary file beside it and renamed into place.
import * as nodeFs from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { InputError, usageIssue } from '../issues/issue.js';
import { safeText } from '../render/safeText.js';
import { outputLimit } from './limits.js';
import type { Io } from './io.js';

/** The file-system calls the writer makes, so a test can watch them. */
export type WriterFs = Pick<typeof nodeFs, 'writeFileSync' | 'renameSync' | 'rmSync' | 'statSync' | 'realpathSync'> &
  Partial<Pick<typeof nodeFs, 'lstatSync'>>;

/**
 * Temporary files being written: removed if the process is interrupted (see bin.ts), so only the old output remains.
 */
const unfinished = new Map<string, () => void>();

/** Removes every temporary output still being written; the files named by --out are left as they were. */
export function abandonUnfinishedOutputs(): void {
  for (const abandon of [...unfinished.values()]) abandon();
}

const CHUNK = 64 * 1024;
/** Output held back from stdout until it is this large, so a run that fails early prints nothing half-done. */
const HOLD = 1024 * 1024;
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

let counter = 0;
const tempFor = (out: string) => join(dirname(resolve(out)), `.${basename(out)}.${process.pid}.${++counter}.tmp`);

const real = (fs: WriterFs, path: string): string => {
  try {
    return fs.realpathSync(path);
  } catch {
    return resolve(path);
  }
};

/** Directories --out may not write into: the rule set in use (a new *.json there would join it). Set per command. */
let guarded: string[] = [];

/** Names the directories whose files --out must leave alone (the command's rule set). */
export function guardOutputs(dirs: readonly string[]): void {
  guarded = dirs.map((d) => real(nodeFs, d));
}

const refuse = (message: string, hint: string) => new InputError([usageIssue(message, hint)]);
const ELSEWHERE = 'write the report to another file, e.g. --out report.html';

/** What is at `out` if it is anything but a regular file: a link, a directory, a device, a FIFO or a socket. */
function notAFile(stat: nodeFs.Stats): string | undefined {
  if (stat.isSymbolicLink()) return 'a symbolic link (casus would replace the link, not write to its target)';
  if (stat.isDirectory()) return 'a directory';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  return stat.isFile() ? undefined : 'not a regular file';
}

/**
 * Refuses an --out that is not a regular file or a new path (a link, directory, device, FIFO or socket), one of the
 * command's inputs, inside the rule set in use, or in a directory that does not exist.
 */
export function checkOut(out: string, inputs: readonly string[], fs: WriterFs = nodeFs): void {
  const target = real(fs, out);
  const clash = inputs.find((i) => real(fs, i) === target);
  if (clash !== undefined) throw refuse(`--out ${out} is the input file ${clash}; refusing to overwrite it`, ELSEWHERE);
  let dir: nodeFs.Stats | undefined;
  try {
    dir = fs.statSync(dirname(resolve(out)));
  } catch {
    dir = undefined;
  }
  if (!dir?.isDirectory())
    throw refuse(
      `--out ${out}: the directory ${dirname(out)} does not exist`,
      'create it first, or write somewhere else',
    );
  let here: nodeFs.Stats | undefined;
  try {
    here = (fs.lstatSync ?? nodeFs.lstatSync)(out);
  } catch {
    here = undefined;
  }
  const kind = here && notAFile(here);
  if (kind === 'a directory')
    throw refuse(`--out ${out} is a directory`, `name a file, e.g. --out ${join(out, 'report.html')}`);
  if (kind) throw refuse(`--out ${out} is ${kind}; casus writes only a regular file or a new one`, ELSEWHERE);
  const placed = join(real(fs, dirname(resolve(out))), basename(out));
  const rules = guarded.find((d) => placed === d || placed.startsWith(d.endsWith(sep) ? d : `${d}${sep}`));
  if (rules !== undefined)
    throw refuse(`--out ${out} is inside the rule set in use (${rules}); refusing to write there`, ELSEWHERE);
}

/**
 * Writes `text` to a temporary file in the same directory, then renames it over `out`; on failure `out` is untouched.
 */
export function writeAtomically(out: string, text: string, fs: WriterFs = nodeFs): void {
  const temp = tempFor(out);
  try {
    fs.writeFileSync(temp, text, { flag: 'wx' });
    fs.renameSync(temp, out);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw new InputError([
      usageIssue(
        `--out ${out}: could not write it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
        'check that the directory is writable',
      ),
    ]);
  }
}

/** Sends a finished output to --out when given, else to stdout. Call it only once the whole text is ready. */
export function emit(io: Io, text: string, out: string | undefined, inputs: readonly string[] = []): void {
  if (out === undefined) {
    outputLimit(io).check(text.length);
    io.stdout(text);
    return;
  }
  outputLimit(io).check(text.length);
  checkOut(out, inputs);
  writeAtomically(out, safeText(text, true));
  io.stderr(`casus: wrote ${out}\n`);
}

const writeError = (out: string, error: unknown) =>
  new InputError([
    usageIssue(
      `--out ${out}: could not write it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      'check that the directory is writable',
    ),
  ]);

/** Text, made terminal-safe as it is written; or UTF-8 a renderer has already made safe (render/json.ts). */
type Chunk = string | Uint8Array;

/** Writes what is held: runs of text joined (one write each), bytes as they are. */
function drain(held: readonly Chunk[], text: (text: string) => void, bytes: (bytes: Uint8Array) => void): void {
  let texts: string[] = [];
  for (const piece of held) {
    if (typeof piece === 'string') texts.push(piece);
    else {
      if (texts.length > 0) text(texts.join(''));
      texts = [];
      bytes(piece);
    }
  }
  // one piece is written as it is; joining copies, and adding strings leaves a rope every write flattens
  if (texts.length > 0) text(texts.length === 1 ? texts[0]! : texts.join(''));
}

const decoder = new TextDecoder();

/** Writes in flight at most, and how much is written between flushes to disk. */
const IN_FLIGHT = 4;
const SYNC_EVERY = 32 * 1024 * 1024;

const writeAt = (fd: number, b: Uint8Array, at: number) =>
  new Promise<void>((done, fail) => {
    const from = (offset: number) =>
      nodeFs.write(fd, b, offset, b.length - offset, at + offset, (error, n) =>
        error ? fail(error) : offset + n < b.length ? from(offset + n) : done(),
      );
    from(0);
  });
const flushed = (fd: number, sync: typeof nodeFs.fsync) =>
  new Promise<void>((done, fail) => sync(fd, (error) => (error ? fail(error) : done())));

/**
 * A file written in order by the thread pool while the run goes on, and flushed to disk as it grows, so neither the
 * copying nor the final fsync waits for the whole output.
 */
class BackgroundWriter {
  #position = 0;
  #synced = 0;
  #inflight: Array<Promise<void>> = [];
  #error: unknown;
  constructor(private readonly fd: number) {}

  write(b: Uint8Array): void {
    this.#track(writeAt(this.fd, b, this.#position));
    this.#position += b.length;
    if (this.#position - this.#synced >= SYNC_EVERY) {
      this.#synced = this.#position;
      this.#track(flushed(this.fd, nodeFs.fdatasync));
    }
  }

  /** Waits while too much is in flight; throws the first write's error. */
  async ready(): Promise<void> {
    while (this.#inflight.length > IN_FLIGHT) await this.#inflight.shift();
    if (this.#error !== undefined) throw this.#error;
    await tick();
  }

  /** Everything written and on disk. */
  async finish(): Promise<void> {
    await this.settled();
    if (this.#error !== undefined) throw this.#error;
    await flushed(this.fd, nodeFs.fsync);
  }

  /** Nothing in flight any more, whatever became of it. */
  async settled(): Promise<void> {
    await Promise.all(this.#inflight);
    this.#inflight = [];
  }

  #track(p: Promise<void>): void {
    this.#inflight.push(
      p.catch((error: unknown) => {
        this.#error ??= error;
      }),
    );
  }
}

/**
 * Streams an output as it is produced: to --out through a temporary file renamed into place at the end (an error or an
 * interruption leaves the old file), or to stdout, held back until the first megabyte.
 */
export async function emitStream(
  io: Io,
  chunks: AsyncIterable<Chunk>,
  out: string | undefined,
  inputs: readonly string[] = [],
): Promise<void> {
  const limit = outputLimit(io);
  if (out === undefined) {
    const safeBytes = (b: Uint8Array) => (io.stdoutSafe ? io.stdoutSafe(b) : io.stdout(decoder.decode(b)));
    let held: Chunk[] = [];
    let size = 0;
    let holding = true;
    for await (const chunk of chunks) {
      limit.add(chunk.length);
      held.push(chunk);
      size += chunk.length;
      if (size >= (holding ? HOLD : CHUNK)) {
        drain(held, io.stdout, safeBytes);
        held = [];
        size = 0;
        holding = false;
        await io.writable?.();
        await tick();
      }
    }
    drain(held, io.stdout, safeBytes);
    return;
  }
  checkOut(out, inputs);
  const temp = tempFor(out);
  let fd: number | undefined;
  const abandon = () => {
    unfinished.delete(temp);
    if (fd !== undefined) nodeFs.closeSync(fd);
    fd = undefined;
    nodeFs.rmSync(temp, { force: true });
  };
  try {
    fd = nodeFs.openSync(temp, 'wx');
  } catch (error) {
    throw writeError(out, error);
  }
  unfinished.set(temp, abandon);
  const writer = new BackgroundWriter(fd);
  const text = (t: string) => writer.write(Buffer.from(safeText(t, true)));
  const bytes = (b: Uint8Array) => writer.write(b);
  try {
    let held: Chunk[] = [];
    let size = 0;
    for await (const chunk of chunks) {
      limit.add(chunk.length);
      held.push(chunk);
      size += chunk.length;
      if (size >= CHUNK) {
        drain(held, text, bytes);
        held = [];
        size = 0;
        await writer.ready();
      }
    }
    drain(held, text, bytes);
    await writer.finish();
    nodeFs.closeSync(fd!);
    fd = undefined;
    nodeFs.renameSync(temp, out);
    unfinished.delete(temp);
  } catch (error) {
    // no write may still be pending when the descriptor is closed: its number could be another file's by then
    await writer.settled();
    abandon();
    throw error instanceof InputError
      ? error
      : (error as NodeJS.ErrnoException).syscall
        ? writeError(out, error)
        : error;
  }
  io.stderr(`casus: wrote ${out}\n`);
}
