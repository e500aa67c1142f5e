// The memoised step (src/machine/step.ts) against xstate itself: the same snapshot after every event, for any events,
// and the same regions left unaffected.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MachineEvent } from '../../src/machine/machine.js';
import { initialSnapshot, xstateNext } from '../../src/machine/scope.js';
import { guaranteeMachine } from '../../src/machine/machine.js';
import { nextSnapshot, unaffectedRegions } from '../../src/machine/step.js';
import { regionsHandling, type GuaranteeSnapshot } from '../../src/machine/status.js';
import { addDays } from '../../src/plan/dates.js';
import { BREACH_KINDS, MACHINE_EVENTS } from '../../src/plan/vocabulary.js';

const SCALE = Number(process.env.CASUS_PROPERTY_RUNS ?? 60) / 60;

const parameters = fc.record({
  'term-years': fc.integer({ min: 1, max: 30 }),
  'extension-years': fc.integer({ min: 1, max: 30 }),
  'election-deadline-days': fc.integer({ min: 1, max: 400 }),
  'relief-steps': fc.integer({ min: 1, max: 5 }),
});

const event = fc.record({
  type: fc.constantFrom(...MACHINE_EVENTS),
  days: fc.integer({ min: 0, max: 2_000 }),
  party: fc.constantFrom('UA', 'RU', 'US', null),
  breach: fc.option(fc.constantFrom(...BREACH_KINDS), { nil: null }),
});

const state = (s: GuaranteeSnapshot) => JSON.stringify([s.value, s.context, s.status]);

describe('the statechart stepped through its memoised path', () => {
  it('gives xstate’s own snapshot after every event of any sequence, under any parameters', () => {
    fc.assert(
      fc.property(parameters, fc.array(event, { maxLength: 40 }), (p, events) => {
        let reference = initialSnapshot(p);
        let memoised = reference;
        let at = '2026-01-10';
        for (const e of events) {
          at = addDays(at, e.days);
          const sent: MachineEvent = { type: e.type, at, rule: 'law', clause: 'law', party: e.party, breach: e.breach };
          reference = xstateNext(reference, sent);
          memoised = nextSnapshot(memoised, sent);
          expect(state(memoised), e.type).toBe(state(reference));
        }
      }),
      { numRuns: Math.round(300 * SCALE) },
    );
  });

  it('leaves unaffected exactly the reacting regions xstate takes no transition in, from any snapshot', () => {
    fc.assert(
      fc.property(parameters, fc.array(event, { maxLength: 40 }), (p, events) => {
        let snapshot = initialSnapshot(p);
        let at = '2026-01-10';
        for (const e of events) {
          at = addDays(at, e.days);
          const sent: MachineEvent = { type: e.type, at, rule: 'law', clause: 'law', party: e.party, breach: e.breach };
          const acting = new Set(
            guaranteeMachine
              .getTransitionData(snapshot, sent)
              .map((t) => (t.source.path.length === 0 ? 'breaches' : t.source.path[0])),
          );
          const expected = regionsHandling(sent.type).filter((r) => !acting.has(r));
          expect(
            unaffectedRegions(snapshot, sent).map((u) => u.region),
            e.type,
          ).toEqual(expected);
          snapshot = nextSnapshot(snapshot, sent);
        }
      }),
      { numRuns: Math.round(300 * SCALE) },
    );
  });
});
