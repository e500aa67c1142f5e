// --out-dir DIR: several files written into one directory, each
// atomically; only files casus wrote there before are replaced.
import * as fs from 'node:fs';
import { join } from 'node:path';
import { InputError, usageIssue } from '../issues/issue.js';

interface OutFile {
  name: string;
  text: string;
}

const problem = (dir: string, message: string, hint: string) =>
  new InputError([usageIssue(`--out-dir ${dir}: ${message}`, hint)]);

/** Throws unless `dir` is a directory or nothing yet: asked before a long run, not after it. */
export function checkOutDir(dir: string): fs.Stats | undefined {
  const stat = fs.lstatSync(dir, { throwIfNoEntry: false });
  if (stat && !stat.isDirectory())
    throw problem(dir, 'exists and is not a directory', 'name a directory, new or one casus check wrote before');
  return stat;
}

/**
 * Writes `files` into `dir` (created if missing); refuses, before writing anything, any target not marked by `marker`.
 */
export function writeIntoDir(dir: string, files: readonly OutFile[], marker: string): string[] {
  const stat = checkOutDir(dir);
  for (const f of files) {
    const target = fs.lstatSync(join(dir, f.name), { throwIfNoEntry: false });
    if (!target) continue;
    const ours = target.isFile() && fs.readFileSync(join(dir, f.name), 'utf8').startsWith(marker);
    if (!ours)
      throw problem(
        dir,
        `${f.name} exists and was not written by casus check; refusing to overwrite it`,
        'move it away, or write to another directory',
      );
  }
  if (files.length === 0) return [];
  try {
    if (!stat) fs.mkdirSync(dir);
  } catch (error) {
    throw problem(
      dir,
      `could not create it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      'create its parent directory first',
    );
  }
  return files.map((f) => {
    const out = join(dir, f.name);
    const temp = join(dir, `.${f.name}.${process.pid}.tmp`);
    try {
      fs.writeFileSync(temp, f.text, { flag: 'wx' });
      fs.renameSync(temp, out);
    } catch (error) {
      fs.rmSync(temp, { force: true });
      throw problem(
        dir,
        `could not write ${f.name} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
        'check that the directory is writable',
      );
    }
    return out;
  });
}
