// Where a command's output goes: stdout, or --out FILE written to a temporary file beside it and renamed into place.
import * as nodeFs from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { InputError, usageIssue } from '../input/issues.js';
import { safeText } from '../input/safeText.js';
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

/**
 * Streams an output as it is produced: to --out through a temporary file renamed into place at the end (an error or an
 * interruption leaves the old file), or to stdout, held back until the first megabyte.
 */
export async function emitStream(
  io: Io,
  chunks: AsyncIterable<string>,
  out: string | undefined,
  inputs: readonly string[] = [],
): Promise<void> {
  const limit = outputLimit(io);
  if (out === undefined) {
    let held: string[] = [];
    let size = 0;
    let holding = true;
    for await (const chunk of chunks) {
      limit.add(chunk.length);
      held.push(chunk);
      size += chunk.length;
      if (size >= (holding ? HOLD : CHUNK)) {
        // one piece is written as it is; joining copies, and adding strings leaves a rope every write flattens
        io.stdout(held.length === 1 ? held[0]! : held.join(''));
        held = [];
        size = 0;
        holding = false;
        await tick();
      }
    }
    io.stdout(held.join(''));
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
  try {
    let held: string[] = [];
    let size = 0;
    for await (const chunk of chunks) {
      limit.add(chunk.length);
      held.push(chunk);
      size += chunk.length;
      if (size >= CHUNK) {
        nodeFs.writeSync(fd!, safeText(held.length === 1 ? held[0]! : held.join(''), true));
        held = [];
        size = 0;
        await tick();
      }
    }
    nodeFs.writeSync(fd!, safeText(held.join(''), true));
    nodeFs.fsyncSync(fd!);
    nodeFs.closeSync(fd!);
    fd = undefined;
    nodeFs.renameSync(temp, out);
    unfinished.delete(temp);
  } catch (error) {
    abandon();
    throw error instanceof InputError
      ? error
      : (error as NodeJS.ErrnoException).syscall
        ? writeError(out, error)
        : error;
  }
  io.stderr(`casus: wrote ${out}\n`);
}
