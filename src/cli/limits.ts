// Bounds on the work one command may do for one input, beyond
// the input's bytes; each can be raised for a trusted input.
import { InputError, usageIssue } from '../issues/issue.js';
import type { Io } from './io.js';

/**
 * The largest output written, in megabytes: above the JSON trace of the longest timeline a scenario file may hold
 * (160,000 events made 268 MB; the most a 16 MB file holds makes about 420 MB), so a real input always fits, while a
 * report that an input multiplies without bound stops here with this message.
 */
const MAX_OUTPUT_MB = 1024;
const OUTPUT_ENV = 'CASUS_MAX_OUTPUT_MB';

/** A whole number of at least 1 from the environment variable `name`, or `fallback`; anything else is a usage error. */
export function envLimit(io: Io, name: string, fallback: number): number {
  const text = io.env[name];
  if (text === undefined || text === '') return fallback;
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text)) || Number(text) < 1)
    throw new InputError([
      usageIssue(`${name}=${text}: expected a whole number, 1 or more`, `e.g. ${name}=${fallback * 2}`),
    ]);
  return Number(text);
}

/** Counts the characters of an output as it is produced and stops it, with a clear error, past the limit. */
export function outputLimit(io: Io): { add(chars: number): void; check(chars: number): void } {
  const mb = envLimit(io, OUTPUT_ENV, MAX_OUTPUT_MB);
  const max = mb * 1024 * 1024;
  let total = 0;
  const check = (chars: number) => {
    if (chars <= max) return;
    throw new InputError([
      usageIssue(
        `the output is over the limit of ${mb} MB (${OUTPUT_ENV}); the input makes a report this large`,
        `shorten the repeated text in the input, ` +
          `or raise the limit for an input you trust, e.g. ${OUTPUT_ENV}=${mb * 2}`,
      ),
    ]);
  };
  return { check, add: (chars) => check((total += chars)) };
}
