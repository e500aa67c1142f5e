// The JSON trace as text, written as the steps come: the head and end indented, each step one compact line.
import type { Step, Trace, TraceEnd, TraceHead } from '../run/trace.js';

/** The trace as JSON text: what `run --format json` prints, byte for byte (grep finds a step by its line). */
export function traceJson(trace: Trace): string {
  const { steps, ...rest } = trace;
  const head: Record<string, unknown> = { ...rest };
  for (const key of END_KEYS) delete head[key];
  return `${headText(head as unknown as TraceHead)}${steps.map(stepLine).join(',\n')}${endText(trace)}`;
}

/** The same text in pieces, one batch of steps at a time (the steps array is never held). */
export async function* streamTraceJson(run: {
  head: TraceHead;
  steps: AsyncGenerator<Step, TraceEnd>;
}): AsyncGenerator<string> {
  yield headText(run.head);
  let first = true;
  let batch: string[] = [];
  for (let r = await run.steps.next(); ; r = await run.steps.next()) {
    if (!r.done) batch.push(stepLine(r.value));
    if (batch.length === BATCH || (r.done && batch.length > 0)) {
      // the separator goes into the join, so the chunk is one flat string
      if (!first) batch[0] = `,\n${batch[0]}`;
      yield batch.join(',\n');
      batch = [];
      first = false;
    }
    if (r.done) {
      yield endText(r.value);
      return;
    }
  }
}

const BATCH = 256;
const END_KEYS = ['horizon', 'final', 'sensitivity', 'milestones', 'clauses', 'expectations'] as const;

const headText = (head: TraceHead) => `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "steps": [\n`;

/** The text of a status or milestones object: steps share one while it does not change, so most lines reuse it. */
const texts = new WeakMap<object, string>();
const textOf = (value: object) => {
  let text = texts.get(value);
  if (text === undefined) texts.set(value, (text = JSON.stringify(value)));
  return text;
};

/** JSON.stringify(step), its last three properties (status, changed, milestones: the stepper's order) from texts. */
function stepLine(step: Step): string {
  const { status, changed, milestones, ...rest } = step;
  const head = JSON.stringify(rest);
  const tail = `"status":${textOf(status)},"changed":${JSON.stringify(changed)},"milestones":${textOf(milestones)}`;
  return `    ${head.slice(0, -1)},${tail}}`;
}

function endText(end: TraceEnd): string {
  const { horizon, final, sensitivity, milestones, clauses, expectations } = end;
  const ordered = { horizon, final, ...(sensitivity ? { sensitivity } : {}), milestones, clauses, expectations };
  return `\n  ],${JSON.stringify(ordered, null, 2).slice(1)}\n`;
}
