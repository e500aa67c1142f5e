// Checking a scenario's `expect` blocks against the statuses the run produced.
import type { Breach, Status } from '../plan/vocabulary.js';
import type { Expectation } from '../scenario/schema.js';
import type { ExpectationResult } from './trace.js';

type BreachExpectation = NonNullable<Expectation['breaches']>[number];

function breachMatches(expected: BreachExpectation, actual: Breach): boolean {
  if (typeof expected === 'string') return expected === actual.kind;
  return expected.kind === actual.kind && (expected.party === undefined || expected.party === actual.party);
}

function compare(
  x: Expectation,
  status: Status,
): { ok: boolean; expected: Record<string, unknown>; actual: Record<string, unknown> } {
  const expected: Record<string, unknown> = {};
  const actual: Record<string, unknown> = {};
  let ok = true;
  for (const [key, want] of Object.entries(x)) {
    if (key === 'on' || key === 'assuming' || key === 'plan' || want === undefined) continue;
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
  return { ok, expected, actual };
}

type Seen<S> = { index: number; at: string; status: Status; step: S };

/**
 * Checks expectations as steps go by, from statuses only: an expectation on a date is settled by the last step of
 * that date, so nothing but the steps it settles on is kept.
 */
export class ExpectationTracker<S> {
  private readonly results: Array<ExpectationResult | undefined>;
  /** date expectations not yet settled, by date */
  private readonly open: number[];
  private last: Seen<S> | undefined;
  /** the steps expectations were settled on, by index (for reports of failures) */
  readonly steps = new Map<number, S>();

  constructor(
    private readonly expect: readonly Expectation[],
    private readonly lines: readonly number[],
    private readonly initial: Status,
  ) {
    this.results = expect.map(() => undefined);
    this.open = expect
      .map((_, i) => i)
      .filter((i) => expect[i]!.on !== 'end')
      .sort((a, b) => (expect[a]!.on < expect[b]!.on ? -1 : expect[a]!.on > expect[b]!.on ? 1 : a - b));
  }

  private settle(i: number, status: Status, seen: Seen<S> | undefined): void {
    const x = this.expect[i]!;
    if (seen) this.steps.set(seen.index, seen.step);
    this.results[i] = { on: x.on, line: this.lines[i] ?? 0, ...compare(x, status), step: seen ? seen.index : null };
  }

  observe(index: number, at: string, status: Status, step: S): void {
    if (this.expect.length === 0) return;
    while (this.open.length && this.expect[this.open[0]!]!.on < at)
      this.settle(this.open.shift()!, this.last?.status ?? this.initial, this.last);
    this.last = { index, at, status, step };
  }

  finish(final: Status): ExpectationResult[] {
    for (const i of this.open.splice(0)) this.settle(i, this.last?.status ?? this.initial, this.last);
    this.expect.forEach((x, i) => {
      if (x.on === 'end') this.settle(i, final, this.last);
    });
    return this.results as ExpectationResult[];
  }
}
