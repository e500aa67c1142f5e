// Laws every run obeys, checked on random realistic timelines (fast-check). One law per test.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { effectInForce } from '../../src/check/conflicts.js';
import { InputError } from '../../src/issues/issue.js';
import { TERMINAL_GUARANTEE } from '../../src/plan/vocabulary.js';
import { runScenario } from '../../src/run/runner.js';
import type { Trace } from '../../src/run/trace.js';
import { checkScenario, parseScenario } from '../../src/scenario/load.js';
import { ruleSet } from '../helpers.js';
import { scenarioArb, type GeneratedEvent, type GeneratedScenario } from './arbitraries.js';

/** More runs with CASUS_PROPERTY_RUNS=N (npm run fuzz). */
const SCALE = Number(process.env.CASUS_PROPERTY_RUNS ?? 60) / 60;
const RUNS = { numRuns: Math.round(60 * SCALE) };
const run = (s: GeneratedScenario, engine: 'reference' | 'compiled' = 'compiled') =>
  runScenario(checkScenario(s, ruleSet), ruleSet, { engine });
const finalOf = async (s: GeneratedScenario) => JSON.stringify((await run(s)).final);
const TERMINAL = new Set<string>(TERMINAL_GUARANTEE);

/** The scenario with `extra` inserted right after the event at `index` (same date). */
function insertAfter(
  s: GeneratedScenario,
  index: number,
  ...extra: Array<Omit<GeneratedEvent, 'at'>>
): GeneratedScenario {
  const at = s.events[index]!.at;
  const events = [
    ...s.events.slice(0, index + 1),
    ...extra.map((e) => ({ ...e, at }) as GeneratedEvent),
    ...s.events.slice(index + 1),
  ];
  return { ...s, events };
}

describe('laws of a run', () => {
  it('the same scenario always gives byte-identical JSON', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb(15), async (s) => {
        expect(JSON.stringify(await run(s, 'reference'))).toBe(JSON.stringify(await run(s, 'reference')));
      }),
      { numRuns: Math.round(25 * SCALE) },
    );
  });

  it('once the guarantee is revoked, lapsed, void or expired it never changes again', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb(), async (s) => {
        const t = await run(s);
        const first = t.steps.findIndex((x) => TERMINAL.has(x.status.guarantee));
        if (first >= 0)
          for (const step of t.steps.slice(first)) expect(step.status.guarantee).toBe(t.steps[first]!.status.guarantee);
      }),
      RUNS,
    );
  });

  it('an incident between two third parties changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb(), fc.nat(), async (s, n) => {
        const incident = { type: 'armed-attack', by: 'IN', against: 'PK', scale: 'incident', means: 'air' };
        expect(await finalOf(insertAfter(s, n % s.events.length, incident))).toBe(await finalOf(s));
      }),
      RUNS,
    );
  });

  it('a sanctions-relief step before implementation changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb(), fc.nat(), async (s, n) => {
        const start = (await run(s)).milestones.implementation;
        const before = s.events.map((e, i) => ({ e, i })).filter(({ e }) => start === null || e.at < start);
        fc.pre(before.length > 0);
        const { i } = before[n % before.length]!;
        expect(await finalOf(insertAfter(s, i, { type: 'sanctions-relief-step' }))).toBe(await finalOf(s));
      }),
      RUNS,
    );
  });

  it('signing twice is the same as signing once', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb(), fc.nat(), async (s, n) => {
        const signatures = s.events.map((e, i) => ({ e, i })).filter(({ e }) => e.type === 'signature');
        fc.pre(signatures.length > 0);
        const { e, i } = signatures[n % signatures.length]!;
        expect(await finalOf(insertAfter(s, i, { type: 'signature', party: e.party }))).toBe(await finalOf(s));
      }),
      RUNS,
    );
  });

  it('after entry into force, same-day events touching different regions can come in any order', async () => {
    const relief = { type: 'sanctions-relief-step' };
    const response = { type: 'us-response-decided', measures: ['economic'] };
    const report = { type: 'force-level-reported', party: 'UA', personnel: 700_000 };
    await fc.assert(
      fc.asyncProperty(scenarioArb(), fc.nat(), async (s, n) => {
        const entry = (await run(s)).milestones.entryIntoForce;
        const after = s.events.map((e, i) => ({ e, i })).filter(({ e }) => entry !== null && e.at > entry);
        fc.pre(after.length > 0);
        const { i } = after[n % after.length]!;
        const orders = [
          [relief, response, report],
          [report, relief, response],
          [response, report, relief],
        ];
        const finals = await Promise.all(orders.map((o) => finalOf(insertAfter(s, i, ...o))));
        expect(new Set(finals).size).toBe(1);
      }),
      RUNS,
    );
  });
});

/** The guarantee status each rule's event leads to from in force (read from the statechart). */
const effectOf = (emit: string) => effectInForce(emit);

function checkAgreement(t: Trace): void {
  let prev = t.initial.guarantee;
  let concluded = false;
  for (const step of t.steps) {
    // a promised guarantee can be forfeited too, once the agreement is concluded
    const bound = prev === 'in-force' || prev === 'invoked' || (prev === 'pending' && concluded);
    const fired = step.fired.map((f) => ({ ...f, effect: effectOf(f.emits) }));
    const terminal = fired.find((f) => f.effect !== undefined && TERMINAL.has(f.effect));
    const trigger = fired.some((f) => f.effect === 'invoked');
    const now = step.status.guarantee;
    expect(now === 'invoked' && prev !== 'invoked', `step ${step.index}`).toBe(
      prev === 'in-force' && trigger && !terminal,
    );
    expect(TERMINAL.has(now) && !TERMINAL.has(prev), `step ${step.index}`).toBe(bound && terminal !== undefined);
    if (terminal && bound) expect(now).toBe(terminal.effect);
    prev = now;
    concluded = step.milestones.concluded !== null;
  }
}

describe('the rules and the statechart agree', () => {
  it(
    'invoked exactly when the trigger fired with the guarantee in force; ' +
      'each terminal status exactly when its rule fired',
    async () => {
      await fc.assert(
        fc.asyncProperty(scenarioArb(), async (s) => checkAgreement(await run(s))),
        { numRuns: Math.round(150 * SCALE) },
      );
    },
  );
});

describe('loading', () => {
  it('a scenario written out as YAML loads back as the same scenario', async () => {
    await fc.assert(
      fc.property(scenarioArb(), (s) => {
        expect(parseScenario('round-trip.yaml', stringify(s), ruleSet).scenario).toEqual(
          checkScenario(s, ruleSet).scenario,
        );
      }),
      RUNS,
    );
  });

  it('the scenario loader never throws anything but a structured InputError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom('x.yaml', 'x.json'), (text, file) => {
        try {
          parseScenario(file, text, ruleSet);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          for (const issue of (error as InputError).issues)
            expect(issue).toMatchObject({ file, line: expect.any(Number), message: expect.any(String) });
        }
      }),
      { numRuns: Math.round(1000 * SCALE) },
    );
  });

  it('the scenario loader never throws anything but an InputError on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        try {
          parseScenario('x.json', JSON.stringify(value), ruleSet);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: Math.round(500 * SCALE) },
    );
  });
});
