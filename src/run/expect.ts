// Checking a scenario's `expect` blocks against the statuses the run produced.
import type { Breach, Status } from '../plan/vocabulary.js';
import type { Expectation } from '../scenario/schema.js';
import type { ExpectationResult, Step } from './trace.js';

type BreachExpectation = NonNullable<Expectation['breaches']>[number];

function breachMatches(expected: BreachExpectation, actual: Breach): boolean {
  if (typeof expected === 'string') return expected === actual.kind;
  return expected.kind === actual.kind && (expected.party === undefined || expected.party === actual.party);
}

/** The status at the end of a date: after its last step, deadlines included. */
function statusOn(on: string, initial: Status, steps: readonly Step[], final: Status): { status: Status; step: number | null } {
  if (on === 'end') return { status: final, step: steps.length ? steps.length - 1 : null };
  let found: Step | undefined;
  for (const step of steps) {
    if (step.at > on) break;
    found = step;
  }
  return found ? { status: found.status, step: found.index } : { status: initial, step: null };
}

export function checkExpectations(expect: readonly Expectation[], lines: readonly number[], initial: Status, steps: readonly Step[], final: Status): ExpectationResult[] {
  return expect.map((x, i) => {
    const { status, step } = statusOn(x.on, initial, steps, final);
    const expected: Record<string, unknown> = {};
    const actual: Record<string, unknown> = {};
    let ok = true;
    for (const [key, want] of Object.entries(x)) {
      if (key === 'on' || want === undefined) continue;
      const got = status[key as keyof Status];
      expected[key] = want;
      if (key === 'breaches') {
        const list = got as Breach[];
        const wanted = want as BreachExpectation[];
        actual[key] = list.map((b) => ({ kind: b.kind, party: b.party }));
        if (list.length !== wanted.length || !wanted.every((w, j) => breachMatches(w, list[j]!))) ok = false;
      } else {
        actual[key] = got;
        if (got !== want) ok = false;
      }
    }
    return { on: x.on, line: lines[i] ?? 0, ok, expected, actual, step };
  });
}
