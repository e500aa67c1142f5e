// Where a command's output goes: stdout, or --out FILE written to a temporary file beside it and renamed into place.
import * as nodeFs from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError, usageIssue } from '../input/issues.js';
import type { Io } from './io.js';

/** The file-system calls the writer makes, so a test can watch them. */
export type WriterFs = Pick<typeof nodeFs, 'writeFileSync' | 'renameSync' | 'rmSync' | 'statSync' | 'realpathSync'>;

/** Temporary files being written: removed if the process is interrupted (see bin.ts), so only the old output remains. */
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

/** Refuses an --out that is one of the command's inputs, a directory, or in a directory that does not exist. */
export function checkOut(out: string, inputs: readonly string[], fs: WriterFs = nodeFs): void {
  const target = real(fs, out);
  const clash = inputs.find((i) => real(fs, i) === target);
  if (clash !== undefined) throw new InputError([usageIssue(`--out ${out} is the input file ${clash}; refusing to overwrite it`, 'write the report to another file, e.g. --out report.html')]);
  let dir: nodeFs.Stats | undefined;
  try {
    dir = fs.statSync(dirname(resolve(out)));
  } catch {
    dir = undefined;
  }
  if (!dir?.isDirectory()) throw new InputError([usageIssue(`--out ${out}: the directory ${dirname(out)} does not exist`, 'create it first, or write somewhere else')]);
  try {
    if (fs.statSync(out).isDirectory()) throw new InputError([usageIssue(`--out ${out} is a directory`, `name a file, e.g. --out ${join(out, 'report.html')}`)]);
  } catch (error) {
    if (error instanceof InputError) throw error;
  }
}

/** Writes `text` to a temporary file in the same directory, then renames it over `out`; on failure `out` is untouched. */
export function writeAtomically(out: string, text: string, fs: WriterFs = nodeFs): void {
  const temp = tempFor(out);
  try {
    fs.writeFileSync(temp, text, { flag: 'wx' });
    fs.renameSync(temp, out);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw new InputError([usageIssue(`--out ${out}: could not write it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, 'check that the directory is writable')]);
  }
}

/** Sends a finished output to --out when given, else to stdout. Call it only once the whole text is ready. */
export function emit(io: Io, text: string, out: string | undefined, inputs: readonly string[] = []): void {
  if (out === undefined) {
    io.stdout(text);
    return;
  }
  checkOut(out, inputs);
  writeAtomically(out, text);
  io.stderr(`casus: wrote ${out}\n`);
}

const writeError = (out: string, error: unknown) =>
  new InputError([usageIssue(`--out ${out}: could not write it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, 'check that the directory is writable')]);

/**
 * Streams an output as it is produced: to --out through a temporary file renamed into place at the end (an error or an
 * interruption leaves the old file), or to stdout, held back until the first megabyte.
 */
export async function emitStream(io: Io, chunks: AsyncIterable<string>, out: string | undefined, inputs: readonly string[] = []): Promise<void> {
  if (out === undefined) {
    let held = '';
    let holding = true;
    for await (const chunk of chunks) {
      held += chunk;
      if (held.length >= (holding ? HOLD : CHUNK)) {
        io.stdout(held);
        held = '';
        holding = false;
        await tick();
      }
    }
    io.stdout(held);
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
    let held = '';
    for await (const chunk of chunks) {
      held += chunk;
      if (held.length >= CHUNK) {
        nodeFs.writeSync(fd!, held);
        held = '';
        await tick();
      }
    }
    nodeFs.writeSync(fd!, held);
    nodeFs.fsyncSync(fd!);
    nodeFs.closeSync(fd!);
    fd = undefined;
    nodeFs.renameSync(temp, out);
    unfinished.delete(temp);
  } catch (error) {
    abandon();
    throw error instanceof InputError ? error : (error as NodeJS.ErrnoException).syscall ? writeError(out, error) : error;
  }
  io.stderr(`casus: wrote ${out}\n`);
}
