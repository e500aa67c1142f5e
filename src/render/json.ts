// The JSON trace as UTF-8, written as the steps come: the head and end indented, each step one compact line.
import { safeText } from '../input/safeText.js';
import type { Step, Trace, TraceEnd, TraceHead } from '../run/trace.js';

/** The trace as JSON text: what `run --format json` prints, byte for byte (grep finds a step by its line). */
export function traceJson(trace: Trace): string {
  const { steps, ...rest } = trace;
  const head: Record<string, unknown> = { ...rest };
  for (const key of END_KEYS) delete head[key];
  const pieces: Uint8Array[] = [headBytes(head as unknown as TraceHead)];
  for (const [i, step] of steps.entries()) stepPieces(step, pieces, i > 0);
  pieces.push(endBytes(trace));
  return new TextDecoder().decode(joined(pieces));
}

/**
 * The same bytes in chunks, one batch of steps at a time (the steps array is never held), already terminal-safe: an
 * object many steps share (a status, a near miss) is made safe and encoded once, and its bytes are copied, not
 * stringified, scanned and encoded again for every step (cli/output.ts writes the chunks as they are).
 */
export async function* streamTraceJson(run: {
  head: TraceHead;
  steps: AsyncGenerator<Step, TraceEnd>;
}): AsyncGenerator<Uint8Array> {
  yield headBytes(run.head);
  let batch: Uint8Array[] = [];
  let taken = 0;
  for (let r = await run.steps.next(); ; r = await run.steps.next()) {
    if (!r.done) stepPieces(r.value, batch, taken++ > 0);
    if (taken % BATCH === 0 || r.done) {
      if (batch.length > 0) yield joined(batch);
      batch = [];
    }
    if (r.done) {
      yield endBytes(r.value);
      return;
    }
  }
}

const BATCH = 256;
const END_KEYS = ['horizon', 'final', 'sensitivity', 'milestones', 'clauses', 'expectations'] as const;

const encoder = new TextEncoder();
/** JSON text made safe for a terminal (its escapes then read back as the characters they stand for), as UTF-8. */
const bytes = (text: string) => encoder.encode(safeText(text, true));
const [NEXT_STEP, NEAR_MISS_AFTER, STATUS, STEP_END] = [',\n', ',', '],"status":', '}'].map(bytes);

const headBytes = (head: TraceHead) => bytes(`${JSON.stringify(head, null, 2).slice(0, -2)},\n  "steps": [\n`);

function endBytes(end: TraceEnd): Uint8Array {
  const { horizon, final, sensitivity, milestones, clauses, expectations } = end;
  const ordered = { horizon, final, ...(sensitivity ? { sensitivity } : {}), milestones, clauses, expectations };
  return bytes(`\n  ],${JSON.stringify(ordered, null, 2).slice(1)}\n`);
}

/** The bytes of an object steps share while it does not change (a status, milestones, a near miss met again). */
const shared = new WeakMap<object, Uint8Array>();
const sharedBytes = (value: object) => {
  let found = shared.get(value);
  if (found === undefined) shared.set(value, (found = bytes(JSON.stringify(value))));
  return found;
};

/**
 * JSON.stringify(step) in pieces, appended to `into`: its last four properties (notFired, status, changed, milestones:
 * the stepper's order) from shared bytes; `after` puts the separator from the step before first.
 */
function stepPieces(step: Step, into: Uint8Array[], after: boolean): void {
  const { notFired, status, changed, milestones, ...rest } = step;
  if (after) into.push(NEXT_STEP!);
  into.push(bytes(`    ${JSON.stringify(rest).slice(0, -1)},"notFired":[`));
  for (const [i, miss] of notFired.entries()) {
    if (i > 0) into.push(NEAR_MISS_AFTER!);
    into.push(sharedBytes(miss));
  }
  into.push(STATUS!, sharedBytes(status), bytes(`,"changed":${JSON.stringify(changed)},"milestones":`));
  into.push(sharedBytes(milestones), STEP_END!);
}

/** The pieces as one array of bytes. */
function joined(pieces: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  let length = 0;
  for (const piece of pieces) length += piece.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}
