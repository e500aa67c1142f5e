// The JSON trace as text: whole, or in pieces as the steps come, byte for byte the same.
import type { Step, TraceEnd, TraceHead } from '../run/trace.js';

/** JSON.stringify(trace, null, 2) + newline, written one step at a time (the steps array is never held). */
export async function* streamTraceJson(run: {
  head: TraceHead;
  steps: AsyncGenerator<Step, TraceEnd>;
}): AsyncGenerator<string> {
  const head = JSON.stringify(run.head, null, 2);
  yield `${head.slice(0, -2)},\n  "steps": [`;
  let first = true;
  let batch: Step[] = [];
  for (let r = await run.steps.next(); ; r = await run.steps.next()) {
    if (!r.done) batch.push(r.value);
    if (batch.length === BATCH || (r.done && batch.length > 0)) {
      yield `${first ? '' : ','}${stepsText(batch)}`;
      batch = [];
      first = false;
    }
    if (r.done) {
      const { horizon, final, sensitivity, milestones, clauses, expectations } = r.value;
      const end: TraceEnd = {
        horizon,
        final,
        ...(sensitivity ? { sensitivity } : {}),
        milestones,
        clauses,
        expectations,
      };
      yield `${first ? ']' : '\n  ]'},${JSON.stringify(end, null, 2).slice(1)}\n`;
      return;
    }
  }
}

const BATCH = 64;
const OPEN = '{\n  "steps": [';
const CLOSE = '\n  ]\n}';

/** Steps as they stand inside the whole trace's "steps" list (indented, comma-separated), in one stringify per batch. */
function stepsText(steps: Step[]): string {
  const text = JSON.stringify({ steps }, null, 2);
  return text.slice(OPEN.length, -CLOSE.length);
}
