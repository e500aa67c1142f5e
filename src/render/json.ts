// The JSON trace as UTF-8, written as the steps come: the head and end indented, each step one compact line.
import { safeText } from './safeText.js';
import type { Step, TraceEnd, TraceHead } from '../run/trace.js';

/**
 * What `run --format json` prints, byte for byte (grep finds a step by its line), in chunks: one batch of steps at a
 * time (the steps array is never held), already terminal-safe. An object many steps share (a status, a near miss) is
 * made safe and encoded once, and its bytes are copied, not stringified, scanned and encoded again for every step
 * (cli/output.ts writes the chunks as they are).
 */
export async function* streamTraceJson(run: {
  head: TraceHead;
  steps: AsyncGenerator<Step, TraceEnd>;
}): AsyncGenerator<Uint8Array> {
  const out = new Bytes();
  out.text(headText(run.head));
  yield out.take();
  let taken = 0;
  for (let r = await run.steps.next(); ; r = await run.steps.next()) {
    if (!r.done) stepBytes(r.value, out, taken++ > 0);
    if ((taken % BATCH === 0 || r.done) && out.length > 0) yield out.take();
    if (r.done) {
      out.text(endText(r.value));
      yield out.take();
      return;
    }
  }
}

const BATCH = 256;

const encoder = new TextEncoder();
/** JSON text made safe for a terminal (its escapes then read back as the characters they stand for). */
const safe = (text: string) => safeText(text, true);

/** UTF-8 made safe for a terminal, written into one growing array of bytes per chunk. */
class Bytes {
  #bytes = new Uint8Array(1 << 20);
  length = 0;

  text(text: string): void {
    this.#room(text.length * 3);
    this.length += encoder.encodeInto(safe(text), this.#bytes.subarray(this.length)).written;
  }

  copy(bytes: Uint8Array): void {
    this.#room(bytes.length);
    this.#bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** The bytes so far, handed over: the next chunk is written into a new array. */
  take(): Uint8Array {
    const out = this.#bytes.subarray(0, this.length);
    this.#bytes = new Uint8Array(this.#bytes.length);
    this.length = 0;
    return out;
  }

  #room(more: number): void {
    if (this.length + more <= this.#bytes.length) return;
    const bigger = new Uint8Array(Math.max(this.#bytes.length * 2, this.length + more));
    bigger.set(this.#bytes.subarray(0, this.length));
    this.#bytes = bigger;
  }
}

const headText = (head: TraceHead) => `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "steps": [\n`;

function endText(end: TraceEnd): string {
  const { horizon, final, sensitivity, milestones, clauses, expectations } = end;
  const ordered = { horizon, final, ...(sensitivity ? { sensitivity } : {}), milestones, clauses, expectations };
  return `\n  ],${JSON.stringify(ordered, null, 2).slice(1)}\n`;
}

/** The bytes of an object steps share while it does not change (a status, milestones, a near miss met again). */
const shared = new WeakMap<object, Uint8Array>();
const sharedBytes = (value: object) => {
  let found = shared.get(value);
  if (found === undefined) shared.set(value, (found = encoder.encode(safe(JSON.stringify(value)))));
  return found;
};

/**
 * JSON.stringify(step) in pieces, appended to `out`: its last four properties (notFired, status, changed, milestones:
 * the stepper's order) from shared bytes; `after` puts the separator from the step before first.
 */
function stepBytes(step: Step, out: Bytes, after: boolean): void {
  const { notFired, status, changed, milestones, ...rest } = step;
  out.text(`${after ? ',\n' : ''}    ${JSON.stringify(rest).slice(0, -1)},"notFired":[`);
  for (const [i, miss] of notFired.entries()) {
    if (i > 0) out.text(',');
    out.copy(sharedBytes(miss));
  }
  out.text('],"status":');
  out.copy(sharedBytes(status));
  out.text(`,"changed":${JSON.stringify(changed)},"milestones":`);
  out.copy(sharedBytes(milestones));
  out.text('}');
}
