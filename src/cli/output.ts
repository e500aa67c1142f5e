// Where a command's output goes: stdout, or --out FILE written to a temporary file beside it and renamed into place.
import * as nodeFs from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError, usageIssue } from '../input/issues.js';
import type { Io } from './io.js';

/** The file-system calls the writer makes, so a test can watch them. */
export type WriterFs = Pick<typeof nodeFs, 'writeFileSync' | 'renameSync' | 'rmSync' | 'statSync' | 'realpathSync'>;

export const OUT_OPTION = { out: { type: 'string' } } as const;
export const OUT_HELP = '  --out FILE          write to FILE (atomically: a temporary file, then a rename)';

let counter = 0;

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
  const temp = join(dirname(resolve(out)), `.${basename(out)}.${process.pid}.${++counter}.tmp`);
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
